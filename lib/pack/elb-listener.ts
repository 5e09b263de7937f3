import { isObject, referencedLogicalId } from '../baseline/intrinsics';
import { StackTemplate, TemplateResource, UNRESOLVED } from './template-model';

/** The listener type the ELB rules judge (ALB, NLB and Gateway Load Balancer listeners). */
export const ELBV2_LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';

/** Protocols whose listener terminates TLS with a security policy (`SslPolicy`). */
export const TLS_PROTOCOLS: readonly string[] = ['HTTPS', 'TLS'];

/** Protocols encrypted whatever the listener does: QUIC carries TLS 1.3 inside it. */
export const ENCRYPTED_PROTOCOLS: readonly string[] = [...TLS_PROTOCOLS, 'QUIC'];

/** NLB protocols that forward bytes as they come: encrypted only if the client and target encrypt them. */
export const PASS_THROUGH_PROTOCOLS: readonly string[] = ['TCP', 'UDP', 'TCP_UDP', 'TCP_QUIC'];

/** What a Gateway Load Balancer listener reads as: traffic to inspection appliances, no entry point. */
export const GATEWAY = 'GATEWAY';

/**
 * A listener's protocol, upper-cased; `GATEWAY` for a Gateway Load Balancer
 * listener (no protocol, on a gateway load balancer of the template) or
 * protocol GENEVE;
 * UNRESOLVED for an intrinsic or a missing protocol on anything else.
 */
export function listenerProtocol(listener: TemplateResource, template: StackTemplate): string | typeof UNRESOLVED {
  const protocol = listener.properties.Protocol;
  if (typeof protocol === 'string') return protocol.toUpperCase() === 'GENEVE' ? GATEWAY : protocol.toUpperCase();
  if (protocol !== undefined) return UNRESOLVED;
  const balancer = template.get(referencedLogicalId(listener.properties.LoadBalancerArn) ?? '');
  return balancer?.type === 'AWS::ElasticLoadBalancingV2::LoadBalancer' && balancer.properties.Type === 'gateway' ? GATEWAY : UNRESOLVED;
}

/** Whether an action sends no data over plain HTTP: a redirect whose protocol is literally HTTPS, or a fixed response. */
export function keepsPlainHttpEmpty(action: unknown): boolean {
  if (!isObject(action)) return false;
  if (action.Type === 'fixed-response') return true;
  if (action.Type !== 'redirect' || !isObject(action.RedirectConfig)) return false;
  const protocol = action.RedirectConfig.Protocol;
  return typeof protocol === 'string' && protocol.toUpperCase() === 'HTTPS';
}
