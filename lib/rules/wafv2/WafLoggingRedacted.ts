import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at } from '../../pack/intrinsics';
import { getAttAttribute, referencedResourceOfType } from '../../pack/references';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { headerAbsentMatch, isSecretHeaderMatch, webAclRules } from '../../pack/web-acl';

/** The web ACL's requests are logged, with credentials redacted. */
export const WafLoggingRedacted: ElectionRule = {
  name: 'WafLoggingRedacted',
  level: NagMessageLevel.ERROR,
  info: 'The web ACL has no logging configuration with a destination that redacts the authorization and cookie headers.',
  explanation:
    'WAF logs show which requests a rule blocked or let through: the evidence an office needs after a scraping ' +
    'campaign (CISA AA20-304A) or an injection attempt, and what tuning before an election depends on. They must ' +
    'not become a second store of credentials: session cookies and bearer tokens in a log can be replayed by ' +
    'anyone who reads it. An AWS::WAFv2::LoggingConfiguration of the template whose ResourceArn is this web ' +
    "ACL's Arn, with at least one LogDestinationConfigs entry, must redact the SingleHeader fields authorization " +
    'and cookie, and the header of any origin check the ACL makes against a Secrets Manager secret (the ' +
    "origin-verify header ElectionWebAcl's originVerification adds): logged, that secret opens the API to anyone " +
    'who reads the logs.',
  controls: ['NIST-800-53-r5:AU-2', 'NIST-800-53-r5:AU-3', 'NIST-800-53-r5:AU-9', 'NIST-800-53-r5:AU-12', 'CISA-CPG:2.T', 'CIS-v8:8.2'],
  resourceTypes: ['AWS::WAFv2::WebACL'],
  waivable: true,
  check: wafLoggingRedacted,
};

const REDACTED_HEADERS = ['authorization', 'cookie'];

function wafLoggingRedacted(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const secretHeaders = secretHeaderNames(resource, template);
  if (secretHeaders === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const required = [...REDACTED_HEADERS, ...secretHeaders];
  const logged = template.ofType('AWS::WAFv2::LoggingConfiguration').some((config) => {
    const arn = config.properties.ResourceArn;
    if (referencedResourceOfType(arn, 'AWS::WAFv2::WebACL', template) !== resource.logicalId || getAttAttribute(arn) !== 'Arn') return false;
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
