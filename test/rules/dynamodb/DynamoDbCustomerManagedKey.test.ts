import { NagRuleCompliance } from 'cdk-nag';
import { App, Stack } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import { DynamoDbCustomerManagedKey as rule } from '../../../lib/rules/dynamodb/DynamoDbCustomerManagedKey';
import { pathsViolating } from '../../helpers/pack-harness';
import { globalTableTemplate, KEY_ARN, Props, tableTemplate, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const withSse = (sse: unknown, dataClass = 'voter-pii') => withProps(tableTemplate(dataClass), 'Table', (p) => { p.SSESpecification = sse; });
const replica = (p: Props, i: number) => (p.Replicas as Props[])[i];

describe('DynamoDbCustomerManagedKey', () => {
  test.each(['election-records', 'voter-pii', 'audit-logs'])('compliant: a %s table under a key of the template', (dataClass) => {
    expect(judge(rule, tableTemplate(dataClass), 'Table')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: a literal key ARN or customer alias; a global table with a key on every replica', () => {
    expect(judge(rule, withSse({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: KEY_ARN }), 'Table')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, withSse({ SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: 'alias/voter-rolls' }), 'Table')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, globalTableTemplate(), 'Global')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the AWS owned key (no SSESpecification)', undefined],
    ['SSE disabled', { SSEEnabled: false }],
    ['the AWS managed key (no key id)', { SSEEnabled: true, SSEType: 'KMS' }],
    ['the aws/dynamodb alias', { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: 'alias/aws/dynamodb' }],
    ['a key id without SSEEnabled', { KMSMasterKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } }],
  ])('non-compliant: a voter-pii table with %s', (_, sse) => {
    expect(judge(rule, withSse(sse), 'Table')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: an unclassified table is judged as the most sensitive', () => {
    const t = withProps(tableTemplate(), 'Table', (p) => {
      delete p.Tags;
      delete p.SSESpecification;
    });
    expect(judge(rule, t, 'Table')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['a replica without a key', (p: Props) => { delete replica(p, 1).SSESpecification; }],
    ['a replica on the aws/dynamodb alias', (p: Props) => { replica(p, 1).SSESpecification = { KMSMasterKeyId: 'alias/aws/dynamodb' }; }],
    ['no table-level SSE', (p: Props) => { delete p.SSESpecification; }],
    ['one operational replica beside a voter-pii one, neither keyed', (p: Props) => {
      replica(p, 0).Tags = [{ Key: 'election:data-class', Value: 'operational' }];
      delete replica(p, 0).SSESpecification;
      delete replica(p, 1).SSESpecification;
    }],
  ])('non-compliant: a global table with %s', (_, edit) => {
    expect(judge(rule, withProps(globalTableTemplate(), 'Global', edit), 'Global')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each(['public-content', 'operational'])('not applicable: a %s table or global table', (dataClass) => {
    expect(judge(rule, withSse(undefined, dataClass), 'Table')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    const global = withProps(globalTableTemplate(dataClass), 'Global', (p) => { delete p.SSESpecification; });
    expect(judge(rule, global, 'Global')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, tableTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a key from a parameter', { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { Ref: 'KeyArn' } }],
    ['a key from an import', { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::ImportValue': 'key-arn' } }],
  ])('unresolvable: %s is passed over (KmsKeyUnverifiable reports it)', (_, sse) => {
    expect(judge(rule, withSse(sse), 'Table')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('unresolvable: SSEType from a parameter fails closed (it may turn KMS off)', () => {
    const sse = { SSEEnabled: true, SSEType: { Ref: 'SseType' }, KMSMasterKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] } };
    expect(judge(rule, withSse(sse), 'Table')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('unresolvable: replicas from a condition fail closed', () => {
    const t = withProps(globalTableTemplate(), 'Global', (p) => { p.Replicas = { 'Fn::If': ['Multi', [], []] }; });
    expect(judge(rule, t, 'Global')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: Table and TableV2 (regional stack) with a customer-managed key pass; AWS_MANAGED fails', () => {
    const stack = new Stack(new App(), 'Regional', { env: { account: '111122223333', region: 'us-east-1' } });
    const key = new kms.Key(stack, 'Key');
    const pk = { name: 'pk', type: dynamodb.AttributeType.STRING };
    const cmk = new dynamodb.Table(stack, 'Cmk', { partitionKey: pk, encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED, encryptionKey: key });
    const managed = new dynamodb.Table(stack, 'Managed', { partitionKey: pk, encryption: dynamodb.TableEncryption.AWS_MANAGED });
    const v2 = new dynamodb.TableV2(stack, 'V2', {
      partitionKey: pk,
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(key),
      tags: [{ key: 'election:data-class', value: 'voter-pii' }],
    });
    const paths = pathsViolating(stack, 'DynamoDbCustomerManagedKey');
    expect(paths).toContain(`${managed.node.path}/Resource`);
    expect(paths).not.toContain(`${cmk.node.path}/Resource`);
    expect(paths).not.toContain(`${v2.node.path}/Resource`);
  });
});
