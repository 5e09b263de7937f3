import { asList, isIntrinsic, isObject, JsonObject, literalBoolean, literalNumber } from '../baseline/intrinsics';
import { TemplateResource, UNRESOLVED } from './template-model';
import { ELB_TLS12_POLICIES } from '../baseline/tls-policies';

/** The classic load balancer type, whose listeners are a property of the load balancer. */
export const CLASSIC_ELB = 'AWS::ElasticLoadBalancing::LoadBalancer';

/** The protocols of classic listeners that terminate TLS. */
export const CLASSIC_TLS_PROTOCOLS: readonly string[] = ['HTTPS', 'SSL'];

/** The listeners of a classic load balancer, each with its protocol upper-cased; UNRESOLVED when the list, a listener or a protocol is an intrinsic. */
export function classicListeners(balancer: TemplateResource): Array<{ protocol: string; listener: JsonObject }> | typeof UNRESOLVED {
  const listeners = balancer.properties.Listeners;
  if (isIntrinsic(listeners)) return UNRESOLVED;
  const read: Array<{ protocol: string; listener: JsonObject }> = [];
  for (const listener of asList(listeners)) {
    if (!isObject(listener) || isIntrinsic(listener) || typeof listener.Protocol !== 'string') return UNRESOLVED;
    read.push({ protocol: listener.Protocol.toUpperCase(), listener });
  }
  return read;
}

/**
 * Whether a classic HTTPS or SSL listener negotiates TLS 1.2 or later only:
 * an `SSLNegotiationPolicyType` policy of the load balancer, named in the
 * listener's `PolicyNames` or attached to its port by `LoadBalancerPorts`,
 * either references a TLS 1.2+ predefined policy (`Reference-Security-Policy`)
 * or enables no protocol before TLS 1.2. With none, the classic default
 * (ELBSecurityPolicy-2016-08, TLS 1.0) applies.
 */
export function classicListenerTls12(balancer: TemplateResource, listener: JsonObject): boolean {
  const names = asList(listener.PolicyNames);
  const port = literalNumber(listener.LoadBalancerPort);
  const policies = asList(balancer.properties.Policies).filter(
    (p): p is JsonObject =>
      isObject(p) &&
      p.PolicyType === 'SSLNegotiationPolicyType' &&
      (names.includes(p.PolicyName) || (port !== undefined && asList(p.LoadBalancerPorts).some((q) => literalNumber(q) === port))),
  );
  return policies.length > 0 && policies.every(negotiatesTls12Only);
}

const OLD_PROTOCOLS = ['protocol-sslv2', 'protocol-sslv3', 'protocol-tlsv1', 'protocol-tlsv1.1'];

function negotiatesTls12Only(policy: JsonObject): boolean {
  const attributes = asList(policy.Attributes);
  if (!attributes.every((a) => isObject(a) && typeof a.Name === 'string')) return false;
  const named = attributes as Array<{ Name: string; Value?: unknown }>;
  const reference = named.find((a) => a.Name === 'Reference-Security-Policy');
  if (reference) return typeof reference.Value === 'string' && ELB_TLS12_POLICIES.has(reference.Value);
  const enabled = (name: string) => named.some((a) => a.Name.toLowerCase() === name && literalBoolean(a.Value) !== false);
  return enabled('protocol-tlsv1.2') && !OLD_PROTOCOLS.some(enabled);
}

/**
 * Where a classic load balancer's first listener for which `faulty` holds
 * sits, with `field` (`Properties.Listeners.0.Protocol`), for a rule's
 * `faultPath`; the listener list when the template does not spell it out.
 */
export function classicListenerPath(balancer: TemplateResource, faulty: (protocol: string, listener: JsonObject) => boolean, field: string): string {
  const listeners = classicListeners(balancer);
  const index = listeners === UNRESOLVED ? -1 : listeners.findIndex(({ protocol, listener }) => faulty(protocol, listener));
  return index < 0 ? 'Properties.Listeners' : `Properties.Listeners.${index}.${field}`;
}
