import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { StackTemplate, TemplateResource } from '../../pack/template-model';
import { webAclAssociatedWithUserPool } from '../../pack/web-acl-association';

/** The user pool's sign-in endpoints sit behind an AWS WAF web ACL. */
export const CognitoWebAcl: ElectionRule = {
  name: 'CognitoWebAcl',
  level: NagMessageLevel.ERROR,
  info: 'The Cognito user pool is not associated with an AWS WAF (v2) web ACL.',
  explanation:
    "Cognito's sign-in endpoints are on the internet whatever fronts the app, and take password spraying. " +
    'Passes: a WebACLAssociation of the template naming the pool and a web ACL.',
  rationale:
    'Credential stuffing lands there too before every election, at the hosted sign-in and token endpoints of ' +
    'staff sign-in. A web ACL on the pool rate-limits each address and drops known-bad and anonymizing ' +
    'sources before they reach the password check. The association names the pool as ResourceArn (its GetAtt ' +
    "Arn, or an ARN ending userpool/<the pool's Ref>) and the web ACL as WebACLArn (its GetAtt Arn or a " +
    'literal regional web ACL ARN).',
  controls: ['NIST-800-53-r5:AC-7', 'NIST-800-53-r5:SC-5', 'NIST-800-53-r5:SC-7', 'CISA-CPG:2.G', 'CISA-CPG:2.W', 'CIS-v8:13.10'],
  resourceTypes: ['AWS::Cognito::UserPool'],
  waivable: true,
  check: cognitoWebAcl,
};

function cognitoWebAcl(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  return webAclAssociatedWithUserPool(template, resource.logicalId) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
