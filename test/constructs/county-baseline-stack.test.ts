import { App, CfnParameter, Duration, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CountyBaselineStack } from '../../constructs/county-baseline-stack';
import { ElectionRecordsBucket } from '../../constructs/election-records-bucket';
import { SecureBucket } from '../../constructs/secure-bucket';
import { DataClass } from '../../lib/baseline/data-class';
import { MIN_RECORDS_RETENTION_DAYS } from '../../lib/baseline/records-retention';
import { pathsViolating } from '../helpers/pack-harness';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

describe('CountyBaselineStack', () => {
  const app = new App();
  const county = new CountyBaselineStack(app, 'County');
  const t = Template.fromStack(county);

  test('what differs per county is a parameter; retention has the records floor as MinValue', () => {
    t.hasParameter('CountyName', { Type: 'String' });
    t.hasParameter('AlertEmail', { Type: 'String' });
    t.hasParameter('RecordsRetentionDays', { Type: 'Number', MinValue: MIN_RECORDS_RETENTION_DAYS, MaxValue: 36500, Default: 730 });
    expect(Object.keys(t.toJSON().Parameters)).not.toContain('BootstrapVersion');
  });

  test('the records lock and the noncurrent expiry are the retention parameter', () => {
    t.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: { Ref: 'RecordsRetentionDays' } } } },
      LifecycleConfiguration: { Rules: [{ NoncurrentVersionExpiration: { NoncurrentDays: { Ref: 'RecordsRetentionDays' } } }] },
    });
  });

  test('alerts go to the AlertEmail parameter; GuardDuty and Security Hub are left to the organization', () => {
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: { Ref: 'AlertEmail' } });
    t.resourceCountIs('AWS::GuardDuty::Detector', 0);
    t.resourceCountIs('AWS::SecurityHub::Hub', 0);
    t.resourceCountIs('AWS::CloudTrail::Trail', 1);
  });

  test('the pack judges it clean, the parameter floor included', () => {
    expect(pathsViolating(county, 'S3RecordsObjectLock')).toEqual([]);
    expect(pathsViolating(county, 'S3RecordsLifecycleRetention')).toEqual([]);
  });

  test('outside the organization it creates its own detector and hub', () => {
    const own = Template.fromStack(new CountyBaselineStack(new App(), 'Vendor', { detectionManagedByOrganization: false }));
    own.resourceCountIs('AWS::GuardDuty::Detector', 1);
    own.resourceCountIs('AWS::SecurityHub::Hub', 1);
  });
});

describe('records retention as a parameter', () => {
  function stackWith(definition: Partial<{ type: string; minValue: number; maxValue: number }>) {
    const stack = new Stack(new App(), 'S');
    const parameter = new CfnParameter(stack, 'Days', { type: 'Number', ...definition });
    return { stack, parameter };
  }

  test.each([
    ['a minValue below the floor', { minValue: 671 }, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'objectLockRetentionParameter', /ElectionRecordsBucket 'S\/Records': objectLockRetentionParameter is 'S\/Days' \(type Number, minValue 671\); it must be of type Number with a minValue of at least 672/],
    ['no minValue', {}, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'objectLockRetentionParameter', /minValue none\)/],
    ['type String', { type: 'String', minValue: 700 }, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'objectLockRetentionParameter', /type String, minValue 700/],
    ['a maxValue above Object Lock\'s limit', { minValue: 700, maxValue: 40000 }, ValidationErrorCode.ABOVE_SERVICE_LIMIT, 'objectLockRetentionParameter', /objectLockRetentionParameter has maxValue 40000; S3 Object Lock accepts at most 36500/],
  ] as Array<[string, Partial<{ type: string; minValue: number; maxValue: number }>, ValidationErrorCode, string, RegExp]>)('throws on %s', (_, definition, code, prop, message) => {
    const { stack, parameter } = stackWith(definition);
    expectValidationError(() => new ElectionRecordsBucket(stack, 'Records', { retentionParameter: parameter }), { code, prop, constructType: 'ElectionRecordsBucket', message });
  });

  test('throws with both a literal retention and a parameter', () => {
    const { stack, parameter } = stackWith({ minValue: 700 });
    expectValidationError(() => new ElectionRecordsBucket(stack, 'Records', { retentionParameter: parameter, retention: Duration.days(700) }), {
      code: ValidationErrorCode.CONFLICTING_PROPS, prop: 'retentionParameter', constructPath: 'S/Records',
      message: /ElectionRecordsBucket 'S\/Records': retentionParameter is 'S\/Days' while retention is also set; give one of them/,
    });
  });

  test('throws on a parameter of another stack', () => {
    const app = new App();
    const parameter = new CfnParameter(new Stack(app, 'Other'), 'Days', { type: 'Number', minValue: 700 });
    expectValidationError(() => new SecureBucket(new Stack(app, 'S'), 'B', { dataClass: DataClass.ELECTION_RECORDS, objectLockRetentionParameter: parameter }), {
      code: ValidationErrorCode.WRONG_PLACEMENT, prop: 'objectLockRetentionParameter', message: /objectLockRetentionParameter is 'Other\/Days' of another stack; declare the parameter in the stack of the bucket/,
    });
  });

  test('an audit-logs bucket takes a parameter at its own floor of 365', () => {
    const { stack, parameter } = stackWith({ minValue: 365 });
    new SecureBucket(stack, 'Logs', { dataClass: DataClass.AUDIT_LOGS, objectLockRetentionParameter: parameter });
    Template.fromStack(stack).hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockConfiguration: { Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: { Ref: 'Days' } } } },
    });
    expect(pathsViolating(stack, 'S3RecordsLifecycleRetention')).toEqual([]);
  });
});
