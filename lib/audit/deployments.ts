import * as fs from 'fs';
import * as path from 'path';
import { CountyBaselineStack } from '../../constructs/county-baseline-stack';
import { asList, at, isObject, JsonObject } from '../baseline/intrinsics';
import { parseCloudFormationYaml } from './cfn-yaml';
import { targetName } from './deployment-target';
import { AuditDeployment, AuditFinding, AuditRule, DeploymentTarget } from './model';
import { parameterProblems, retentionParameters } from './parameter-checks';
import { LoadedTemplate } from './template-file';

/**
 * The statewide audit: for each `AWS::CloudFormation::StackSet` of the audited
 * templates, the template it deploys and, target by target (each county's
 * account, the rest of the OUs), the parameter values that target gets, each
 * checked as CloudFormation will and against the rules' bounds. The deployed
 * template itself is judged once, as one of the audited templates (see
 * `stackSetTemplatesOf` in inputs.ts); here only what differs per county is judged.
 */

const STACK_SET = 'AWS::CloudFormation::StackSet';

/** The audit's rule for a county's parameters: not in the pack, since no one template carries both the stack set and what it deploys. */
export const STACK_SET_PARAMETERS_RULE: AuditRule = {
  ruleId: 'ElectionBaseline-StackSetCountyParameters',
  pack: 'election',
  level: 'error',
  message: 'A stack set gives a county a parameter value its template or the baseline refuses.',
  explanation:
    'Each target gets the template\'s Defaults, the stack set\'s Parameters, then its overrides. A value outside the ' +
    'template\'s constraints fails that county\'s rollout; a records retention under the floor keeps records too briefly.',
  controls: ['NIST-800-53-r5:CM-2', 'NIST-800-53-r5:CM-6', 'NIST-800-53-r5:SI-12', '52-USC-20701'],
  waivable: false,
};

/** Where a stack set's template is, when it is a file of the cloud assembly (its TemplateURL names an asset). */
export interface StackSetTemplateFile {
  readonly file: string;
  readonly display: string;
}

/** The assembly file a stack set's TemplateURL asset publishes, or undefined (a TemplateBody, or a URL no asset of the assembly matches). */
export function stackSetTemplateFile(holder: LoadedTemplate, stackSet: JsonObject): StackSetTemplateFile | undefined {
  const url = at(stackSet, 'Properties', 'TemplateURL');
  if (url === undefined || !holder.assetTemplates) return undefined;
  const written = JSON.stringify(url);
  for (const [objectKey, source] of holder.assetTemplates) {
    if (!written.includes(`/${objectKey}`)) continue;
    const dir = path.dirname(holder.file);
    const file = path.resolve(dir, source);
    const relative = path.relative(dir, file);
    // Only a file inside the assembly, as for nested stacks.
    if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
    return { file, display: path.posix.join(path.posix.dirname(holder.display), source) };
  }
  return undefined;
}

/** Every stack set of the templates and what it deploys to each target, in template and logical-id order. */
export function stackSetDeployments(templates: readonly LoadedTemplate[]): AuditDeployment[] {
  const byFile = new Map(templates.map((t) => [path.resolve(t.file), t]));
  const deployments: AuditDeployment[] = [];
  for (const holder of templates) {
    for (const [logicalId, resource] of Object.entries(holder.resources)) {
      if (resource.Type === STACK_SET) deployments.push(deploymentOf(holder, logicalId, resource, byFile));
    }
  }
  return deployments.sort((a, b) => compare(a.template, b.template) || compare(a.logicalId, b.logicalId));
}

/** One open finding on the stack set per target with a problem, and per stack set whose template cannot be read. */
export function deploymentFindings(deployments: readonly AuditDeployment[], templates: readonly LoadedTemplate[]): AuditFinding[] {
  const lines = new Map(templates.map((t) => [t.display, t.lines]));
  return deployments.flatMap((deployment) => {
    const line = lines.get(deployment.template)?.get(deployment.logicalId);
    const finding = (findingId: string, problems: readonly string[], level: 'error' | 'warning' = 'error'): AuditFinding => ({
      ruleId: STACK_SET_PARAMETERS_RULE.ruleId,
      findingId,
      pack: 'election',
      level,
      status: 'open',
      template: deployment.template,
      stack: deployment.stack,
      logicalId: deployment.logicalId,
      resourceType: STACK_SET,
      message: `${findingId.replace('::', ' ')}: ${problems.join('; ')}.`,
      controls: STACK_SET_PARAMETERS_RULE.controls,
      ...(line !== undefined ? { line } : {}),
    });
    return [
      // A template outside the assembly (an S3 URL) is not wrong, only unjudged here: a warning.
      ...(deployment.problems.length > 0 ? [finding('StackSet::template', deployment.problems, 'warning')] : []),
      ...deployment.targets.filter((t) => t.problems.length > 0).map((t) => finding(targetName(t), t.problems)),
    ];
  });
}

