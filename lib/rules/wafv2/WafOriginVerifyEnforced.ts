import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isStrongGeneratedSecret } from '../../baseline/secret-strength';
import { isObject, JsonObject } from '../../baseline/intrinsics';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { headerAbsentMatch, isSecretHeaderMatch, managedGroupUses, referencedIds, webAclRules } from '../../pack/web-acl';
import { actionKind, rulePriority } from '../../baseline/waf-rule-order';

/**
 * A web ACL that scopes managed rule groups down to "requests without the proxy's header" blocks those
 * requests first: its origin check stays a Block rule, evaluated before every other rule, on an exact secret.
 */
export const WafOriginVerifyEnforced: ElectionRule = {
  name: 'WafOriginVerifyEnforced',
  level: NagMessageLevel.ERROR,
  info: "The web ACL scopes managed rule groups to requests without a proxy's header, but does not first block those requests with an exact, secret origin check.",
  explanation:
    "If the rule that blocks requests without CloudFront's secret header is weakened, callers reach the API " +
    'around the edge WAF. Passes: that Block rule first, EXACTLY on a Secrets Manager reference.',
  rationale:
    'A REGIONAL web ACL on an API behind CloudFront (ElectionWebAcl originVerification) sees edge addresses, ' +
    "so it scopes its IP-list groups down to requests that lack CloudFront's secret header, and blocks those " +
    "requests with its first rule: the API then answers only CloudFront, whose own web ACL judges viewers' " +
    'real addresses. Weakening it means Count instead of Block, removing it, CONTAINS "a" instead of EXACTLY ' +
    'the secret, a literal secret anyone with the template can read, or another rule evaluated before it; a ' +
    "direct caller then escapes the CLOUDFRONT web ACL's IP reputation and anonymous-IP lists (CISA " +
    'AA20-304A) and its rate limit on real addresses. A web ACL with a managed rule group whose ' +
    'ScopeDownStatement is a NotStatement of a ByteMatchStatement on a SingleHeader must carry a rule with ' +
    'Action Block whose statement is the same NotStatement, with the lowest Priority of all its rules; that ' +
    'match must be EXACTLY, TextTransformations NONE, on a {{resolve:secretsmanager:...}} dynamic reference. ' +
    'When the secret is a resource of the template, its value must be generated (GenerateSecretString, ' +
    'PasswordLength at least 32), not a literal SecretString. Values given by intrinsics fail. Waivable only ' +
    'while the resource behind the web ACL is not reachable directly (a private API), stating how.',
  controls: ['NIST-800-53-r5:SC-7', 'NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-4', 'NIST-800-53-r5:IA-5', 'CISA-CPG:2.W', 'CIS-v8:13.10'],
  resourceTypes: ['AWS::WAFv2::WebACL'],
  waivable: true,
  faultPath: () => 'Properties.Rules',
  check: wafOriginVerifyEnforced,
};

function wafOriginVerifyEnforced(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const rules = webAclRules(resource);
  if (rules === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const checks = managedGroupUses(rules)
    .map((use) => headerAbsentMatch(use.statement.ScopeDownStatement))
    .filter((match): match is JsonObject => match !== undefined);
  if (checks.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
  const ok = checks.every((match) => rules.some((rule) => isFirstBlock(rule, match, rules, template)));
  return ok ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/** A Block rule on "without `match`", the exact secret check, evaluated before every other rule. */
function isFirstBlock(rule: JsonObject, match: JsonObject, rules: readonly JsonObject[], template: StackTemplate): boolean {
  if (actionKind(rule.Action) !== 'Block') return false;
  const own = headerAbsentMatch(rule.Statement);
  if (own === undefined || canonical(own) !== canonical(match) || !isSecretHeaderMatch(own, template)) return false;
  if (!referencedIds(own.SearchString, template).every((id) => strongSecret(template.get(id)!))) return false;
  const priority = rulePriority(rule);
  return priority !== undefined && rules.every((other) => other === rule || (rulePriority(other) ?? -Infinity) > priority);
}

/** A secret of the template is generated and strong (SecretGeneratedStrength); anything else the reference names is not judged here. */
function strongSecret(resource: TemplateResource): boolean {
  return resource.type !== 'AWS::SecretsManager::Secret' || isStrongGeneratedSecret(resource.properties);
}

/** JSON with sorted keys, to compare statements whatever the key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  return JSON.stringify(value);
}
