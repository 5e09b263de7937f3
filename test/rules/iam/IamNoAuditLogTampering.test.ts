import { NagRuleCompliance } from 'cdk-nag';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { BUCKET_TAMPER_ACTIONS } from '../../../lib/baseline/audit-log-tampering';
import { ElectionBaselineChecks } from '../../../lib/election-baseline-checks';
import { StackTemplate } from '../../../lib/pack/template-model';
import { IamNoAuditLogTampering as rule } from '../../../lib/rules/iam/IamNoAuditLogTampering';
import { SecureBucket } from '../../../constructs/secure-bucket';
import { DataClass } from '../../../lib/baseline/data-class';
import { Body, judge } from '../../helpers/template-fixtures';

const ID = 'ElectionBaseline-IamNoAuditLogTampering';
const tagged = (dataClass: string) => [{ Key: 'election:data-class', Value: dataClass }];
const logsArn = { 'Fn::GetAtt': ['Logs', 'Arn'] };
const logsObjects = { 'Fn::Join': ['', [logsArn, '/*']] };

/** A template with an audit-logs bucket, an operational bucket, and `Policy` granting `statements`. */
function withPolicy(type: string, ...statements: unknown[]): Record<string, Body> {
  const document = { Version: '2012-10-17', Statement: statements };
  const policy: Body = type === 'AWS::IAM::Role'
    ? { Type: type, Properties: { AssumeRolePolicyDocument: {}, Policies: [{ PolicyName: 'p', PolicyDocument: document }] } }
    : { Type: type, Properties: { PolicyDocument: document, Roles: [{ Ref: 'Role' }] } };
  return {
    Logs: { Type: 'AWS::S3::Bucket', Properties: { Tags: tagged('audit-logs') } },
    Work: { Type: 'AWS::S3::Bucket', Properties: { Tags: tagged('operational') } },
    Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } },
    Policy: policy,
  };
}
const allow = (action: unknown, resource: unknown, extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Action: action, Resource: resource, ...extra });
const roleWithManaged = (...arns: unknown[]): Record<string, Body> => ({
  ...withPolicy('AWS::IAM::Policy'),
  Policy: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, ManagedPolicyArns: arns } },
});

function findings(resources: Record<string, Body>): string[] {
  const template = StackTemplate.fromResources(resources);
  return rule.granular!.findings(template.get('Policy')!, template);
}

const everyAction = (bucket: string) => BUCKET_TAMPER_ACTIONS.map((a) => `Bucket::${bucket}::${a}`).sort();

