import { NagRuleCompliance } from 'cdk-nag';
import { KmsKeyUnverifiable } from '../../../lib/rules/kms/KmsKeyUnverifiable';
import { OpenSearchCustomerManagedKey as rule } from '../../../lib/rules/opensearch/OpenSearchCustomerManagedKey';
import { domainTemplate } from '../../helpers/entry-point-fixtures';
import { editing } from '../../helpers/logging-fixtures';
import { judge } from '../../helpers/template-fixtures';

const TYPES = ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'];
const withEncryption = (options: unknown, dataClass = 'voter-pii', type = TYPES[0]) =>
  editing(domainTemplate(dataClass, type), 'Domain', (p) => {
    if (options === undefined) delete p.EncryptionAtRestOptions;
    else p.EncryptionAtRestOptions = options;
  });

describe('OpenSearchCustomerManagedKey', () => {
  test.each(TYPES)('compliant: a %s under a key of the template, a key ARN or a customer alias', (type) => {
    for (const key of [{ Ref: 'Key' }, { 'Fn::GetAtt': ['Key', 'Arn'] }, 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'alias/county-search']) {
      expect(judge(rule, withEncryption({ Enabled: true, KmsKeyId: key }, 'voter-pii', type), 'Domain')).toBe(NagRuleCompliance.COMPLIANT);
    }
  });

  test.each([
    ['no encryption at rest', undefined],
    ['encryption off', { Enabled: false, KmsKeyId: { Ref: 'Key' } }],
    ['encryption under the AWS-managed key (no KmsKeyId)', { Enabled: true }],
    ['the aws/es alias', { Enabled: true, KmsKeyId: 'alias/aws/es' }],
    ['a key given but encryption not enabled', { KmsKeyId: { Ref: 'Key' } }],
  ])('non-compliant: %s', (_, options) => {
    for (const dataClass of ['voter-pii', 'election-records', 'audit-logs']) {
      expect(judge(rule, withEncryption(options, dataClass), 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
    }
    expect(judge(rule, withEncryption(options, 'voter-pii', TYPES[1]), 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: an unclassified domain is judged as the most sensitive', () => {
    const t = editing(domainTemplate(), 'Domain', (p) => { delete p.Tags; delete p.EncryptionAtRestOptions; });
    expect(judge(rule, t, 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each(['operational', 'public-content'])('not applicable: a %s domain, and the key itself', (dataClass) => {
    expect(judge(rule, withEncryption(undefined, dataClass), 'Domain')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, domainTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: Enabled from a parameter fails; a key from a parameter is passed over to KmsKeyUnverifiable, which reports it', () => {
    expect(judge(rule, withEncryption({ Enabled: { Ref: 'Encrypt' }, KmsKeyId: { Ref: 'Key' } }), 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
    for (const type of TYPES) {
      const t = withEncryption({ Enabled: true, KmsKeyId: { Ref: 'KeyParam' } }, 'voter-pii', type);
      expect(judge(rule, t, 'Domain')).toBe(NagRuleCompliance.COMPLIANT);
      expect(judge(KmsKeyUnverifiable, t, 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
    }
  });

  test('is not waivable', () => {
    expect(rule.waivable).toBe(false);
  });
});
