import * as fs from 'fs';
import * as path from 'path';
import { NagRuleCompliance } from 'cdk-nag';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { parseCloudFormationYaml } from '../../../lib/audit/cfn-yaml';
import { S3BucketTlsOnly as rule } from '../../../lib/rules/s3/S3BucketTlsOnly';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { Body, bucketArn, compliantBucketTemplate, judge, objectsArn, tlsOnlyStatement } from '../../helpers/template-fixtures';

function withStatement(edit: (s: Record<string, unknown>) => void, dataClass = 'voter-pii'): Record<string, Body> {
  const t = compliantBucketTemplate(dataClass);
  const statement = tlsOnlyStatement();
  edit(statement);
  t.BucketPolicy.Properties = { Bucket: { Ref: 'Bucket' }, PolicyDocument: { Statement: [statement] } };
  return t;
}

describe('S3BucketTlsOnly', () => {
  test('compliant: the statement CDK writes for enforceSSL', () => {
    expect(judge(rule, compliantBucketTemplate(), 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: Principal "*", Action "*", boolean false, literal ARNs of a named bucket', () => {
    const t = withStatement((s) => {
      s.Principal = '*';
      s.Action = ['*'];
      s.Condition = { Bool: { 'aws:SecureTransport': false } };
      s.Resource = ['arn:aws:s3:::county-results', 'arn:aws:s3:::county-results/*'];
    });
    t.Bucket.Properties!.BucketName = 'county-results';
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no bucket policy', null],
    ['an Allow instead of a Deny', (s: Record<string, unknown>) => { s.Effect = 'Allow'; }],
    ['a Deny for one account only', (s: Record<string, unknown>) => { s.Principal = { AWS: 'arn:aws:iam::111122223333:root' }; }],
    ['a Deny of GetObject only', (s: Record<string, unknown>) => { s.Action = 's3:GetObject'; }],
    ['SecureTransport true', (s: Record<string, unknown>) => { s.Condition = { Bool: { 'aws:SecureTransport': 'true' } }; }],
    ['no condition', (s: Record<string, unknown>) => { delete s.Condition; }],
    ['an extra condition that narrows the deny', (s: Record<string, unknown>) => {
      s.Condition = { Bool: { 'aws:SecureTransport': 'false' }, StringEquals: { 'aws:PrincipalAccount': '111122223333' } };
    }],
    ['the bucket but not its objects', (s: Record<string, unknown>) => { s.Resource = [bucketArn]; }],
    ['the objects but not the bucket', (s: Record<string, unknown>) => { s.Resource = [objectsArn]; }],
    ['another bucket', (s: Record<string, unknown>) => { s.Resource = [{ 'Fn::GetAtt': ['LogBucket', 'Arn'] }]; }],
  ])('non-compliant: %s', (_, edit) => {
    const t = edit ? withStatement(edit) : compliantBucketTemplate();
    if (!edit) delete (t as Record<string, unknown>).BucketPolicy;
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: the policy is attached to another bucket', () => {
    const t = compliantBucketTemplate();
    t.BucketPolicy.Properties!.Bucket = { Ref: 'LogBucket' };
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a bucket policy resource itself', () => {
    expect(judge(rule, compliantBucketTemplate(), 'BucketPolicy')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a policy document from a parameter, or a condition value from one, fails closed', () => {
    const t = compliantBucketTemplate();
    t.BucketPolicy.Properties!.PolicyDocument = { Ref: 'PolicyJson' };
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const cond = withStatement((s) => {
      s.Condition = { Bool: { 'aws:SecureTransport': { Ref: 'Flag' } } };
    });
    expect(judge(rule, cond, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: enforceSSL passes, a bucket without it fails', () => {
    const { stack } = newStack();
    const withSsl = new s3.Bucket(stack, 'WithSsl', { enforceSSL: true });
    const without = new s3.Bucket(stack, 'Without');
    const paths = pathsViolating(stack, 'S3BucketTlsOnly');
    expect(paths).toContain(`${without.node.path}/Resource`);
    expect(paths).not.toContain(`${withSsl.node.path}/Resource`);
  });
});

describe('S3BucketTlsOnly: resources however they are spelled', () => {
  test('compliant: Fn::Sub forms of the bucket and object ARNs, as hand-written templates use', () => {
    const t = withStatement((s) => {
      s.Resource = [{ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}' }, { 'Fn::Sub': '${Bucket.Arn}/*' }];
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('non-compliant: a wildcard pattern that may or may not match the generated name is not credited', () => {
    const t = withStatement((s) => {
      s.Resource = ['arn:aws:s3:::county-*', 'arn:aws:s3:::county-*/*'];
    });
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});

/** Judges every bucket of a fixture template (JSON or YAML, as an auditor receives it). */
function judgeBuckets(file: string): Record<string, NagRuleCompliance> {
  const fixture = path.join(__dirname, 'fixtures', file);
  const text = fs.readFileSync(fixture, 'utf8');
  const parsed = (file.endsWith('.json') ? JSON.parse(text) : parseCloudFormationYaml(text, fixture).value) as { Resources: Record<string, Body> };
  const verdicts: Record<string, NagRuleCompliance> = {};
  for (const [id, body] of Object.entries(parsed.Resources)) {
    if (body.Type === 'AWS::S3::Bucket') verdicts[id] = judge(rule, parsed.Resources, id);
  }
  return verdicts;
}

describe('S3BucketTlsOnly: buckets named from parameters, as AWS\'s compliant samples name them', () => {
  test('compliant: the policy names the bucket by the same Sub, parameter Ref or Join as its BucketName (YAML)', () => {
    expect(judgeBuckets('tls-named-buckets.yaml')).toEqual({
      S3Bucket: NagRuleCompliance.COMPLIANT,
      LogsBucket: NagRuleCompliance.COMPLIANT,
      JoinedBucket: NagRuleCompliance.COMPLIANT,
    });
  });

  test('compliant: a policy attached by the BucketName expression, with a Sub variable map (JSON)', () => {
    expect(judgeBuckets('tls-named-buckets.json')).toEqual({ S3Bucket: NagRuleCompliance.COMPLIANT });
  });

  test('non-compliant: another parameter, no /* objects, an Allow, a wildcard spelling the parameter\'s name', () => {
    expect(judgeBuckets('tls-named-buckets-insecure.yaml')).toEqual({
      OtherParameterBucket: NagRuleCompliance.NON_COMPLIANT,
      BucketOnlyBucket: NagRuleCompliance.NON_COMPLIANT,
      AllowBucket: NagRuleCompliance.NON_COMPLIANT,
      WildcardTailBucket: NagRuleCompliance.NON_COMPLIANT,
    });
  });

  test('non-compliant: a Sub that differs from the BucketName only in a pseudo parameter', () => {
    const t = withStatement((s) => {
      s.Resource = [{ 'Fn::Sub': 'arn:aws:s3:::${Name}-${AWS::Region}' }, { 'Fn::Sub': 'arn:aws:s3:::${Name}-${AWS::Region}/*' }];
    });
    t.Bucket.Properties!.BucketName = { 'Fn::Sub': '${Name}-${AWS::AccountId}' };
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('unresolvable: a BucketName under Fn::If is matched only through references to the bucket', () => {
    const t = withStatement((s) => {
      s.Resource = [{ 'Fn::Sub': 'arn:aws:s3:::${Name}' }, { 'Fn::Sub': 'arn:aws:s3:::${Name}/*' }];
    });
    t.Bucket.Properties!.BucketName = { 'Fn::If': ['Named', { Ref: 'Name' }, { Ref: 'AWS::NoValue' }] };
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const byRef = withStatement(() => undefined);
    byRef.Bucket.Properties!.BucketName = { 'Fn::If': ['Named', { Ref: 'Name' }, { Ref: 'AWS::NoValue' }] };
    expect(judge(rule, byRef, 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('a policy attached by an expression no bucket is named with is attached to none', () => {
    const t = compliantBucketTemplate();
    t.Bucket.Properties!.BucketName = { 'Fn::Sub': '${Name}-records' };
    t.BucketPolicy.Properties!.Bucket = { 'Fn::Sub': '${Name}-record' };
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.NON_COMPLIANT);
    t.BucketPolicy.Properties!.Bucket = { 'Fn::Sub': '${Name}-records' };
    expect(judge(rule, t, 'Bucket')).toBe(NagRuleCompliance.COMPLIANT);
  });
});