function deploymentOf(holder: LoadedTemplate, logicalId: string, resource: JsonObject, byFile: Map<string, LoadedTemplate>): AuditDeployment {
  const props = isObject(resource.Properties) ? resource.Properties : {};
  const deployed = deployedTemplate(holder, logicalId, resource, byFile);
  const base = {
    template: holder.display,
    stack: holder.stack,
    logicalId,
    ...(typeof props.StackSetName === 'string' ? { stackSetName: props.StackSetName } : {}),
    ...(typeof props.PermissionModel === 'string' ? { permissionModel: props.PermissionModel } : {}),
  };
  if ('problem' in deployed) return { ...base, problems: [deployed.problem], targets: [] };
  const definitions = isObject(deployed.template.Parameters) ? deployed.template.Parameters : {};
  const retention = retentionParameters(deployed.template);
  const shared = parameterValues(props.Parameters);
  const targets = asList(props.StackInstancesGroup).filter(isObject).flatMap((group) => targetsOf(group, definitions, shared, retention));
  return { ...base, deploys: deployed.display, problems: [], targets };
}

type Deployed = { template: JsonObject; display: string } | { problem: string };

/** The template a stack set deploys: an audited assembly file, or its TemplateBody. */
function deployedTemplate(holder: LoadedTemplate, logicalId: string, resource: JsonObject, byFile: Map<string, LoadedTemplate>): Deployed {
  const body = at(resource, 'Properties', 'TemplateBody');
  if (typeof body === 'string') return parsedBody(body, `${holder.display}#${logicalId}.TemplateBody`);
  if (isObject(body)) return { template: body, display: `${holder.display}#${logicalId}.TemplateBody` };
  const file = stackSetTemplateFile(holder, resource);
  const loaded = file && byFile.get(file.file);
  if (loaded) return { template: loaded.template, display: loaded.display };
  if (file && fs.existsSync(file.file)) return parsedBody(fs.readFileSync(file.file, 'utf8'), file.display);
  return { problem: 'its TemplateURL names no template of this cloud assembly, so what it deploys was not judged' };
}

function parsedBody(text: string, display: string): Deployed {
  try {
    const value: unknown = /^\s*\{/.test(text) ? JSON.parse(text) : parseCloudFormationYaml(text, display).value;
    return isObject(value) ? { template: value, display } : { problem: `${display} is not a template` };
  } catch (error) {
    return { problem: `${display} cannot be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  }
}

/** One target per account the group names; one for its OUs when it names none (or excludes them: DIFFERENCE). */
function targetsOf(group: JsonObject, definitions: JsonObject, shared: Map<string, unknown>, retention: Map<string, number>): DeploymentTarget[] {
  const targets = isObject(group.DeploymentTargets) ? group.DeploymentTargets : {};
  const filter = typeof targets.AccountFilterType === 'string' ? targets.AccountFilterType : undefined;
  const accounts = asList(targets.Accounts).map(String);
  const ous = asList(targets.OrganizationalUnitIds).map(String);
  const regions = asList(group.Regions).map(String);
  const values = new Map([...shared, ...parameterValues(group.ParameterOverrides)]);
  const perAccount = accounts.length > 0 && filter !== 'DIFFERENCE';
  const groups = perAccount ? accounts.map((a) => [a]) : [accounts];
  return groups.map((named) => ({
    ...targetParameters(definitions, values, retention),
    accounts: named,
    organizationalUnitIds: ous,
    ...(filter !== undefined ? { accountFilterType: filter } : {}),
    regions,
  }));
}

/** The values a target gets, each checked, with the county's name when the template has the parameter. */
function targetParameters(definitions: JsonObject, values: Map<string, unknown>, retention: Map<string, number>): Pick<DeploymentTarget, 'county' | 'parameters' | 'problems'> {
  const parameters: Record<string, string> = {};
  const problems: string[] = [];
  for (const [name, definition] of Object.entries(definitions)) {
    if (!isObject(definition)) continue;
    const given = values.has(name) ? values.get(name) : definition.Default;
    if (given === undefined) {
      problems.push(`${name} has no value (no Default, no stack-set value, no override)`);
      continue;
    }
    if (typeof given !== 'string' && typeof given !== 'number') {
      problems.push(`${name} is ${JSON.stringify(given)}, which the audit cannot resolve`);
      continue;
    }
    const value = String(given);
    parameters[name] = definition.NoEcho === true || definition.NoEcho === 'true' ? '****' : value;
    problems.push(...parameterProblems(name, value, definition, retention.get(name)));
  }
  for (const name of values.keys()) if (!(name in definitions)) problems.push(`${name} is given, but the template declares no such parameter`);
  const county = parameters[CountyBaselineStack.COUNTY_NAME_PARAMETER];
  return { ...(county !== undefined ? { county } : {}), parameters, problems };
}

/** `[{ParameterKey, ParameterValue}]` as a map. */
function parameterValues(list: unknown): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const entry of asList(list)) {
    if (isObject(entry) && typeof entry.ParameterKey === 'string') values.set(entry.ParameterKey, entry.ParameterValue);
  }
  return values;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
