import * as path from 'path';
import { App, Duration, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, NagPack, NIST80053R5Checks } from 'cdk-nag';
import { AUTO_DELETE_PROVIDER_ACKS } from '../../constructs/defaults/staging-teardown';
import { SecureBucket, SecureBucketProps } from '../../constructs/secure-bucket';
import { auditTemplates } from '../../lib/audit/engine';
import { loadTemplates } from '../../lib/audit/inputs';
import { DataClass } from '../../lib/baseline/data-class';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';
import { WaiverIndex } from '../../lib/pack/waivers';
import { removeTempDirs, tempDir } from '../helpers/audit-harness';
import { newStack } from '../helpers/pack-harness';
import { synthViolations } from '../helpers/synth-violations';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

afterAll(removeTempDirs);

const REASON = 'staging copy of the results site, rebuilt from the repository on every deploy';
const STAGING = { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true, stagingTeardown: { reason: REASON } };

function stagingApp(outdir?: string) {
  const app = new App({ outdir });
  const stack = new Stack(app, 'Staging', { env: { account: '111111111111', region: 'us-east-1' } });
  const site = new SecureBucket(stack, 'Site', { dataClass: DataClass.PUBLIC_CONTENT, ...STAGING });
  const scratch = new SecureBucket(stack, 'Scratch', { dataClass: DataClass.OPERATIONAL, ...STAGING, stagingTeardown: { reason: 'pipeline scratch space, refilled by every staging build' } });
  return { app, stack, site, scratch };
}

