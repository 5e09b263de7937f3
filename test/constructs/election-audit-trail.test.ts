import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { ElectionAuditTrail, ElectionAuditTrailProps } from '../../constructs/election-audit-trail';
import { ElectionRecordsBucket } from '../../constructs/election-records-bucket';
import { LogArchiveBucket } from '../../constructs/log-archive-bucket';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';
import { actionsGrantedIn, lambdaRole, newStack, packViolations } from '../helpers/pack-harness';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

type Statement = { Effect: string; Principal?: { Service?: unknown }; Action: string | string[]; Condition?: Record<string, Record<string, unknown>>; Sid?: string };

const trailArn = (name: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:trail/${name}`]],
});

function logicalId(stack: Stack, construct: { node: { defaultChild?: unknown } }): string {
  return stack.getLogicalId(construct.node.defaultChild as kms.CfnKey);
}

describe('ElectionAuditTrail defaults', () => {
  const { stack } = newStack();
  const audit = new ElectionAuditTrail(stack, 'Trail');
  const template = Template.fromStack(stack);
  const keyId = logicalId(stack, audit.encryptionKey);

  test('records every Region, global services and all management events, with log file validation', () => {
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      IsLogging: true,
      IsMultiRegionTrail: true,
      IncludeGlobalServiceEvents: true,
      EnableLogFileValidation: true,
      EventSelectors: [{ IncludeManagementEvents: true, ReadWriteType: 'All' }],
      TrailName: audit.trailName,
    });
  });

  test('encrypts with its own rotating, retained key and delivers to a new write-once archive', () => {
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      KMSKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
      S3BucketName: { Ref: logicalId(stack, audit.archive.bucket) },
    });
    template.hasResource('AWS::KMS::Key', { Properties: Match.objectLike({ EnableKeyRotation: true }), DeletionPolicy: 'Retain' });
    expect(audit.archive).toBeInstanceOf(LogArchiveBucket);
    expect(audit.encryptionKey).toBeInstanceOf(kms.Key);
    expect(audit.trail).toBeInstanceOf(cloudtrail.Trail);
  });

  test('delivers to an encrypted, classified, retained log group kept 731 days, through a role that may only write it', () => {
    const groupId = logicalId(stack, audit.logGroup);
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: {
        LogGroupName: `/election/cloudtrail/${audit.trailName}`,
        KmsKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] },
        RetentionInDays: 731,
        Tags: [{ Key: 'election:data-class', Value: 'audit-logs' }],
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    template.hasResourceProperties('AWS::CloudTrail::Trail', {
      CloudWatchLogsLogGroupArn: { 'Fn::GetAtt': [groupId, 'Arn'] },
      CloudWatchLogsRoleArn: Match.objectLike({ 'Fn::GetAtt': Match.anyValue() }),
    });
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [groupId, 'Arn'] } }] },
    });
    expect(audit.logGroup).toBeInstanceOf(logs.LogGroup);
  });

  test('is created after the archive policy and the log role policy it depends on', () => {
    const trail = Object.values(template.findResources('AWS::CloudTrail::Trail'))[0];
    expect(trail.DependsOn).toEqual(expect.arrayContaining([
      stack.getLogicalId(audit.archive.bucket.policy!.node.defaultChild as s3.CfnBucketPolicy),
      Object.keys(template.findResources('AWS::IAM::ManagedPolicy'))[0],
    ]));
  });

  test('its key lets only this trail encrypt, in the encryption context of this account\'s trails', () => {
    const statements: Statement[] = template.toJSON().Resources[keyId].Properties.KeyPolicy.Statement;
    const encrypt = statements.find((s) => s.Sid === 'CloudTrailEncryptLogs')!;
    expect(encrypt.Principal).toEqual({ Service: 'cloudtrail.amazonaws.com' });
    expect(encrypt.Action).toBe('kms:GenerateDataKey*');
    expect(encrypt.Condition!.StringEquals['aws:SourceArn']).toEqual(trailArn(audit.trailName));
    expect(encrypt.Condition!.StringLike['kms:EncryptionContext:aws:cloudtrail:arn']).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudtrail:*:', { Ref: 'AWS::AccountId' }, ':trail/*']],
    });
    const describe = statements.find((s) => s.Sid === 'CloudTrailDescribeKey')!;
    expect(describe.Condition!.StringEquals['aws:SourceArn']).toEqual(trailArn(audit.trailName));
  });

  test('its key lets CloudWatch Logs use it for this log group only', () => {
    const statements: Statement[] = template.toJSON().Resources[keyId].Properties.KeyPolicy.Statement;
    const logsStatement = statements.find((s) => s.Sid === 'CloudWatchLogsEncryptLogGroup')!;
    expect(logsStatement.Principal).toEqual({ Service: { 'Fn::Join': ['', ['logs.', { Ref: 'AWS::Region' }, '.amazonaws.com']] } });
    expect(JSON.stringify(logsStatement.Condition!.ArnEquals['kms:EncryptionContext:aws:logs:arn'])).toContain(`:log-group:/election/cloudtrail/${audit.trailName}`);
  });

  test('no statement of the trail key, archive key or archive policy allows "*", or a service without pinning it to this account or trail', () => {
    const resources = template.toJSON().Resources;
    const statements: Statement[] = [
      ...resources[keyId].Properties.KeyPolicy.Statement,
      ...resources[logicalId(stack, audit.archive.encryptionKey)].Properties.KeyPolicy.Statement,
      ...resources[logicalId(stack, audit.archive.bucket.policy!)].Properties.PolicyDocument.Statement,
    ];
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows.length).toBe(14); // 4 on the trail key, 4 on the archive key, 6 on the archive
    for (const statement of allows) {
      expect(statement.Principal).not.toBe('*');
      expect(JSON.stringify(statement.Principal)).not.toMatch(/"\*"/);
      if (statement.Principal?.Service === undefined) continue;
      expect(JSON.stringify(statement.Condition ?? {})).toMatch(/aws:SourceAccount|aws:SourceArn|kms:EncryptionContext:aws:logs:arn/);
    }
  });

  test('has zero findings under ElectionBaselineChecks, AwsSolutionsChecks and NIST80053R5Checks', () => {
    for (const pack of [new ElectionBaselineChecks(), new AwsSolutionsChecks(), new NIST80053R5Checks()]) {
      expect(pack.validateScope(stack).violations).toEqual([]);
    }
  });
});

describe('ElectionAuditTrail options', () => {
  test('records reads and writes of the records buckets as data events, without repeating management events', () => {
    const { stack } = newStack();
    const records = new ElectionRecordsBucket(stack, 'Records');
    new ElectionAuditTrail(stack, 'Trail', { recordsBuckets: [records.bucket] });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudTrail::Trail', {
      EventSelectors: [
        { IncludeManagementEvents: true, ReadWriteType: 'All' },
        {
          IncludeManagementEvents: false,
          ReadWriteType: 'All',
          DataResources: [{ Type: 'AWS::S3::Object', Values: [{ 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(stack, records.bucket), 'Arn'] }, '/']] }] }],
        },
      ],
    });
    for (const pack of [new ElectionBaselineChecks(), new AwsSolutionsChecks(), new NIST80053R5Checks()]) {
      expect(pack.validateScope(stack).violations).toEqual([]);
    }
  });

  test('shares a given archive instead of creating one', () => {
    const { stack } = newStack();
    const archive = new LogArchiveBucket(stack, 'OrgArchive');
    const audit = new ElectionAuditTrail(stack, 'Trail', { archive, trailName: 'adams-county-audit' });
    expect(audit.archive).toBe(archive);
    const template = Template.fromStack(stack);
    const worm = { Properties: { ObjectLockConfiguration: { Rule: { DefaultRetention: { Mode: 'COMPLIANCE' } } } } };
    expect(Object.keys(template.findResources('AWS::S3::Bucket', worm))).toHaveLength(1);
    template.hasResourceProperties('AWS::CloudTrail::Trail', { TrailName: 'adams-county-audit', S3BucketName: { Ref: logicalId(stack, archive.bucket) } });
  });

  test('an infinite log retention omits RetentionInDays', () => {
    const { stack } = newStack();
    new ElectionAuditTrail(stack, 'Trail', { logRetention: logs.RetentionDays.INFINITE });
    Template.fromStack(stack).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.absent() });
  });

  test('an organization trail lets this trail alone write under AWSLogs/<organization id>/', () => {
    const { stack } = newStack();
    const audit = new ElectionAuditTrail(stack, 'Trail', { isOrganizationTrail: true, organizationId: 'o-a1b2c3d4e5', trailName: 'state-org-trail' });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::CloudTrail::Trail', { IsOrganizationTrail: true });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId(stack, audit.archive.bucket) },
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Effect: 'Allow',
          Principal: { Service: 'cloudtrail.amazonaws.com' },
          Action: 's3:PutObject',
          Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(stack, audit.archive.bucket), 'Arn'] }, '/AWSLogs/o-a1b2c3d4e5/*']] },
          Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': { Ref: 'AWS::AccountId' }, 'aws:SourceArn': trailArn('state-org-trail') } },
        }]),
      },
    });
  });

  test.each([
    ['a 30-day log retention', { logRetention: logs.RetentionDays.ONE_MONTH }, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'logRetention', "ElectionAuditTrail 'Test/Trail': logRetention is 30 days; audit logs must be searchable at least 365 days"],
    ['an invalid trail name', { trailName: 'no spaces allowed' }, ValidationErrorCode.INVALID_VALUE, 'trailName', "trailName is 'no spaces allowed'; it must be a literal of 3 to 128"],
    ['an organization trail without an organization id', { isOrganizationTrail: true }, ValidationErrorCode.MISSING_VALUE, 'organizationId', 'organizationId is missing; an organization trail needs'],
    ['a malformed organization id', { isOrganizationTrail: true, organizationId: 'org-1' }, ValidationErrorCode.INVALID_VALUE, 'organizationId', "organizationId is 'org-1'"],
    ['an organization id without an organization trail', { organizationId: 'o-a1b2c3d4e5' }, ValidationErrorCode.CONFLICTING_PROPS, 'organizationId', 'it is used only with isOrganizationTrail: true'],
  ] as Array<[string, ElectionAuditTrailProps, ValidationErrorCode, string, string]>)('rejects %s', (_, props, code, prop, message) => {
    const { stack } = newStack();
    expectValidationError(() => new ElectionAuditTrail(stack, 'Trail', props), { code, prop, message });
  });

  test('grantRead lets auditors search the log group, read the archive and decrypt, and nothing more', () => {
    const { stack } = newStack();
    const auditor = lambdaRole(stack);
    new ElectionAuditTrail(stack, 'Trail').grantRead(auditor);
    const actions = actionsGrantedIn(stack, auditor);
    expect(actions).toEqual(['kms:Decrypt', 'kms:Decrypt', 'logs:DescribeLogStreams', 'logs:FilterLogEvents', 'logs:GetLogEvents', 's3:GetObject', 's3:ListBucket']);
    for (const action of actions) expect(action).not.toMatch(/Put|Delete|Bypass|Create|^s3:\*$|^\*$|kms:Encrypt|GenerateDataKey/);
  });
});

describe('weakening the trail through the escape hatch is caught by the pack', () => {
  type Edit = (audit: ElectionAuditTrail) => void;
  const trailOverride = (path: string, value: unknown): Edit => (audit) => (audit.trail.node.defaultChild as cloudtrail.CfnTrail).addPropertyOverride(path, value);
  const trailDeletion = (path: string): Edit => (audit) => (audit.trail.node.defaultChild as cloudtrail.CfnTrail).addPropertyDeletionOverride(path);
  const bucketOverride = (path: string, value: unknown): Edit => (audit) => (audit.archive.bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride(path, value);
  const groupOverride = (path: string, value: unknown): Edit => (audit) => (audit.logGroup.node.defaultChild as logs.CfnLogGroup).addPropertyOverride(path, value);
  const groupDeletion = (path: string): Edit => (audit) => (audit.logGroup.node.defaultChild as logs.CfnLogGroup).addPropertyDeletionOverride(path);

  test.each([
    ['log file validation off', trailOverride('EnableLogFileValidation', false), 'CloudTrailLogFileValidation', 'Trail/Trail/Resource'],
    ['no KMS key', trailDeletion('KMSKeyId'), 'CloudTrailEncrypted', 'Trail/Trail/Resource'],
    ['single-Region', trailOverride('IsMultiRegionTrail', false), 'CloudTrailMultiRegion', 'Trail/Trail/Resource'],
    ['global service events off', trailOverride('IncludeGlobalServiceEvents', false), 'CloudTrailMultiRegion', 'Trail/Trail/Resource'],
    ['no CloudWatch Logs', trailDeletion('CloudWatchLogsLogGroupArn'), 'CloudTrailCloudWatchLogs', 'Trail/Trail/Resource'],
    ['archive retention cut to 30 days', bucketOverride('ObjectLockConfiguration.Rule.DefaultRetention.Days', 30), 'CloudTrailWormBucket', 'Trail/Trail/Resource'],
    ['archive Object Lock GOVERNANCE', bucketOverride('ObjectLockConfiguration.Rule.DefaultRetention.Mode', 'GOVERNANCE'), 'CloudTrailWormBucket', 'Trail/Trail/Resource'],
    ['log group retention cut to 30 days', groupOverride('RetentionInDays', 30), 'LogGroupRetention', 'Trail/LogGroup/Resource'],
    ['log group unencrypted', groupDeletion('KmsKeyId'), 'LogGroupEncrypted', 'Trail/LogGroup/Resource'],
  ])('%s', (_, edit, rule, path) => {
    const { stack } = newStack();
    edit(new ElectionAuditTrail(stack, 'Trail'));
    expect(packViolations(stack)).toContainEqual({ ruleId: `ElectionBaseline-${rule}`, path: `Test/${path}` });
  });
});
