import { createHash } from 'crypto';
import { CfnResource, FileAssetPackaging, Stack, Stage, Token } from 'aws-cdk-lib';
import * as cloudformation from 'aws-cdk-lib/aws-cloudformation';
import { Construct } from 'constructs';
import { ACCOUNT_ID } from '../../lib/baseline/account-id';
import { AWS_REGION } from '../../lib/baseline/aws-names';
import { MAX_OBJECT_LOCK_DAYS, MIN_RECORDS_RETENTION_DAYS } from '../../lib/baseline/records-retention';
import { DEFAULT_FAILURE_TOLERANCE_PERCENTAGE, DEFAULT_MAX_CONCURRENT_PERCENTAGE, EXECUTION_BASE_SERVICES, iamServiceOf } from '../../lib/baseline/stack-sets';
import { ValidationErrorCode } from '../../lib/validation-error';
import { COUNTY_NAME_PATTERN, CountyBaselineStack } from '../county-baseline-stack';
import { CountyParameters, CountyRolloutOptions } from '../stack-set-options';
import { EMAIL } from './alert-topic-defaults';
import { EDGE_REGION } from './edge-region';
import { shown, tokenOr, validationError } from './validate';

/**
 * The stack-set settings both county stack sets share, on one screen: the
 * template as a file asset, operation preferences for 250 accounts, the
 * stack set's default parameters and each county's overrides.
 */

const STACK_SET_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
const UNASSIGNED_COUNTY = 'Unassigned';
export const DEFAULT_STACK_SET_NAME = 'election-county-baseline';

/** The rollout options, checked, with the settings they give the CfnStackSet. */
export interface CheckedRollout {
  readonly name: string;
  readonly regions: string[];
  readonly counties: CountyParameters[];
  readonly operationPreferences: cloudformation.CfnStackSet.OperationPreferencesProperty;
  readonly parameters: cloudformation.CfnStackSet.ParameterProperty[];
}

export function checkedRollout(scope: Construct, options: CountyRolloutOptions): CheckedRollout {
  checkedTemplate(scope, options.template);
  const regions = checkedList(scope, 'regions', options.regions, AWS_REGION, "Region names such as 'us-east-1'");
  // The results site's CLOUDFRONT web ACL exists only in us-east-1; its template's Rule would fail every other stack instance.
  if (options.template.hasResultsSite && (regions.length !== 1 || regions[0] !== EDGE_REGION)) {
    throw validationError(scope, ValidationErrorCode.WRONG_PLACEMENT, 'regions', `is ${JSON.stringify(regions)} for '${options.template.node.path}', which has a results site`,
      `give ['${EDGE_REGION}']: its CLOUDFRONT web ACL and CloudFront log delivery exist only there`);
  }
  checkedEmail(scope, 'defaultAlertEmail', options.defaultAlertEmail);
  const name = options.stackSetName ?? DEFAULT_STACK_SET_NAME;
  if (Token.isUnresolved(name) || !STACK_SET_NAME.test(name)) {
    throw validationError(scope, tokenOr(name, ValidationErrorCode.INVALID_VALUE), 'stackSetName', `is ${shown(name)}`, 'give a literal of letters, digits and hyphens, starting with a letter, at most 128');
  }
  return {
    name,
    regions,
    counties: checkedCounties(scope, options.counties ?? []),
    operationPreferences: {
      regionConcurrencyType: 'PARALLEL',
      maxConcurrentPercentage: checkedPercentage(scope, 'maxConcurrentPercentage', options.maxConcurrentPercentage ?? DEFAULT_MAX_CONCURRENT_PERCENTAGE, 1),
      failureTolerancePercentage: checkedPercentage(scope, 'failureTolerancePercentage', options.failureTolerancePercentage ?? DEFAULT_FAILURE_TOLERANCE_PERCENTAGE, 0),
      // SOFT: the concurrency stays at the percentage; STRICT would throttle it to the failure tolerance plus one.
      concurrencyMode: 'SOFT_FAILURE_TOLERANCE',
    },
    parameters: [
      { parameterKey: CountyBaselineStack.COUNTY_NAME_PARAMETER, parameterValue: UNASSIGNED_COUNTY },
      { parameterKey: CountyBaselineStack.ALERT_EMAIL_PARAMETER, parameterValue: options.defaultAlertEmail },
    ],
  };
}

/** A county's parameter overrides: its name, and its email and retention when given. */
export function overridesOf(county: CountyParameters): cloudformation.CfnStackSet.ParameterProperty[] {
  const overrides = [{ parameterKey: CountyBaselineStack.COUNTY_NAME_PARAMETER, parameterValue: county.countyName }];
  if (county.alertEmail !== undefined) overrides.push({ parameterKey: CountyBaselineStack.ALERT_EMAIL_PARAMETER, parameterValue: county.alertEmail });
  if (county.recordsRetentionDays !== undefined) {
    overrides.push({ parameterKey: CountyBaselineStack.RECORDS_RETENTION_DAYS_PARAMETER, parameterValue: String(county.recordsRetentionDays) });
  }
  return overrides;
}

/**
 * The template as a file asset of `scope`'s stack, named by its content hash,
 * so a changed baseline is a changed TemplateURL and the stack set updates.
 */
