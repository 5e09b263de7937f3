import { NagRuleCompliance } from 'cdk-nag';
import { Ec2NoOpenAdminPorts as rule } from '../../../lib/rules/ec2/Ec2NoOpenAdminPorts';
import { judge } from '../../helpers/template-fixtures';

const group = (...ingress: unknown[]) => ({ Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x', SecurityGroupIngress: ingress } } });
const tcp = (from: unknown, to: unknown, source: Record<string, unknown> = { CidrIp: '0.0.0.0/0' }) => ({ IpProtocol: 'tcp', FromPort: from, ToPort: to, ...source });

describe('Ec2NoOpenAdminPorts', () => {
  test.each([
    ['HTTPS from anywhere', group(tcp(443, 443), tcp(443, 443, { CidrIpv6: '::/0' }))],
    ['SSH from the office range', group(tcp(22, 22, { CidrIp: '198.51.100.0/24' }))],
    ['RDP from another security group', group(tcp(3389, 3389, { SourceSecurityGroupId: 'sg-123' }))],
    ['all traffic from a prefix list', group({ IpProtocol: '-1', SourcePrefixListId: 'pl-123' })],
    ['UDP 22 from anywhere', group({ IpProtocol: 'udp', FromPort: 22, ToPort: 22, CidrIp: '0.0.0.0/0' })],
    ['no ingress', { Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'x' } } }],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Sg')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['SSH and RDP from 0.0.0.0/0 (red team)', group(tcp(22, 22), tcp(3389, 3389))],
    ['SSH from ::/0', group(tcp(22, 22, { CidrIpv6: '::/0' }))],
    ['a range that includes 22', group(tcp(0, 1024))],
    ['protocol 6 on 3389', group({ IpProtocol: '6', FromPort: 3389, ToPort: 3389, CidrIp: '0.0.0.0/0' })],
    ['RDP over UDP', group({ IpProtocol: 'udp', FromPort: 3389, ToPort: 3389, CidrIp: '0.0.0.0/0' })],
    ['all traffic', group({ IpProtocol: '-1', CidrIp: '0.0.0.0/0' })],
    ['all ports of TCP (-1)', group(tcp(-1, -1))],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Sg')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('a standalone ingress rule is judged the same way', () => {
    const ingress = (props: Record<string, unknown>) => ({ I: { Type: 'AWS::EC2::SecurityGroupIngress', Properties: { GroupId: 'sg-1', ...props } } });
    expect(judge(rule, ingress(tcp(22, 22)), 'I')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, ingress(tcp(443, 443)), 'I')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('not applicable: an egress rule', () => {
    expect(judge(rule, { E: { Type: 'AWS::EC2::SecurityGroupEgress', Properties: tcp(22, 22) } }, 'E')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['the ingress list from Fn::If', { Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { SecurityGroupIngress: { 'Fn::If': ['C', [], []] } } } }],
    ['a source from a parameter on SSH', group(tcp(22, 22, { CidrIp: { Ref: 'AllowedCidr' } }))],
    ['a port from a parameter, open to all', group(tcp({ Ref: 'Port' }, { Ref: 'Port' }))],
    ['a protocol from a parameter, open to all', group({ IpProtocol: { Ref: 'Proto' }, FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Sg')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
