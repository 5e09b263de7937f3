import { NagRuleCompliance } from 'cdk-nag';
import * as logs from 'aws-cdk-lib/aws-logs';
import { LogGroupEncrypted as rule } from '../../../lib/rules/logs/LogGroupEncrypted';
import { compliantTrailTemplate, editing } from '../../helpers/logging-fixtures';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { judge } from '../../helpers/template-fixtures';

function withGroup(edit: (p: Record<string, unknown>) => void) {
  return editing(compliantTrailTemplate(), 'LogGroup', edit);
}

describe('LogGroupEncrypted', () => {
  test.each([
    ['GetAtt of a key of the template', { 'Fn::GetAtt': ['Key', 'Arn'] }],
    ['a literal key ARN', 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
    ['a customer alias ARN', 'arn:aws:kms:us-east-1:111122223333:alias/logs'],
  ])('compliant: %s', (_, key) => {
    expect(judge(rule, withGroup((p) => { p.KmsKeyId = key; }), 'LogGroup')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([['audit-logs'], ['voter-pii'], ['election-records'], ['not-a-class']])('non-compliant: class %s without a key', (cls) => {
    const t = withGroup((p) => {
      delete p.KmsKeyId;
      p.Tags = [{ Key: 'election:data-class', Value: cls }];
    });
    expect(judge(rule, t, 'LogGroup')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: no class tag at all is judged as the strictest', () => {
    const t = withGroup((p) => {
      delete p.KmsKeyId;
      delete p.Tags;
    });
    expect(judge(rule, t, 'LogGroup')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: a key ARN that names another resource, or an AWS-managed alias', () => {
    expect(judge(rule, withGroup((p) => { p.KmsKeyId = { 'Fn::GetAtt': ['Bucket', 'Arn'] }; }), 'LogGroup')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, withGroup((p) => { p.KmsKeyId = 'arn:aws:kms:us-east-1:111122223333:alias/aws/logs'; }), 'LogGroup')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([['operational'], ['public-content']])('not applicable: class %s is not judged', (cls) => {
    const t = withGroup((p) => {
      delete p.KmsKeyId;
      p.Tags = [{ Key: 'election:data-class', Value: cls }];
    });
    expect(judge(rule, t, 'LogGroup')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('not applicable: the trail', () => {
    expect(judge(rule, compliantTrailTemplate(), 'Trail')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a key from a parameter or an import is passed over (KmsKeyUnverifiable); a class from a parameter fails closed', () => {
    expect(judge(rule, withGroup((p) => { p.KmsKeyId = { Ref: 'LogKeyArn' }; }), 'LogGroup')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, withGroup((p) => { p.KmsKeyId = { 'Fn::ImportValue': 'LogKey' }; }), 'LogGroup')).toBe(NagRuleCompliance.COMPLIANT);
    const classFromParameter = withGroup((p) => {
      delete p.KmsKeyId;
      p.Tags = [{ Key: 'election:data-class', Value: { Ref: 'DataClass' } }];
    });
    expect(judge(rule, classFromParameter, 'LogGroup')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('is not waivable', () => {
    expect(rule.waivable).toBe(false);
  });

  test('through the pack: an unencrypted, unclassified LogGroup L2 fails', () => {
    const { stack } = newStack();
    const group = new logs.LogGroup(stack, 'Group');
    expect(pathsViolating(stack, 'LogGroupEncrypted')).toEqual([`${group.node.path}/Resource`]);
  });
});
