import { NagRuleCompliance } from 'cdk-nag';
import { OpenSearchNodeToNodeEncryption as rule } from '../../../lib/rules/opensearch/OpenSearchNodeToNodeEncryption';
import { domainTemplate } from '../../helpers/entry-point-fixtures';
import { editing } from '../../helpers/logging-fixtures';
import { judge } from '../../helpers/template-fixtures';

const withNodeToNode = (options: unknown, dataClass = 'voter-pii', type?: string) =>
  editing(domainTemplate(dataClass, type), 'Domain', (p) => {
    if (options === undefined) delete p.NodeToNodeEncryptionOptions;
    else p.NodeToNodeEncryptionOptions = options;
  });

describe('OpenSearchNodeToNodeEncryption', () => {
  test.each([
    ['Enabled true', { Enabled: true }],
    ['Enabled "true"', { Enabled: 'true' }],
  ])('compliant: %s, on either type and any class', (_, options) => {
    expect(judge(rule, withNodeToNode(options), 'Domain')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, withNodeToNode(options, 'operational', 'AWS::Elasticsearch::Domain'), 'Domain')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['absent', undefined],
    ['Enabled false', { Enabled: false }],
    ['no Enabled', {}],
  ])('non-compliant: %s, whatever the class', (_, options) => {
    expect(judge(rule, withNodeToNode(options), 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, withNodeToNode(options, 'public-content'), 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the key', () => {
    expect(judge(rule, domainTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: Enabled from a parameter or Fn::If fails closed', () => {
    expect(judge(rule, withNodeToNode({ Enabled: { Ref: 'N2N' } }), 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, withNodeToNode({ 'Fn::If': ['C', { Enabled: true }, { Enabled: false }] }), 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('is not waivable', () => {
    expect(rule.waivable).toBe(false);
  });
});
