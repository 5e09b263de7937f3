import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import { buildReferenceApp } from '../../bin/reference-app';
import { buildStatewideApp } from '../../bin/statewide';
import * as library from '../../lib/index';
import { WaiverIndex } from '../../lib/pack/waivers';

/** One acknowledgment a construct makes, as the generated construct page lists it. */
export interface ConstructAcknowledgment {
  /** The rule or finding acknowledged, e.g. `AwsSolutions-IAM5[Resource::*]`. */
  readonly ruleId: string;
  /** Its reason, with the construct's own path written `<path>`. */
  readonly reason: string;
  /** Where under the construct it is made (`Bucket/Resource`), or `.` for the construct itself or its stack. */
  readonly madeOn: string;
  /** `library` for the construct's own waivers; `agency` for an opt-out the agency asked for through a prop. */
  readonly origin: string;
  /** When it is made: in the reference apps as they are, or given a named prop. */
  readonly when: string;
}

/** Stands in for the agency's own words in an opt-out's reason. */
export const AGENCY_REASON = 'the agency reason given in the prop';

const IN_REFERENCE_APPS = 'as the reference apps build it';

/** The id of each scenario's construct, written `<path>` in reasons that name it. */
const SUBJECT = 'Subject';

/**
 * The opt-outs and options the reference apps leave out, one stack each, so a
 * waiver the stack itself carries (CDK's auto-delete provider) is the
 * scenario's: stack name, the construct's class, when it applies, the build
 * (the construct's id is always `Subject`).
 */
