import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as fc from 'fast-check';
import { SecurityHubStandard } from '../../constructs/defaults/security-monitoring-defaults';
import { LogArchiveBucket } from '../../constructs/log-archive-bucket';
import { SecurityMonitoring, SecurityMonitoringProps } from '../../constructs/security-monitoring';
import { buildOrReject, mostly, oddString, propertyStack, Tally } from '../helpers/property-harness';

const PROPS = [
  'enableGuardDuty', 'guardDutyRuntimeMonitoring', 'enableSecurityHub', 'securityHubStandards', 'enableConfig', 'includeGlobalResourceTypes',
  'archive', 'configRole', 'createConfigServiceLinkedRole', 'alertTopic', 'socEventBus', 'socTopicArn',
];

const STANDARDS = Object.values(SecurityHubStandard);

const standards = mostly(
  fc.uniqueArray(fc.constantFrom(...STANDARDS), { minLength: 1 }),
  fc.oneof(
    fc.constant([]),
    fc.constantFrom(...STANDARDS).map((s) => [s, s]),
    fc.array(fc.oneof(fc.constantFrom('pci-dss/v/3.2.1', 'cis-aws-foundations-benchmark/v/9.9.9', 'CIS'), oddString), { minLength: 1, maxLength: 2 }),
  ) as fc.Arbitrary<string[]>,
) as fc.Arbitrary<SecurityHubStandard[]>;

const socTopicArns = mostly(
  fc.constantFrom('arn:aws:sns:us-east-1:111122223333:soc-alerts', 'arn:aws-us-gov:sns:us-gov-west-1:111122223333:fusion_center', 'arn:aws:sns:us-east-1:111122223333:soc.fifo'),
  fc.oneof(fc.constantFrom('arn:aws:sns:us-east-1:1111:soc', 'arn:aws:sqs:us-east-1:111122223333:soc', 'soc-alerts', 'arn:aws:sns:us-east-1:111122223333:', 'arn:aws:sns:us-east-1:111122223333:soc alerts'), oddString),
);

const optionalBoolean = fc.option(fc.boolean(), { nil: undefined });

const inputs = fc.record({
  enableGuardDuty: optionalBoolean,
  guardDutyRuntimeMonitoring: optionalBoolean,
  enableSecurityHub: optionalBoolean,
  securityHubStandards: fc.option(standards, { nil: undefined }),
  enableConfig: optionalBoolean,
  includeGlobalResourceTypes: optionalBoolean,
  archive: fc.constantFrom(false, false, true),
  configRole: fc.constantFrom(false, false, true),
  createConfigServiceLinkedRole: fc.option(fc.boolean(), { nil: undefined }),
  alertTopic: fc.boolean(),
  socEventBus: fc.boolean(),
  socTopicArn: fc.option(socTopicArns, { nil: undefined }),
});

type Input = typeof inputs extends fc.Arbitrary<infer T> ? T : never;
const BASE: Input = { enableGuardDuty: undefined, guardDutyRuntimeMonitoring: undefined, enableSecurityHub: undefined, securityHubStandards: undefined, enableConfig: undefined, includeGlobalResourceTypes: undefined, archive: false, configRole: false, createConfigServiceLinkedRole: undefined, alertTopic: false, socEventBus: false, socTopicArn: undefined };

describe('SecurityMonitoring over generated props', () => {
  test('every input either throws naming the prop, or turns on what it asks for and passes the pack', () => {
    const tally = new Tally();
    fc.assert(
      fc.property(inputs, (input) => {
        const { app, stack } = propertyStack();
        const props: SecurityMonitoringProps = {
          ...input,
          archive: input.archive ? new LogArchiveBucket(stack, 'OrgArchive') : undefined,
          configRole: input.configRole ? iam.Role.fromRoleName(stack, 'ConfigRole', 'county-config-recorder') : undefined,
          alertTopic: input.alertTopic ? sns.Topic.fromTopicArn(stack, 'Alerts', 'arn:aws:sns:us-east-1:111122223333:county-alerts') : undefined,
          socEventBus: input.socEventBus ? events.EventBus.fromEventBusArn(stack, 'Soc', 'arn:aws:events:us-east-1:444455556666:event-bus/soc') : undefined,
        };
        let monitoring: SecurityMonitoring | undefined;
        const violations = buildOrReject(app, stack, { speakers: [{ construct: 'SecurityMonitoring', path: 'Test/Monitoring' }], props: PROPS }, tally, () => {
          monitoring = new SecurityMonitoring(stack, 'Monitoring', props);
        });
        if (violations === undefined) return;
        expect(violations).toEqual([]);
        const m = monitoring!;
        // Never silently weaker: each service asked for is there, and nothing asked for is dropped.
        expect(m.detector !== undefined).toBe(input.enableGuardDuty ?? true);
        expect(m.hub !== undefined).toBe(input.enableSecurityHub ?? true);
        expect(m.recorder !== undefined).toBe(input.enableConfig ?? true);
        if (m.hub) expect(m.standards.length).toBeGreaterThan(0);
        if (input.securityHubStandards) expect(m.standards.length).toBe(new Set(input.securityHubStandards).size);
        if (m.detector) {
          const runtime = (stack.resolve(m.detector.features) as Array<{ name: string; status: string }>).find((f) => f.name === 'RUNTIME_MONITORING');
          expect(runtime?.status).toBe(input.guardDutyRuntimeMonitoring ? 'ENABLED' : 'DISABLED');
        }
        if (m.recorder) {
          const group = stack.resolve(m.recorder.recordingGroup) as { allSupported: boolean; includeGlobalResourceTypes: boolean };
          expect(group).toEqual({ allSupported: true, includeGlobalResourceTypes: input.includeGlobalResourceTypes ?? true });
        }
        // Findings are routed whatever else was asked: each rule enabled, with a target.
        for (const rule of [m.guardDutyFindingsRule, m.securityHubFindingsRule]) {
          const cfn = rule.node.defaultChild as events.CfnRule;
          expect(cfn.state ?? 'ENABLED').toBe('ENABLED');
          expect(stack.resolve(cfn.targets)).toEqual(expect.arrayContaining([expect.objectContaining({ arn: expect.anything() })]));
        }
      }),
      {
        numRuns: 120,
        seed: 20261124,
        // Found by this property, and kept: settings of a service turned off, and a hub without standards.
        examples: [
          [{ ...BASE, enableSecurityHub: false, securityHubStandards: [SecurityHubStandard.CIS_AWS_FOUNDATIONS_3_0_0] }],
          [{ ...BASE, securityHubStandards: [] }],
          [{ ...BASE, enableGuardDuty: false, guardDutyRuntimeMonitoring: true }],
          [{ ...BASE, enableConfig: false, includeGlobalResourceTypes: false }],
        ],
      },
    );
    tally.expectBothBranches(15);
  });
});
