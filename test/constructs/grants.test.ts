import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  DataClass, ElectionAuditTrail, ElectionRecordsBucket, LogArchiveBucket, ResultsReportingSite, SecureBucket,
} from '../../lib';
import { appWithThreePacks, openFindingsAtSynth } from '../helpers/three-packs';

/** The grantee of the README's first example: a role this account's principals may assume. */
function publisherRole(stack: Stack, id = 'Publisher'): iam.Role {
  return new iam.Role(stack, id, { assumedBy: new iam.AccountPrincipal(stack.account) });
}

type Grantor = (stack: Stack, role: iam.Role) => void;

const GRANTS: Array<[string, Grantor]> = [
  ['SecureBucket.grantRead', (stack, role) => new SecureBucket(stack, 'Data', { dataClass: DataClass.VOTER_PII }).grantRead(role)],
  ['SecureBucket.grantPut', (stack, role) => new SecureBucket(stack, 'Data', { dataClass: DataClass.OPERATIONAL }).grantPut(role)],
  ['ElectionRecordsBucket.grantWrite', (stack, role) => new ElectionRecordsBucket(stack, 'Records').grantWrite(role)],
  ['ElectionRecordsBucket.grantRead', (stack, role) => new ElectionRecordsBucket(stack, 'Records').grantRead(role)],
  ['LogArchiveBucket.grantRead', (stack, role) => new LogArchiveBucket(stack, 'Archive').grantRead(role)],
  ['ElectionAuditTrail.grantRead', (stack, role) => new ElectionAuditTrail(stack, 'Trail').grantRead(role)],
  ['ResultsReportingSite.grantPublish', (stack, role) => new ResultsReportingSite(stack, 'Site').grantPublish(role)],
];

describe('the grant methods pass the anchor packs as they are', () => {
  test.each(GRANTS)('%s to a role synthesizes clean under the three packs, in customer-managed policies only', (_, grant) => {
    const app = appWithThreePacks();
    const stack = new Stack(app, 'County', { env: { region: 'us-east-1' } });
    const role = publisherRole(stack);
    grant(stack, role);
    expect(openFindingsAtSynth(app)).toEqual([]);

    const template = Template.fromStack(stack);
    const roleRef = { Ref: stack.getLogicalId(role.node.defaultChild as iam.CfnRole) };
    template.resourceCountIs('AWS::IAM::Policy', 0);
    const managed = Object.values(template.findResources('AWS::IAM::ManagedPolicy', { Properties: { Roles: [roleRef] } }));
    expect(managed.length).toBeGreaterThan(0);
    for (const policy of managed) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        for (const action of [statement.Action].flat()) expect(action).not.toContain('*');
      }
    }
  });

  test('the library acknowledges exactly the object wildcard, with a reason that says the library made it', () => {
    const app = appWithThreePacks();
    const stack = new Stack(app, 'County');
    const role = publisherRole(stack);
    const records = new ElectionRecordsBucket(stack, 'Records');
    records.grantWrite(role);
    records.grantRead(role);
    const policy = role.node.children.find((c) => c instanceof iam.ManagedPolicy)!;
    const acks = policy.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>));
    const bucketId = stack.getLogicalId(records.bucket.node.defaultChild as iam.CfnRole);
    expect(acks.map(([id]) => id)).toEqual([`Annotation::AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`]);
    expect(acks[0][1]).toMatch(/^Made by cdk-election-baseline for County\/Records: s3:PutObject names objects/);
  });

  test('a grant to a role in another stack is acknowledged as that stack renders the ARN, and synth passes', () => {
    const app = appWithThreePacks();
    const data = new Stack(app, 'CountyData');
    const backend = new Stack(app, 'CountyBackend');
    const records = new ElectionRecordsBucket(data, 'Records');
    const role = publisherRole(backend);
    // The backend also names the bucket, as a function's environment would: the policy must live with the role, or the stacks cycle.
    new iam.ManagedPolicy(backend, 'Describe', { roles: [role], statements: [new iam.PolicyStatement({ actions: ['s3:GetBucketLocation'], resources: [records.bucket.bucketArn] })] });
    records.grantWrite(role);
    expect(openFindingsAtSynth(app)).toEqual([]);
    const policies = Template.fromStack(backend).findResources('AWS::IAM::ManagedPolicy');
    expect(JSON.stringify(policies)).toContain('s3:PutObject');
  });

  test("a function's role gets the grant in a managed policy", () => {
    const stack = new Stack(new App(), 'County');
    const fn = new lambda.Function(stack, 'Fn', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromInline('exports.handler = async () => 1;') });
    new SecureBucket(stack, 'Data', { dataClass: DataClass.OPERATIONAL }).grantRead(fn);
    const template = Template.fromStack(stack);
    const roleRef = { Ref: stack.getLogicalId(fn.role!.node.defaultChild as iam.CfnRole) };
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', { Roles: [roleRef] });
    expect(JSON.stringify(template.findResources('AWS::IAM::Policy'))).not.toContain('s3:GetObject');
  });

  test('a principal that is no role of this account is granted by resource policy, as CDK does', () => {
    const stack = new Stack(new App(), 'County', { env: { account: '111111111111', region: 'us-east-1' } });
    const data = new SecureBucket(stack, 'Data', { dataClass: DataClass.PUBLIC_CONTENT });
    const grant = data.grantRead(new iam.ServicePrincipal('cloudfront.amazonaws.com'));
    expect(grant.success).toBe(true);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    expect(JSON.stringify(template.findResources('AWS::S3::BucketPolicy'))).toContain('cloudfront.amazonaws.com');
  });

  test('a role of another account is granted by resource policy, never a managed policy attached by name', () => {
    const stack = new Stack(new App(), 'County', { env: { account: '111111111111', region: 'us-east-1' } });
    const foreign = iam.Role.fromRoleArn(stack, 'StateAuditor', 'arn:aws:iam::222222222222:role/auditor');
    new SecureBucket(stack, 'Data', { dataClass: DataClass.OPERATIONAL }).grantRead(foreign);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    expect(JSON.stringify(template.findResources('AWS::S3::BucketPolicy'))).toContain('222222222222');
  });
});
