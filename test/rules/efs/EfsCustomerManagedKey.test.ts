import { NagRuleCompliance } from 'cdk-nag';
import { EfsCustomerManagedKey as rule } from '../../../lib/rules/efs/EfsCustomerManagedKey';
import { fileSystemTemplate } from '../../helpers/data-store-fixtures';
import { KEY_ARN, Props, withProps } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const fsWith = (edit: (p: Props) => void, dataClass = 'voter-pii') => withProps(fileSystemTemplate(dataClass), 'Fs', edit);

describe('EfsCustomerManagedKey', () => {
  test.each(['election-records', 'voter-pii', 'audit-logs'])('compliant: a %s file system under a key of the template', (dataClass) => {
    expect(judge(rule, fileSystemTemplate(dataClass), 'Fs')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: a literal key ARN, Encrypted written as a string', () => {
    expect(judge(rule, fsWith((p) => { p.KmsKeyId = KEY_ARN; p.Encrypted = 'true'; }), 'Fs')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['unencrypted', (p: Props) => { p.Encrypted = false; }],
    ['Encrypted left out', (p: Props) => { delete p.Encrypted; }],
    ['the aws/elasticfilesystem key (no KmsKeyId)', (p: Props) => { delete p.KmsKeyId; }],
    ['the aws/elasticfilesystem alias', (p: Props) => { p.KmsKeyId = 'alias/aws/elasticfilesystem'; }],
  ])('non-compliant: a voter-pii file system %s', (_, edit) => {
    expect(judge(rule, fsWith(edit), 'Fs')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: an unclassified file system (no FileSystemTags) is judged as the most sensitive', () => {
    expect(judge(rule, fsWith((p) => { delete p.FileSystemTags; delete p.KmsKeyId; }), 'Fs')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: operational and public-content file systems, the key', () => {
    for (const dataClass of ['operational', 'public-content']) expect(judge(rule, fsWith((p) => { p.Encrypted = false; }, dataClass), 'Fs')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, fileSystemTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a key from a parameter is left to KmsKeyUnverifiable; Encrypted from a parameter fails closed', () => {
    expect(judge(rule, fsWith((p) => { p.KmsKeyId = { Ref: 'KeyArn' }; }), 'Fs')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, fsWith((p) => { p.Encrypted = { Ref: 'Encrypt' }; }), 'Fs')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('is not waivable', () => {
    expect(rule.waivable).toBe(false);
  });
});
