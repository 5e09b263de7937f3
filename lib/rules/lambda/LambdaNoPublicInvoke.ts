import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { renderSymbolic } from '../../pack/references';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** No one outside the agency, and no AWS service on another account's behalf, may invoke a function. */
export const LambdaNoPublicInvoke: ElectionRule = {
  name: 'LambdaNoPublicInvoke',
  level: NagMessageLevel.ERROR,
  info: 'The Lambda permission lets anyone invoke the function (Principal *, a public function URL), or lets a service invoke it without a SourceArn.',
  explanation:
    'A function that reads or writes voter records and can be invoked by anyone bypasses the WAF, throttling and ' +
    'logging in front of it: the direct path for the kind of voter-data pulls in CISA AA20-304A. Principal * is a ' +
    'finding unless SourceArn, SourceAccount or PrincipalOrgID limits it; FunctionUrlAuthType NONE (a public URL) ' +
    'always is. A service principal (apigateway.amazonaws.com, s3.amazonaws.com ...) without SourceArn lets any ' +
    "account's API or bucket invoke the function (the confused deputy). A principal, SourceArn or condition given " +
    'by a parameter or an import cannot be checked and fails.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:SC-7', 'CISA-CPG:2.W', 'CIS-v8:3.3'],
  resourceTypes: ['AWS::Lambda::Permission'],
  waivable: true,
  check: lambdaNoPublicInvoke,
};

function lambdaNoPublicInvoke(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const p = resource.properties;
  if (p.FunctionUrlAuthType !== undefined && p.FunctionUrlAuthType !== 'AWS_IAM') return NagRuleCompliance.NON_COMPLIANT;
  const principal = renderSymbolic(p.Principal, template);
  if (principal === undefined) return NagRuleCompliance.NON_COMPLIANT;
  if (principal === '*') {
    return limits(p.SourceArn, template) || limits(p.SourceAccount, template) || limits(p.PrincipalOrgID, template)
      ? NagRuleCompliance.COMPLIANT
      : NagRuleCompliance.NON_COMPLIANT;
  }
  if (isServicePrincipal(principal)) return limits(p.SourceArn, template) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
  return NagRuleCompliance.COMPLIANT; // an account or role: a named principal
}

function isServicePrincipal(principal: string): boolean {
  return /\.amazonaws\.com(\.cn)?$/.test(principal) || principal.endsWith('<AWS::URLSuffix>');
}

/**
 * A condition value that names something: not absent, not a wildcard, not a
 * parameter or an import. An ARN may use wildcards in its resource part but
 * not in its account.
 */
function limits(value: unknown, template: StackTemplate): boolean {
  const text = value === undefined ? undefined : renderSymbolic(value, template);
  if (text === undefined || text === '') return false;
  if (text.startsWith('arn:')) {
    const account = text.split(':')[4];
    return account !== undefined && !account.includes('*') && !account.includes('?');
  }
  return !text.includes('*') && !text.includes('?');
}
