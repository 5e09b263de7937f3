import { NagRuleCompliance } from 'cdk-nag';
import { SecurityHubStandardsEnabled as rule } from '../../../lib/rules/securityhub/SecurityHubStandardsEnabled';
import { judge } from '../../helpers/template-fixtures';

const arn = (path: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':securityhub:', { Ref: 'AWS::Region' }, `::standards/${path}`]] });
const FSBP = arn('aws-foundational-security-best-practices/v/1.0.0');
const CIS = arn('cis-aws-foundations-benchmark/v/3.0.0');
const NIST = arn('nist-800-53/v/5.0.0');

function hub(hubProps: Record<string, unknown>, ...standards: unknown[]) {
  return {
    Hub: { Type: 'AWS::SecurityHub::Hub', Properties: hubProps },
    ...Object.fromEntries(standards.map((s, i) => [`Standard${i}`, { Type: 'AWS::SecurityHub::Standard', Properties: { StandardsArn: s }, DependsOn: ['Hub'] }])),
  };
}
const own = { EnableDefaultStandards: false };

describe('SecurityHubStandardsEnabled', () => {
  test.each([
    ['FSBP and CIS v3.0.0 (SecurityMonitoring)', hub(own, FSBP, CIS)],
    ['FSBP and NIST 800-53', hub(own, FSBP, NIST)],
    ['the legacy CIS v1.2.0 ruleset ARN', hub(own, FSBP, 'arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0')],
    ['AWS default standards (EnableDefaultStandards absent)', hub({})],
    ['AWS default standards (EnableDefaultStandards true)', hub({ EnableDefaultStandards: true })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Hub')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the FSBP standard removed', hub(own, CIS)],
    ['the CIS standard removed', hub(own, FSBP)],
    ['no standards at all', hub(own)],
    ['a PCI standard only', hub(own, arn('pci-dss/v/3.2.1'))],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Hub')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a standard', () => {
    expect(judge(rule, hub(own, FSBP, CIS), 'Standard0')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a standard ARN from a parameter', hub(own, FSBP, { Ref: 'BenchmarkArn' })],
    ['EnableDefaultStandards from a condition', hub({ EnableDefaultStandards: { 'Fn::If': ['Defaults', true, false] } })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Hub')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
