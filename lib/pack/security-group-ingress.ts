import { isIntrinsic, isObject, JsonObject, literalNumber } from '../baseline/intrinsics';
import { TemplateResource } from './template-model';

/**
 * Reading the ingress rules of `AWS::EC2::SecurityGroup` and
 * `AWS::EC2::SecurityGroupIngress`: which ports a rule opens to the whole
 * internet. The one home of the port-range, protocol and source reading the
 * open-port rules share.
 */

/** A port and the `IpProtocol` values (lower case, names and numbers) that reach it. */
export interface PortProtocols {
  readonly port: number;
  readonly protocols: readonly string[];
}

/** A value that an intrinsic decides: it could be the worst case. */
const UNKNOWN = Symbol('unknown');

/**
 * Whether any ingress rule of a security group (or a standalone ingress
 * rule) opens one of `ports` to 0.0.0.0/0 or ::/0. A rule list, rule,
 * source, protocol or port the template does not resolve counts as open
 * when the rest of the rule could open the port (fail closed).
 */
export function opensToInternet(resource: TemplateResource, ports: readonly PortProtocols[]): boolean {
  if (resource.type === 'AWS::EC2::SecurityGroupIngress') return ruleOpens(resource.properties, ports);
  const ingress = resource.properties.SecurityGroupIngress;
  if (ingress === undefined) return false;
  if (!Array.isArray(ingress)) return true;
  return ingress.some((rule) => ruleOpens(rule, ports));
}

function ruleOpens(rule: unknown, ports: readonly PortProtocols[]): boolean {
  if (!isObject(rule) || isIntrinsic(rule)) return true;
  if (!fromEverywhere(rule)) return false;
  const protocol = isIntrinsic(rule.IpProtocol) ? UNKNOWN : String(rule.IpProtocol).toLowerCase();
  if (protocol === '-1' || protocol === 'all' || protocol === UNKNOWN) return true;
  const from = port(rule.FromPort);
  const to = port(rule.ToPort);
  if (from === UNKNOWN || to === UNKNOWN) return ports.some((p) => p.protocols.includes(protocol));
  // A missing or -1 bound on TCP/UDP means every port.
  const low = from === undefined || from === -1 ? 0 : from;
  const high = to === undefined || to === -1 ? 65535 : to;
  return ports.some((p) => p.protocols.includes(protocol) && low <= p.port && p.port <= high);
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

/**
 * Where a security group or ingress rule opens one of `ports` to the
 * internet, for a rule's `faultPath`: the first such entry of
 * `SecurityGroupIngress`, or a standalone rule's source range.
 */
export function openIngressPath(resource: TemplateResource, ports: readonly PortProtocols[]): string {
  if (resource.type === 'AWS::EC2::SecurityGroupIngress') return resource.properties.CidrIp !== undefined ? 'Properties.CidrIp' : 'Properties.CidrIpv6';
  const ingress = resource.properties.SecurityGroupIngress;
  const index = Array.isArray(ingress) ? ingress.findIndex((rule) => ruleOpens(rule, ports)) : -1;
  return index < 0 ? 'Properties.SecurityGroupIngress' : `Properties.SecurityGroupIngress.${index}`;
}
