import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { literalAccountOf } from '../../pack/foreign-accounts';
import { renderSymbolic } from '../../baseline/symbolic-text';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** No one outside the agency, and no AWS service on another account's behalf, may invoke a function. */
export const LambdaNoPublicInvoke: ElectionRule = {
  name: 'LambdaNoPublicInvoke',
  level: NagMessageLevel.ERROR,
  info: 'The Lambda permission lets anyone invoke the function (Principal *, a public function URL), or lets a service invoke it without a SourceArn.',
  explanation:
    'A function anyone can invoke bypasses the WAF, throttling and logging in front of it. Passes: Principal * ' +
    'only with SourceArn, SourceAccount or PrincipalOrgID; service principals with SourceArn; no public URL.',
  rationale:
    'For a function that reads or writes voter records, that is the direct path for the kind of voter-data ' +
    'pulls in CISA AA20-304A. A public URL is FunctionUrlAuthType NONE. A service principal ' +
    "(apigateway.amazonaws.com, s3.amazonaws.com ...) without SourceArn lets any account's API or bucket " +
    'invoke the function (the confused deputy). A principal, SourceArn or condition given by a parameter or ' +
    'an import cannot be checked and fails.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:SC-7', 'CISA-CPG:2.W', 'CIS-v8:3.3'],
  resourceTypes: ['AWS::Lambda::Permission'],
  waivable: true,
  faultPath: publicInvokeFaultPath,
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
 * not in its account, read as the foreign-account rules read it (past the
 * colons of `<AWS::Partition>`).
 */
function limits(value: unknown, template: StackTemplate): boolean {
  const text = value === undefined ? undefined : renderSymbolic(value, template);
  if (text === undefined || text === '') return false;
  return !/[*?]/.test(literalAccountOf(text));
}

function publicInvokeFaultPath(resource: TemplateResource): string {
  const authType = resource.properties.FunctionUrlAuthType;
  return authType !== undefined && authType !== 'AWS_IAM' ? 'Properties.FunctionUrlAuthType' : 'Properties.Principal';
}
