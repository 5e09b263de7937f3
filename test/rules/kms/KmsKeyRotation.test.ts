import { NagRuleCompliance } from 'cdk-nag';
import * as kms from 'aws-cdk-lib/aws-kms';
import { KmsKeyRotation as rule } from '../../../lib/rules/kms/KmsKeyRotation';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { judge } from '../../helpers/template-fixtures';

const key = (props: Record<string, unknown>) => ({ Key: { Type: 'AWS::KMS::Key', Properties: props } });

describe('KmsKeyRotation', () => {
  test('compliant: rotation on (boolean or string), symmetric by default or by KeySpec', () => {
    expect(judge(rule, key({ EnableKeyRotation: true }), 'Key')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, key({ EnableKeyRotation: 'true', KeySpec: 'SYMMETRIC_DEFAULT' }), 'Key')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('non-compliant: rotation off or absent', () => {
    expect(judge(rule, key({ EnableKeyRotation: false }), 'Key')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, key({}), 'Key')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: asymmetric and HMAC keys, and other resources', () => {
    expect(judge(rule, key({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, key({ KeySpec: 'HMAC_256' }), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, { Topic: { Type: 'AWS::SNS::Topic' } }, 'Topic')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: rotation or key spec from a parameter fails closed', () => {
    expect(judge(rule, key({ EnableKeyRotation: { Ref: 'Rotate' } }), 'Key')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, key({ KeySpec: { Ref: 'Spec' } }), 'Key')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('through the pack: a default kms.Key fails, one with rotation passes', () => {
    const { stack } = newStack();
    new kms.Key(stack, 'NoRotation');
    new kms.Key(stack, 'Rotating', { enableKeyRotation: true });
    expect(pathsViolating(stack, 'KmsKeyRotation')).toEqual(['Test/NoRotation/Resource']);
  });
});