describe('IamNoAuditLogTampering', () => {
  test.each([
    ['read and put on the audit-logs bucket', withPolicy('AWS::IAM::ManagedPolicy', allow(['s3:GetObject', 's3:PutObject', 's3:ListBucket'], [logsArn, logsObjects]))],
    ['delete on the operational bucket only', withPolicy('AWS::IAM::Policy', allow('s3:DeleteObject*', { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Work', 'Arn'] }, '/*']] }))],
    ['s3:* on another stack\'s bucket (an import)', withPolicy('AWS::IAM::Policy', allow('s3:*', { 'Fn::ImportValue': 'other-bucket-arn' }))],
    ['s3:* on a literal bucket of another account', withPolicy('AWS::IAM::Role', allow('s3:*', 'arn:aws:s3:::county-media/*'))],
    ['a Deny of every action', withPolicy('AWS::IAM::Policy', { Effect: 'Deny', Action: '*', Resource: '*' })],
    ['AWS managed read-only', roleWithManaged({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonS3ReadOnlyAccess']] })],
    ['a customer managed policy of the template (judged as itself)', roleWithManaged({ Ref: 'Role' })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Policy')).toBe(NagRuleCompliance.COMPLIANT);
    expect(findings(t)).toEqual([]);
  });

  test.each([
    ['DeleteObject on its objects (inline in a role)', withPolicy('AWS::IAM::Role', allow('s3:DeleteObject', logsObjects)), ['Bucket::Logs::s3:DeleteObject']],
    ['s3:Delete* on it', withPolicy('AWS::IAM::Policy', allow('s3:Delete*', [logsArn, logsObjects])),
      ['Bucket::Logs::s3:DeleteBucket', 'Bucket::Logs::s3:DeleteBucketPolicy', 'Bucket::Logs::s3:DeleteObject', 'Bucket::Logs::s3:DeleteObjectVersion']],
    ['PutLifecycleConfiguration on arn:aws:s3:::*', withPolicy('AWS::IAM::ManagedPolicy', allow('s3:PutLifecycleConfiguration', 'arn:aws:s3:::*')), ['Bucket::Logs::s3:PutLifecycleConfiguration']],
    ['PutBucketPolicy by its literal name', {
      ...withPolicy('AWS::IAM::Policy', allow('s3:putbucketpolicy', 'arn:aws-us-gov:s3:::county-audit-logs')),
      Logs: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'county-audit-logs', Tags: tagged('audit-logs') } },
    }, ['Bucket::Logs::s3:PutBucketPolicy']],
    ['s3:Put* on a name pattern that may match its generated name', withPolicy('AWS::IAM::Policy', allow('s3:Put*', 'arn:aws:s3:::results-*')),
      ['Bucket::Logs::s3:PutBucketObjectLockConfiguration', 'Bucket::Logs::s3:PutBucketPolicy', 'Bucket::Logs::s3:PutBucketVersioning',
        'Bucket::Logs::s3:PutLifecycleConfiguration', 'Bucket::Logs::s3:PutObjectRetention']],
    ['* on *', withPolicy('AWS::IAM::Policy', allow('*', '*')), everyAction('Logs')],
    ['NotAction s3:Get* on NotResource', withPolicy('AWS::IAM::Policy', { Effect: 'Allow', NotAction: 's3:Get*', NotResource: 'arn:aws:s3:::x' }), everyAction('Logs')],
    ['AWS managed AdministratorAccess', roleWithManaged('arn:aws:iam::aws:policy/AdministratorAccess'), everyAction('Logs')],
    ['AWS managed AmazonS3FullAccess by partition', roleWithManaged({ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AmazonS3FullAccess' }), everyAction('Logs')],
  ])('non-compliant: %s', (_, t, expected) => {
    expect(judge(rule, t as Record<string, Body>, 'Policy')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(findings(t as Record<string, Body>)).toEqual(expected);
  });

  test('non-compliant: an election-records bucket and an unclassified server access log target count; an unclassified data bucket does not', () => {
    const t = withPolicy('AWS::IAM::Policy', allow('s3:DeleteObjectVersion', '*'));
    t.Records = { Type: 'AWS::S3::Bucket', Properties: { Tags: tagged('election-records'), LoggingConfiguration: { DestinationBucketName: { Ref: 'Target' } } } };
    t.Target = { Type: 'AWS::S3::Bucket', Properties: {} };
    t.Untagged = { Type: 'AWS::S3::Bucket', Properties: {} };
    expect(findings(t)).toEqual(['Bucket::Logs::s3:DeleteObjectVersion', 'Bucket::Records::s3:DeleteObjectVersion', 'Bucket::Target::s3:DeleteObjectVersion']);
  });

  test('not applicable: no audit-logs or records bucket in the template, or a resource of another type', () => {
    const t = withPolicy('AWS::IAM::Policy', allow('*', '*'));
    delete t.Logs;
    expect(judge(rule, t, 'Policy')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, withPolicy('AWS::IAM::Policy'), 'Logs')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a document from a parameter', { ...withPolicy('AWS::IAM::Policy'), Policy: { Type: 'AWS::IAM::Policy', Properties: { PolicyDocument: { Ref: 'Doc' } } } }, ['Policy::unresolved']],
    ['a managed policy ARN from a parameter', roleWithManaged({ Ref: 'PolicyArn' }), ['Policy::unresolved']],
    ['a resource from a parameter', withPolicy('AWS::IAM::Policy', allow('s3:DeleteObject', { Ref: 'BucketArn' })), ['Bucket::Logs::s3:DeleteObject']],
    ['actions from a parameter', withPolicy('AWS::IAM::Policy', allow({ Ref: 'Actions' }, logsObjects)), everyAction('Logs')],
  ])('unresolvable: %s fails closed', (_, t, expected) => {
    expect(judge(rule, t as Record<string, Body>, 'Policy')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(findings(t as Record<string, Body>)).toEqual(expected);
  });

  test('each finding names the bucket, the action and what it allows', () => {
    expect(rule.granular!.describe('Bucket::Logs::s3:PutLifecycleConfiguration')).toMatch(
      /may s3:PutLifecycleConfiguration on bucket Logs .*expires everything.*IamNoAuditLogTampering\[Bucket::Logs::s3:PutLifecycleConfiguration\]/,
    );
    expect(rule.granular!.describe('Policy::unresolved')).toMatch(/does not resolve/);
  });

  describe('through the pack', () => {
    const app = () => {
      const a = new App();
      const stack = new Stack(a, 'Results');
      const logs = new SecureBucket(stack, 'Logs', { dataClass: DataClass.AUDIT_LOGS });
      const role = new iam.Role(stack, 'Reader', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
      return { a, stack, logs, role };
    };

    test("the library's grantRead and grantPut on an audit-logs bucket pass", () => {
      const { a, logs, role } = app();
      logs.grantRead(role);
      logs.grantPut(role);
      expect(violations(a)).toEqual([]);
    });

    test("CDK's own grantDelete on it fails, naming the bucket and action; a waiver covers only the finding it names", () => {
      const { a, stack, logs, role } = app();
      logs.bucket.grantDelete(role);
      const bucketId = stack.getLogicalId(logs.bucket.node.defaultChild as never);
      const finding = (action: string) => `${ID}[Bucket::${bucketId}::${action}] Results/Reader/DefaultPolicy/Resource`;
      expect(violations(a)).toEqual([finding('s3:DeleteObject'), finding('s3:DeleteObjectVersion')]);
      Validations.of(role).acknowledge({ id: `${ID}[Bucket::${bucketId}::s3:DeleteObject]`, reason: 'break-glass records officer role, assumed with MFA by the clerk' });
      expect(violations(a)).toEqual([finding('s3:DeleteObjectVersion')]);
    });
  });
});

/** This rule's violations, as `ruleName path`, with waivers applied. */
function violations(scope: App): string[] {
  return new ElectionBaselineChecks().validateScope(scope).violations
    .filter((v) => v.ruleName.startsWith(ID))
    .flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} ${r.constructPath}`));
}
