import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at, literalBoolean } from '../../baseline/intrinsics';
import { SEARCH_DOMAIN_TYPES } from '../../pack/opensearch-domain';
import { TemplateResource } from '../../pack/template-model';
import { OPENSEARCH_TLS12_POLICIES } from '../../baseline/tls-policies';

/** A search domain's endpoint refuses plain HTTP and TLS before 1.2. */
export const OpenSearchHttpsOnly: ElectionRule = {
  name: 'OpenSearchHttpsOnly',
  level: NagMessageLevel.ERROR,
  info: 'The search domain does not enforce HTTPS with a TLS 1.2+ policy (DomainEndpointOptions EnforceHTTPS, TLSSecurityPolicy).',
  explanation:
    'Queries and results over HTTP or TLS 1.0 can be read or altered on the way. EnforceHTTPS must be true and ' +
    `TLSSecurityPolicy one of ${[...OPENSEARCH_TLS12_POLICIES].join(', ')}; absent means TLS 1.0. It cannot be waived.`,
  controls: ['NIST-800-53-r5:SC-8', 'NIST-800-53-r5:SC-8(1)', 'NIST-800-53-r5:SC-13', 'CISA-CPG:2.K', 'CIS-v8:3.10'],
  resourceTypes: [...SEARCH_DOMAIN_TYPES],
  waivable: false,
  faultPath: httpsOnlyFaultPath,
  check: openSearchHttpsOnly,
};

function openSearchHttpsOnly(resource: TemplateResource): NagRuleCompliance {
  const options = resource.properties.DomainEndpointOptions;
  const https = literalBoolean(at(options, 'EnforceHTTPS')) === true;
  const policy = at(options, 'TLSSecurityPolicy');
  return https && typeof policy === 'string' && OPENSEARCH_TLS12_POLICIES.has(policy) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function httpsOnlyFaultPath(resource: TemplateResource): string {
  const https = literalBoolean(at(resource.properties.DomainEndpointOptions, 'EnforceHTTPS')) === true;
  return https ? 'Properties.DomainEndpointOptions.TLSSecurityPolicy' : 'Properties.DomainEndpointOptions.EnforceHTTPS';
}
