import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { openIngressPath, opensToInternet, PortProtocols } from '../../pack/security-group-ingress';
import { TemplateResource } from '../../pack/template-model';

/** SSH and RDP are never open to the internet. */
export const Ec2NoOpenAdminPorts: ElectionRule = {
  name: 'Ec2NoOpenAdminPorts',
  level: NagMessageLevel.ERROR,
  info: 'The security group lets the whole internet (0.0.0.0/0 or ::/0) reach SSH (TCP 22) or RDP (TCP or UDP 3389).',
  explanation:
    'Internet-facing SSH and RDP are a common way ransomware crews enter county networks. Passes: no ingress ' +
    'from 0.0.0.0/0 or ::/0 reaching TCP 22 or TCP/UDP 3389; use Session Manager, a VPN or the office range.',
  rationale:
    'Local government networks, county election offices among them, are entered this way: a password spray or ' +
    'an unpatched service gives the crew a server inside the network that holds voter or results data. Any /0 ' +
    'source counts, and a rule reaches the ports through a port range that includes them or protocol -1 (all ' +
    'traffic). A source, protocol or port from a parameter or an import cannot be checked and fails when the ' +
    'rest of the rule could open the port. Waive it only for a short-lived bastion that an incident response ' +
    'firm needs, with its end date.',
  controls: ['NIST-800-53-r5:SC-7', 'NIST-800-53-r5:AC-4', 'NIST-800-53-r5:CM-7', 'CISA-CPG:2.W', 'CISA-CPG:2.F', 'CIS-v8:4.4', 'CIS-v8:13.4'],
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  waivable: true,
  faultPath: (resource) => openIngressPath(resource, ADMIN_PORTS),
  check: ec2NoOpenAdminPorts,
};

/** Administrative ports and the protocols they listen on. */
const ADMIN_PORTS: readonly PortProtocols[] = [
  { port: 22, protocols: ['tcp', '6'] },
  { port: 3389, protocols: ['tcp', '6', 'udp', '17'] },
];

function ec2NoOpenAdminPorts(resource: TemplateResource): NagRuleCompliance {
  return opensToInternet(resource, ADMIN_PORTS) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
