import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { getAttAttribute, referencedResourceOfType, renderSymbolic } from '../../pack/references';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** The user pool's sign-in endpoints sit behind an AWS WAF web ACL. */
export const CognitoWebAcl: ElectionRule = {
  name: 'CognitoWebAcl',
  level: NagMessageLevel.ERROR,
  info: 'The Cognito user pool is not associated with an AWS WAF (v2) web ACL.',
  explanation:
    'Staff sign-in is where password spraying and credential stuffing land before every election, and Cognito\'s ' +
    'hosted sign-in and token endpoints are on the internet whatever fronts the application. A web ACL on the ' +
    'pool rate-limits each address and drops known-bad and anonymizing sources before they reach the password ' +
    'check. An AWS::WAFv2::WebACLAssociation of the template must name the pool as ResourceArn (its GetAtt Arn, ' +
    'or an ARN ending userpool/<the pool\'s Ref>) and a web ACL as WebACLArn (its GetAtt Arn or a literal ' +
    'regional web ACL ARN).',
  controls: ['NIST-800-53-r5:AC-7', 'NIST-800-53-r5:SC-5', 'NIST-800-53-r5:SC-7', 'CISA-CPG:2.G', 'CISA-CPG:2.W', 'CIS-v8:13.10'],
  resourceTypes: ['AWS::Cognito::UserPool'],
  waivable: true,
  check: cognitoWebAcl,
};

const WAFV2_REGIONAL_ARN = /^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\d{12}:regional\/webacl\/[^/]+\/[A-Za-z0-9-]+$/;

function cognitoWebAcl(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const associated = template.ofType('AWS::WAFv2::WebACLAssociation').some(
    (association) => namesPool(association.properties.ResourceArn, resource.logicalId, template) && namesWebAcl(association.properties.WebACLArn, template),
  );
  return associated ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function namesPool(arn: unknown, poolId: string, template: StackTemplate): boolean {
  if (referencedResourceOfType(arn, 'AWS::Cognito::UserPool', template) === poolId) return getAttAttribute(arn) === 'Arn';
  const text = renderSymbolic(arn, template);
  return text !== undefined && /^arn:.*:cognito-idp:.*:userpool\/\{([^}.]+)\}$/.exec(text)?.[1] === poolId;
}

function namesWebAcl(arn: unknown, template: StackTemplate): boolean {
  if (typeof arn === 'string') return WAFV2_REGIONAL_ARN.test(arn);
  return referencedResourceOfType(arn, 'AWS::WAFv2::WebACL', template) !== undefined && getAttAttribute(arn) === 'Arn';
}
