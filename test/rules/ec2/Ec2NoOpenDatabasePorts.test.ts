import { NagRuleCompliance } from 'cdk-nag';
import { DATABASE_PORTS } from '../../../lib/baseline/data-store-baseline';
import { Ec2NoOpenDatabasePorts as rule } from '../../../lib/rules/ec2/Ec2NoOpenDatabasePorts';
import { judge } from '../../helpers/template-fixtures';

const group = (...ingress: unknown[]) => ({ Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', SecurityGroupIngress: ingress } } });
const tcp = (from: unknown, to: unknown, source: Record<string, unknown> = { CidrIp: '0.0.0.0/0' }) => ({ IpProtocol: 'tcp', FromPort: from, ToPort: to, ...source });

describe('Ec2NoOpenDatabasePorts', () => {
  test.each([
    ['HTTPS from anywhere', group(tcp(443, 443), tcp(443, 443, { CidrIpv6: '::/0' }))],
    ['PostgreSQL from the application\'s security group', group(tcp(5432, 5432, { SourceSecurityGroupId: 'sg-123' }))],
    ['MySQL from the office range', group(tcp(3306, 3306, { CidrIp: '198.51.100.0/24' }))],
    ['SSH from anywhere (Ec2NoOpenAdminPorts\' finding)', group(tcp(22, 22))],
    ['a range between database ports', group(tcp(8000, 9199))],
    ['no ingress', { Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x' } } }],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Sg')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each(DATABASE_PORTS.map((p) => [`${p.service} (${p.port})`, p.port]))('non-compliant: %s from 0.0.0.0/0', (_, port) => {
    expect(judge(rule, group(tcp(port, port)), 'Sg')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['PostgreSQL from ::/0', group(tcp(5432, 5432, { CidrIpv6: '::/0' }))],
    ['a range that includes 27017', group(tcp(27000, 28000))],
    ['protocol 6 on 1433', group({ IpProtocol: '6', FromPort: 1433, ToPort: 1433, CidrIp: '0.0.0.0/0' })],
    ['NFS over UDP', group({ IpProtocol: 'udp', FromPort: 2049, ToPort: 2049, CidrIp: '0.0.0.0/0' })],
    ['all traffic', group({ IpProtocol: '-1', CidrIp: '0.0.0.0/0' })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Sg')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('a standalone ingress rule is judged the same way', () => {
    const ingress = (props: Record<string, unknown>) => ({ I: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: 'sg-1', ...props } } });
    expect(judge(rule, ingress(tcp(6379, 6379)), 'I')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, ingress(tcp(6379, 6379, { SourceSecurityGroupId: 'sg-2' })), 'I')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('not applicable: an egress rule', () => {
    expect(judge(rule, { E: { Type: 'AWS::EC2::SecurityGroupEgress', Properties: tcp(5432, 5432) } }, 'E')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['the ingress list from Fn::If', { Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { SecurityGroupIngress: { 'Fn::If': ['C', [], []] } } } }],
    ['a source from a parameter on PostgreSQL', group(tcp(5432, 5432, { CidrIp: { Ref: 'AllowedCidr' } }))],
    ['a port from a parameter, open to all', group(tcp({ Ref: 'Port' }, { Ref: 'Port' }))],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Sg')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
