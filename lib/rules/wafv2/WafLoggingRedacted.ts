import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at } from '../../baseline/intrinsics';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { headerAbsentMatch, isSecretHeaderMatch, webAclRules } from '../../pack/web-acl';
import { webAclLoggingConfigurations } from '../../pack/web-acl-association';
import { WAF_ALWAYS_REDACTED_HEADERS } from '../../baseline/waf-logging';

/** The web ACL's requests are logged, with credentials redacted. */
export const WafLoggingRedacted: ElectionRule = {
  name: 'WafLoggingRedacted',
  level: NagMessageLevel.ERROR,
  info: 'The web ACL has no logging configuration with a destination that redacts the authorization and cookie headers.',
  explanation:
    'WAF logs must not become a second store of credentials that anyone reading them can replay. Passes: a ' +
    'logging configuration that redacts the authorization and cookie headers and any origin-verify header.',
  rationale:
    'WAF logs show which requests a rule blocked or let through: the evidence an office needs after a ' +
    'scraping campaign (CISA AA20-304A) or an injection attempt, and what tuning before an election depends ' +
    'on. Session cookies and bearer tokens are what can be replayed. The logging configuration is an ' +
    "AWS::WAFv2::LoggingConfiguration of the template whose ResourceArn is this web ACL's Arn, with at least " +
    'one LogDestinationConfigs entry, and redacts SingleHeader fields. The origin-verify header is that of ' +
    "any origin check the ACL makes against a Secrets Manager secret (ElectionWebAcl's originVerification " +
    'adds one): logged, that secret opens the API to anyone who reads the logs.',
  controls: ['NIST-800-53-r5:AU-2', 'NIST-800-53-r5:AU-3', 'NIST-800-53-r5:AU-9', 'NIST-800-53-r5:AU-12', 'CISA-CPG:2.T', 'CIS-v8:8.2'],
  resourceTypes: ['AWS::WAFv2::WebACL'],
  waivable: true,
  check: wafLoggingRedacted,
};


function wafLoggingRedacted(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const secretHeaders = secretHeaderNames(resource, template);
  if (secretHeaders === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const required = [...WAF_ALWAYS_REDACTED_HEADERS, ...secretHeaders];
  const logged = webAclLoggingConfigurations(template, resource.logicalId).some((config) => {
    const destinations = config.properties.LogDestinationConfigs;
    if (!Array.isArray(destinations) || destinations.length === 0) return false;
    const redacted = Array.isArray(config.properties.RedactedFields) ? config.properties.RedactedFields : [];
    const headers = redacted
      .map((field) => at(field, 'SingleHeader', 'Name'))
      .filter((name): name is string => typeof name === 'string')
      .map((name) => name.toLowerCase());
    return required.every((h) => headers.includes(h));
  });
  return logged ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/** The (lower-cased) headers whose value the web ACL checks against a Secrets Manager secret, in a rule or a scope-down. */
function secretHeaderNames(resource: TemplateResource, template: StackTemplate): string[] | typeof UNRESOLVED {
  const rules = webAclRules(resource);
  if (rules === UNRESOLVED) return UNRESOLVED;
  const names = new Set<string>();
  for (const rule of rules) {
    const statements = [rule.Statement, at(rule.Statement, 'ManagedRuleGroupStatement', 'ScopeDownStatement'), at(rule.Statement, 'RateBasedStatement', 'ScopeDownStatement')];
    for (const statement of statements) {
      const match = headerAbsentMatch(statement);
      const name = at(match, 'FieldToMatch', 'SingleHeader', 'Name');
      if (match && typeof name === 'string' && isSecretHeaderMatch(match, template)) names.add(name.toLowerCase());
    }
  }
  return [...names];
}