const SCENARIOS: ReadonlyArray<readonly [string, string, string, (stack: Stack) => void]> = [
  ['StagingTeardown', 'SecureBucket', 'given `stagingTeardown` with `autoDeleteObjects`', (stack) => {
    new library.SecureBucket(stack, 'Subject', {
      dataClass: library.DataClass.OPERATIONAL, removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true, stagingTeardown: { reason: AGENCY_REASON },
    });
  }],
  ['GeoRestriction', 'ElectionWebAcl', 'given `geoRestriction`', (stack) => {
    new library.ElectionWebAcl(stack, 'Subject', { scope: library.WebAclScope.CLOUDFRONT, preset: library.WebAclPreset.PORTAL, geoRestriction: { allowedCountryCodes: ['US'], reason: AGENCY_REASON } });
  }],
  ['BlockedOnlyLogs', 'ElectionWebAcl', 'given `logFilter: WafLogFilter.BLOCKED_ONLY`', (stack) => {
    new library.ElectionWebAcl(stack, 'Subject', { scope: library.WebAclScope.CLOUDFRONT, preset: library.WebAclPreset.PORTAL, logFilter: library.WafLogFilter.BLOCKED_ONLY, logFilterReason: AGENCY_REASON });
  }],
  ['ProtectedBodyFields', 'ElectionWebAcl', 'given `protectedBodyFields`', (stack) => {
    new library.ElectionWebAcl(stack, 'Subject', { scope: library.WebAclScope.CLOUDFRONT, preset: library.WebAclPreset.PORTAL, protectedBodyFields: ['ssn'] });
  }],
  ['FunctionInVpc', 'ElectionFunction', 'given `vpc`', (stack) => {
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0, subnetConfiguration: [{ name: 'private', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
    new library.ElectionFunction(stack, 'Subject', { code: lambda.Code.fromInline('exports.handler = async () => ({})'), handler: 'index.handler', vpc });
  }],
  ['OtherStandards', 'SecurityMonitoring', 'given `securityHubStandards` without the baseline standards', (stack) => {
    new library.SecurityMonitoring(stack, 'Subject', { securityHubStandards: [library.SecurityHubStandard.CIS_AWS_FOUNDATIONS_1_4_0] });
  }],
  ['NoGlobalResources', 'SecurityMonitoring', 'given `includeGlobalResourceTypes: false`', (stack) => {
    new library.SecurityMonitoring(stack, 'Subject', { includeGlobalResourceTypes: false });
  }],
  ['Grants', 'SecureBucket', 'on each grant to a role of the stack\'s account', (stack) => {
    const reader = new iam.Role(stack, 'Reader', { assumedBy: new iam.AccountPrincipal(stack.account) });
    new library.SecureBucket(stack, 'Subject', { dataClass: library.DataClass.OPERATIONAL }).grantRead(reader);
  }],
  ['SelfManagedRole', 'SelfManagedExecutionRole', 'always', (stack) => {
    new library.SelfManagedExecutionRole(stack, 'Subject', { administrationAccountId: '111111111111', administrationRoleName: 'StateStackSetAdministration', services: ['s3', 'kms'] });
  }],
];

type ConstructClass = abstract new (...args: never[]) => IConstruct;

/** The library's construct classes by name, as `lib/index.ts` exports them. */
function constructClasses(names: readonly string[]): Map<string, ConstructClass> {
  const exported = library as unknown as Record<string, ConstructClass>;
  return new Map(names.map((name) => [name, exported[name]]));
}

/** The library class `scope` is an instance of: its own class first (an ElectionRecordsBucket is also a SecureBucket). */
function classOf(scope: IConstruct, classes: ReadonlyMap<string, ConstructClass>): string | undefined {
  const entries = [...classes];
  return (entries.find(([, cls]) => scope.constructor === cls) ?? entries.find(([, cls]) => scope instanceof cls))?.[0];
}

/**
 * Every acknowledgment the named constructs make, offline and deterministic:
 * the reference app and a two-county statewide app are built in a scratch
 * App (no packs, no synth), plus one stack per scenario above. Each waiver is
 * the innermost library construct's above where it is made, or, made on a
 * scenario stack itself, that scenario's.
 */
export function constructAcknowledgments(names: readonly string[]): Map<string, ConstructAcknowledgment[]> {
  const app = new App({ context: { counties: '2' } });
  buildReferenceApp(app, { registerPacks: false });
  buildStatewideApp(app, { counties: 2, registerPacks: false });
  const scenarios = new Map<string, { construct: string; when: string }>();
  for (const [stackName, construct, when, build] of SCENARIOS) {
    build(new Stack(app, stackName, { env: { region: 'us-east-1' } }));
    scenarios.set(stackName, { construct, when });
  }
  const classes = constructClasses(names);
  const nodes = new Map(app.node.findAll().map((node): [string, IConstruct] => [node.node.path, node]));
  const found = new Map<string, Map<string, ConstructAcknowledgment>>(names.map((name) => [name, new Map()]));
  for (const waiver of WaiverIndex.collect(app).made()) {
    const node = nodes.get(waiver.path);
    if (!node) continue;
    const scenario = scenarios.get(node.node.scopes[1]?.node.id ?? '');
    const owner = [...node.node.scopes].reverse().map((scope) => ({ scope, name: classOf(scope, classes) })).find((o) => o.name);
    // Outside every library construct, only what CDK adds to a scenario stack for its construct (the auto-delete provider) counts.
    if (!owner && Stack.isStack(node)) continue;
    const name = owner?.name ?? scenario?.construct;
    const ownerPath = owner?.scope.node.path ?? Stack.of(node).node.path;
    if (!name || !found.has(name)) continue;
    const relative = waiver.path === ownerPath ? '.' : waiver.path.slice(ownerPath.length + 1);
    const ack: ConstructAcknowledgment = {
      ruleId: waiver.ruleId,
      reason: waiver.reason.split(owner ? ownerPath : `${ownerPath}/${SUBJECT}`).join('<path>'),
      madeOn: relative.replace(/^Default$/, '.'),
      origin: waiver.origin,
      when: scenario && scenario.construct === name ? scenario.when : IN_REFERENCE_APPS,
    };
    // One row per acknowledgment: made in the reference apps it is no scenario's; else the scenarios that make it.
    const key = [ack.ruleId, ack.reason, ack.madeOn].join('\n');
    const seen = found.get(name)!.get(key);
    const when = !seen || seen.when === ack.when ? ack.when
      : seen.when === IN_REFERENCE_APPS || ack.when === IN_REFERENCE_APPS ? IN_REFERENCE_APPS : `${seen.when}; ${ack.when}`;
    found.get(name)!.set(key, { ...ack, when });
  }
  return new Map([...found].map(([name, acks]) => [name, [...acks.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.madeOn.localeCompare(b.madeOn))]));
}
