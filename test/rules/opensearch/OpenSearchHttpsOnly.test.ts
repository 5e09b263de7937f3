import { NagRuleCompliance } from 'cdk-nag';
import { OpenSearchHttpsOnly as rule } from '../../../lib/rules/opensearch/OpenSearchHttpsOnly';
import { domainTemplate } from '../../helpers/entry-point-fixtures';
import { editing } from '../../helpers/logging-fixtures';
import { judge } from '../../helpers/template-fixtures';

const withEndpoint = (options: unknown, type?: string) =>
  editing(domainTemplate('voter-pii', type), 'Domain', (p) => {
    if (options === undefined) delete p.DomainEndpointOptions;
    else p.DomainEndpointOptions = options;
  });

describe('OpenSearchHttpsOnly', () => {
  test.each([
    ['TLS 1.2 with forward secrecy', { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' }],
    ['TLS 1.2', { EnforceHTTPS: 'true', TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' }],
    ['with a custom endpoint', { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07', CustomEndpointEnabled: true, CustomEndpoint: 'search.county.gov' }],
  ])('compliant: %s', (_, options) => {
    expect(judge(rule, withEndpoint(options), 'Domain')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, withEndpoint(options, 'AWS::Elasticsearch::Domain'), 'Domain')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no endpoint options', undefined],
    ['HTTPS not enforced', { EnforceHTTPS: false, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' }],
    ['HTTPS enforced, no policy (TLS 1.0 by default)', { EnforceHTTPS: true }],
    ['the TLS 1.0 policy', { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-0-2019-07' }],
    ['a policy name in the wrong case', { EnforceHTTPS: true, TLSSecurityPolicy: 'policy-min-tls-1-2-2019-07' }],
  ])('non-compliant: %s', (_, options) => {
    expect(judge(rule, withEndpoint(options), 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the key', () => {
    expect(judge(rule, domainTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: EnforceHTTPS or the policy from a parameter fails closed', () => {
    expect(judge(rule, withEndpoint({ EnforceHTTPS: { Ref: 'Https' }, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-2019-07' }), 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, withEndpoint({ EnforceHTTPS: true, TLSSecurityPolicy: { Ref: 'Tls' } }), 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('is not waivable', () => {
    expect(rule.waivable).toBe(false);
  });
});
