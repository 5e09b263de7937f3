import { NagRuleCompliance } from 'cdk-nag';
import { OpenSearchVoterPiiPrivate as rule } from '../../../lib/rules/opensearch/OpenSearchVoterPiiPrivate';
import { domainTemplate } from '../../helpers/entry-point-fixtures';
import { editing } from '../../helpers/logging-fixtures';
import { judge } from '../../helpers/template-fixtures';

const publicDomain = (edit: (p: Record<string, unknown>) => void = () => undefined, dataClass = 'voter-pii', type?: string) =>
  editing(domainTemplate(dataClass, type), 'Domain', (p) => {
    delete p.VPCOptions;
    edit(p);
  });
const FGAC = { Enabled: true, MasterUserOptions: { MasterUserARN: 'arn:aws:iam::111122223333:role/admin' } };

describe('OpenSearchVoterPiiPrivate', () => {
  test.each([
    ['in a VPC', domainTemplate()],
    ['in a VPC whose subnets are a list parameter', editing(domainTemplate(), 'Domain', (p) => { p.VPCOptions = { SubnetIds: { Ref: 'Subnets' } }; })],
    ['public behind fine-grained access control', publicDomain((p) => { p.AdvancedSecurityOptions = FGAC; })],
    ['a legacy Elasticsearch domain in a VPC', domainTemplate('voter-pii', 'AWS::Elasticsearch::Domain')],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Domain')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['public, access policy only', publicDomain()],
    ['VPCOptions with no subnets', editing(domainTemplate(), 'Domain', (p) => { p.VPCOptions = { SubnetIds: [] }; })],
    ['public, fine-grained access control with anonymous auth', publicDomain((p) => { p.AdvancedSecurityOptions = { ...FGAC, AnonymousAuthEnabled: true }; })],
    ['public, fine-grained access control off', publicDomain((p) => { p.AdvancedSecurityOptions = { Enabled: false }; })],
    ['public and unclassified (judged as voter PII)', publicDomain((p) => { delete p.Tags; })],
    ['a public legacy Elasticsearch domain', publicDomain(() => undefined, 'voter-pii', 'AWS::Elasticsearch::Domain')],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each(['election-records', 'audit-logs', 'operational'])('not applicable: a public %s domain, and the key', (dataClass) => {
    expect(judge(rule, publicDomain(() => undefined, dataClass), 'Domain')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, domainTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: VPCOptions from Fn::If, or fine-grained access control from a parameter, fails closed', () => {
    const vpcIf = editing(domainTemplate(), 'Domain', (p) => { p.VPCOptions = { 'Fn::If': ['InVpc', { SubnetIds: ['subnet-0abc'] }, { Ref: 'AWS::NoValue' }] }; });
    expect(judge(rule, vpcIf, 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const subnetsIf = editing(domainTemplate(), 'Domain', (p) => { p.VPCOptions = { SubnetIds: { 'Fn::If': ['InVpc', ['subnet-0abc'], { Ref: 'AWS::NoValue' }] } }; });
    expect(judge(rule, subnetsIf, 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, publicDomain((p) => { p.AdvancedSecurityOptions = { Enabled: { Ref: 'Fgac' } }; }), 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('is waivable (a public endpoint whose policy names agency roles is a choice a person may accept)', () => {
    expect(rule.waivable).toBe(true);
  });
});