describe('a staging SecureBucket (stagingTeardown, DESTROY, autoDeleteObjects)', () => {
  const { app, stack, site } = stagingApp();
  const template = Template.fromStack(stack);
  const siteId = stack.getLogicalId(site.bucket.node.defaultChild as s3.CfnBucket);
  const logsId = stack.getLogicalId(site.serverAccessLogsBucket.node.defaultChild as s3.CfnBucket);

  test('is deleted with the stack, emptied first by CDK\'s custom resource', () => {
    expect(template.toJSON().Resources[siteId]).toMatchObject({ DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
    template.hasResourceProperties('Custom::S3AutoDeleteObjects', { BucketName: { Ref: siteId } });
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 2);
  });

  test('keeps its access logs and its key', () => {
    expect(template.toJSON().Resources[logsId]).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    for (const key of Object.values(template.findResources('AWS::KMS::Key'))) expect(key.DeletionPolicy).toBe('Retain');
  });

  test('acknowledges RetainStatefulResources on the bucket, with the agency\'s reason and who made the opt-out', () => {
    const waivers = WaiverIndex.collect(app).made();
    expect(waivers).toContainEqual({
      ruleId: 'ElectionBaseline-RetainStatefulResources',
      path: 'Staging/Site/Bucket',
      reason: `Staging opt-out made by SecureBucket at the agency's request (stagingTeardown, class 'public-content'): ${REASON}`,
      origin: 'agency',
    });
  });

  test('acknowledges the anchor findings on CDK\'s provider once, however many buckets share it', () => {
    const onProvider = WaiverIndex.collect(app).made().filter((w) => w.path === 'Staging/Custom::S3AutoDeleteObjectsCustomResourceProvider');
    expect(onProvider.map((w) => w.ruleId)).toEqual(AUTO_DELETE_PROVIDER_ACKS.map((a) => a.id));
  });

  test.each<[string, () => NagPack]>([
    ['ElectionBaseline', () => new ElectionBaselineChecks()],
    ['AwsSolutions', () => new AwsSolutionsChecks()],
    ['NIST.800.53.R5', () => new NIST80053R5Checks()],
  ])('has zero findings under %s at synth', (_, pack) => {
    expect(synthViolations(app, pack())).toEqual([]);
  });
});

describe('a staging SecureBucket audited from its templates', () => {
  test('has every finding acknowledged under the three packs, the opt-out and the provider listed as waivers', () => {
    const dir = tempDir();
    stagingApp(path.join(dir, 'cdk.out')).app.synth();
    const report = auditTemplates(loadTemplates(['cdk.out'], dir), { packs: ['election', 'aws-solutions', 'nist-800-53-r5'] });
    expect(report.findings.filter((f) => f.status === 'open')).toEqual([]);
    const waived = new Set(report.waivers.map((w) => w.ruleId));
    for (const id of ['ElectionBaseline-RetainStatefulResources', ...AUTO_DELETE_PROVIDER_ACKS.map((a) => a.id)]) expect(waived).toContain(id);
  });
});

describe('the staging opt-out without autoDeleteObjects', () => {
  test('deletes an empty bucket with the stack and creates no custom resource', () => {
    const { stack } = newStack();
    new SecureBucket(stack, 'Data', { dataClass: DataClass.OPERATIONAL, removalPolicy: RemovalPolicy.DESTROY, stagingTeardown: { reason: REASON } });
    const template = Template.fromStack(stack);
    template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Delete' });
    template.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });
});

describe('the staging opt-out is refused outside staging classes', () => {
  const cases: Array<[string, Partial<SecureBucketProps>, string, RegExp]> = [
    ['DESTROY', { removalPolicy: RemovalPolicy.DESTROY, stagingTeardown: { reason: REASON } }, 'removalPolicy', /removalPolicy is DESTROY; allowed are RETAIN and RETAIN_ON_UPDATE_OR_DELETE for class '[a-z-]+'/],
    ['autoDeleteObjects', STAGING, 'autoDeleteObjects', /autoDeleteObjects is true; it must be false or unset for class '[a-z-]+'/],
    ['stagingTeardown alone', { stagingTeardown: { reason: REASON } }, 'stagingTeardown', /stagingTeardown is set; it must be unset for class '[a-z-]+'/],
  ];
  const classes = [DataClass.ELECTION_RECORDS, DataClass.VOTER_PII, DataClass.AUDIT_LOGS];
  test.each(classes.flatMap((dataClass) => cases.map(([what, props, prop, message]) => [dataClass, what, props, prop, message] as const)))(
    '%s: %s throws, naming the prop, the class and the classes allowed', (dataClass, _, props, prop, message) => {
      const { stack } = newStack();
      const error = expectValidationError(() => new SecureBucket(stack, 'Data', { dataClass, ...props }), { code: ValidationErrorCode.WEAKENS_BASELINE, prop, message });
      expect(error.message).toContain(`for class '${dataClass}': election records, voter PII and audit logs must survive a stack delete`);
      expect(error.message).toContain("only staging buckets of class 'operational' and 'public-content' may opt out");
    },
  );
});

describe('the staging opt-out must be complete', () => {
  test.each<[string, Partial<SecureBucketProps>, ValidationErrorCode, string, string]>([
    ['DESTROY without stagingTeardown', { removalPolicy: RemovalPolicy.DESTROY },
      ValidationErrorCode.WEAKENS_BASELINE, 'removalPolicy', "SecureBucket 'Test/Data': removalPolicy is DESTROY; allowed are RETAIN and RETAIN_ON_UPDATE_OR_DELETE, or DESTROY with stagingTeardown: { reason }"],
    ['autoDeleteObjects without stagingTeardown', { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true },
      ValidationErrorCode.WEAKENS_BASELINE, 'autoDeleteObjects', "SecureBucket 'Test/Data': autoDeleteObjects is true; it must be false or unset, or come with removalPolicy DESTROY with stagingTeardown"],
    ['stagingTeardown with RETAIN', { stagingTeardown: { reason: REASON } },
      ValidationErrorCode.CONFLICTING_PROPS, 'stagingTeardown', "SecureBucket 'Test/Data': stagingTeardown is set while removalPolicy is RETAIN; set removalPolicy: RemovalPolicy.DESTROY with it, or drop it"],
    ['autoDeleteObjects with RETAIN_ON_UPDATE_OR_DELETE', { removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE, autoDeleteObjects: true, stagingTeardown: { reason: REASON } },
      ValidationErrorCode.CONFLICTING_PROPS, 'autoDeleteObjects', "SecureBucket 'Test/Data': autoDeleteObjects is true while removalPolicy is RETAIN_ON_UPDATE_OR_DELETE; it needs removalPolicy DESTROY"],
    ['SNAPSHOT', { removalPolicy: RemovalPolicy.SNAPSHOT, stagingTeardown: { reason: REASON } },
      ValidationErrorCode.CONFLICTING_PROPS, 'stagingTeardown', "SecureBucket 'Test/Data': stagingTeardown is set while removalPolicy is SNAPSHOT"],
    ['a reason too short for a waiver', { ...STAGING, stagingTeardown: { reason: 'staging' } },
      ValidationErrorCode.INVALID_VALUE, 'stagingTeardown.reason', "SecureBucket 'Test/Data': stagingTeardown.reason is 'staging'; the reason has 7 characters; a waiver needs at least 20"],
    ['a reason with no words', { ...STAGING, stagingTeardown: { reason: '.'.repeat(30) } },
      ValidationErrorCode.INVALID_VALUE, 'stagingTeardown.reason', 'stagingTeardown.reason is \'..............................\'; the reason has 0 words'],
    ['a reason that is a token', { ...STAGING, stagingTeardown: { reason: Token.asString({ Ref: 'Reason' }) } },
      ValidationErrorCode.TOKEN_NOT_ALLOWED, 'stagingTeardown.reason', "SecureBucket 'Test/Data': stagingTeardown.reason is a token; give the agency's reason as a literal string"],
    ['Object Lock retention', { ...STAGING, objectLockRetention: Duration.days(30) },
      ValidationErrorCode.CONFLICTING_PROPS, 'objectLockRetention', "SecureBucket 'Test/Data': objectLockRetention is 30 days while removalPolicy is DESTROY; drop one of them: locked object versions cannot be deleted"],
  ])('%s throws', (_, props, code, prop, message) => {
    const { stack } = newStack();
    expectValidationError(() => new SecureBucket(stack, 'Data', { dataClass: DataClass.OPERATIONAL, ...props }), { code, prop, message });
  });
});