export function templateAssetUrl(scope: Construct, template: Stack): string {
  const body = JSON.stringify((template as unknown as { _toCloudFormation(): object })._toCloudFormation());
  return Stack.of(scope).synthesizer.addFileAsset({
    packaging: FileAssetPackaging.FILE,
    sourceHash: createHash('sha256').update(body).digest('hex'),
    fileName: template.templateFile,
    displayName: `${template.node.path} county template`,
  }).httpUrl;
}

/** The IAM services of every resource type the template deploys, with CloudFormation and SNS. */
export function templateServices(template: Stack): string[] {
  const services = new Set(EXECUTION_BASE_SERVICES);
  for (const node of template.node.findAll()) {
    if (!CfnResource.isCfnResource(node) || Stack.of(node) !== template) continue;
    const service = iamServiceOf(node.cfnResourceType);
    if (service !== undefined) services.add(service);
  }
  return [...services].sort();
}

function checkedTemplate(scope: Construct, template: Stack): void {
  if (Stage.of(template) !== Stage.of(scope)) {
    throw validationError(scope, ValidationErrorCode.WRONG_PLACEMENT, 'template', `is '${template.node.path}' of another Stage`,
      'define the county template in the same App or Stage, so its template file is in this cloud assembly');
  }
  if (!Token.isUnresolved(template.account) || !Token.isUnresolved(template.region)) {
    throw validationError(scope, ValidationErrorCode.WRONG_PLACEMENT, 'template', `is '${template.node.path}' with env ${template.account}/${template.region}`,
      'give the county template no env: one template is deployed to every county account and Region');
  }
}

export function checkedList(scope: Construct, prop: string, values: string[], pattern: RegExp, allowed: string): string[] {
  const bad = values.find((v) => Token.isUnresolved(v) || !pattern.test(v));
  if (values.length === 0 || bad !== undefined) {
    throw validationError(scope, bad === undefined ? ValidationErrorCode.MISSING_VALUE : tokenOr(bad, ValidationErrorCode.INVALID_VALUE), prop, bad === undefined ? 'is empty' : `contains ${shown(bad)}`, `give literal ${allowed}`);
  }
  const repeated = values.find((v, i) => values.indexOf(v) !== i);
  if (repeated !== undefined) throw validationError(scope, ValidationErrorCode.INVALID_VALUE, prop, `lists '${repeated}' twice`, 'give each once');
  return values;
}

function checkedEmail(scope: Construct, prop: string, email: string): void {
  if (Token.isUnresolved(email) || !EMAIL.test(email)) {
    throw validationError(scope, tokenOr(email, ValidationErrorCode.INVALID_VALUE), prop, `is ${shown(email)}`, 'give a literal email address such as soc@state.example.gov');
  }
}

function checkedPercentage(scope: Construct, prop: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min || value > 100) {
    throw validationError(scope, ValidationErrorCode.INVALID_VALUE, prop, `is ${value}`, `give a whole percentage from ${min} to 100`);
  }
  return value;
}

function checkedCounties(scope: Construct, counties: CountyParameters[]): CountyParameters[] {
  const seen = new Set<string>();
  counties.forEach((county, i) => {
    const prop = `counties[${i}]`;
    if (Token.isUnresolved(county.accountId) || !ACCOUNT_ID.test(county.accountId)) {
      throw validationError(scope, tokenOr(county.accountId, ValidationErrorCode.INVALID_VALUE), `${prop}.accountId`, `is ${shown(county.accountId)}`, 'give the 12-digit account id');
    }
    if (seen.has(county.accountId)) throw validationError(scope, ValidationErrorCode.INVALID_VALUE, `${prop}.accountId`, `repeats '${county.accountId}'`, 'give each county account once');
    seen.add(county.accountId);
    if (Token.isUnresolved(county.countyName) || !new RegExp(COUNTY_NAME_PATTERN).test(county.countyName)) {
      throw validationError(scope, tokenOr(county.countyName, ValidationErrorCode.INVALID_VALUE), `${prop}.countyName`, `is ${shown(county.countyName)}`,
        'give 1 to 63 letters, digits, spaces, dots, apostrophes or hyphens, starting with a letter or digit');
    }
    if (county.alertEmail !== undefined) checkedEmail(scope, `${prop}.alertEmail`, county.alertEmail);
    const days = county.recordsRetentionDays;
    if (days !== undefined && (!Number.isInteger(days) || days < MIN_RECORDS_RETENTION_DAYS || days > MAX_OBJECT_LOCK_DAYS)) {
      throw validationError(scope, Number.isInteger(days) && days < MIN_RECORDS_RETENTION_DAYS ? ValidationErrorCode.OUTSIDE_BASELINE_BOUND : days > MAX_OBJECT_LOCK_DAYS ? ValidationErrorCode.ABOVE_SERVICE_LIMIT : ValidationErrorCode.INVALID_VALUE,
        `${prop}.recordsRetentionDays`, `is ${days}`,
        `give whole days from ${MIN_RECORDS_RETENTION_DAYS} (22 months, 52 U.S.C. 20701) to ${MAX_OBJECT_LOCK_DAYS}`);
    }
  });
  return counties;
}
