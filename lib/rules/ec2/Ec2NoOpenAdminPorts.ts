import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject, JsonObject, literalNumber } from '../../pack/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** SSH and RDP are never open to the internet. */
export const Ec2NoOpenAdminPorts: ElectionRule = {
  name: 'Ec2NoOpenAdminPorts',
  level: NagMessageLevel.ERROR,
  info: 'The security group lets the whole internet (0.0.0.0/0 or ::/0) reach SSH (TCP 22) or RDP (TCP or UDP 3389).',
  explanation:
    'Internet-facing RDP and SSH are among the most common ways ransomware crews get into local government ' +
    'networks, county election offices among them: a password spray or an unpatched service gives them a ' +
    'server inside the network that holds voter or results data. An ingress rule fails when its source is ' +
    '0.0.0.0/0 or ::/0 (any /0) and it reaches TCP 22, TCP or UDP 3389, through a port range that includes them or ' +
    'protocol -1 (all traffic). A source, protocol or port from a parameter or an import cannot be checked and ' +
    'fails when the rest of the rule could open the port. Use Session Manager or a VPN, or name the office ' +
    'address range. Waive it only for a short-lived bastion that an incident response firm needs, with its end date.',
  controls: ['NIST-800-53-r5:SC-7', 'NIST-800-53-r5:AC-4', 'NIST-800-53-r5:CM-7', 'CISA-CPG:2.W', 'CISA-CPG:2.F', 'CIS-v8:4.4', 'CIS-v8:13.4'],
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  waivable: true,
  check: ec2NoOpenAdminPorts,
};

/** Administrative ports and the protocols they listen on. */
const ADMIN_PORTS: readonly { port: number; protocols: readonly string[] }[] = [
  { port: 22, protocols: ['tcp', '6'] },
  { port: 3389, protocols: ['tcp', '6', 'udp', '17'] },
];

/** A value that an intrinsic decides: it could be the worst case. */
const UNKNOWN = Symbol('unknown');

function ec2NoOpenAdminPorts(resource: TemplateResource): NagRuleCompliance {
  let rules: unknown[];
  if (resource.type === 'AWS::EC2::SecurityGroupIngress') {
    rules = [resource.properties];
  } else {
    const ingress = resource.properties.SecurityGroupIngress;
    if (ingress === undefined) return NagRuleCompliance.COMPLIANT;
    if (!Array.isArray(ingress)) return NagRuleCompliance.NON_COMPLIANT;
    rules = ingress;
  }
  return rules.some(opensAdminPort) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}

function opensAdminPort(rule: unknown): boolean {
  if (!isObject(rule) || isIntrinsic(rule)) return true;
  if (!fromEverywhere(rule)) return false;
  const protocol = isIntrinsic(rule.IpProtocol) ? UNKNOWN : String(rule.IpProtocol).toLowerCase();
  if (protocol === '-1' || protocol === 'all' || protocol === UNKNOWN) return true;
  const from = port(rule.FromPort);
  const to = port(rule.ToPort);
  if (from === UNKNOWN || to === UNKNOWN) return ADMIN_PORTS.some((a) => a.protocols.includes(protocol));
  // A missing or -1 bound on TCP/UDP means every port.
  const low = from === undefined || from === -1 ? 0 : from;
  const high = to === undefined || to === -1 ? 65535 : to;
  return ADMIN_PORTS.some((a) => a.protocols.includes(protocol) && low <= a.port && a.port <= high);
}

/** Whether the rule's source is the whole internet, or a value the template does not resolve. */
function fromEverywhere(rule: JsonObject): boolean {
  return [rule.CidrIp, rule.CidrIpv6].some((cidr) => {
    if (cidr === undefined) return false;
    if (typeof cidr !== 'string') return true;
    return /\/0$/.test(cidr.trim());
  });
}

function port(value: unknown): number | undefined | typeof UNKNOWN {
  if (value === undefined) return undefined;
  const n = literalNumber(value);
  return n === undefined ? UNKNOWN : n;
}
