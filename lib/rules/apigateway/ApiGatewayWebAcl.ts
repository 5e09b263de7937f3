import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { renderSymbolic } from '../../baseline/symbolic-text';
import { StackTemplate, TemplateResource } from '../../pack/template-model';
import { webAclAssociatedWithStage } from '../../pack/web-acl-association';

/** Every REST API stage sits behind an AWS WAF web ACL. */
export const ApiGatewayWebAcl: ElectionRule = {
  name: 'ApiGatewayWebAcl',
  level: NagMessageLevel.ERROR,
  info: 'The API Gateway stage is not associated with an AWS WAF (v2) web ACL.',
  explanation:
    'The execute-api endpoint is reachable even behind CloudFront, so SQL injection and voter data pulls reach ' +
    "it unfiltered. Passes: a WebACLAssociation of the template naming this stage and a web ACL's Arn.",
  rationale:
    'A registration or lookup API is where the 2016 Illinois SQL injection landed, and where the automated ' +
    'voter data pulls of CISA AA20-304A go. The association names the stage as ResourceArn ' +
    "(arn:...:apigateway:<region>::/restapis/<api>/stages/<stage>, by the stage's Ref or its literal " +
    'StageName with its RestApiId) and the web ACL as WebACLArn.',
  controls: ['NIST-800-53-r5:SC-5', 'NIST-800-53-r5:SC-7', 'NIST-800-53-r5:SI-10', 'CISA-CPG:2.W', 'CIS-v8:13.10'],
  resourceTypes: ['AWS::ApiGateway::Stage'],
  waivable: true,
  check: apiGatewayWebAcl,
};

function apiGatewayWebAcl(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const restApi = renderSymbolic(resource.properties.RestApiId, template);
  if (restApi === undefined) return NagRuleCompliance.NON_COMPLIANT;
  const stageNames = [`{${resource.logicalId}}`];
  if (typeof resource.properties.StageName === 'string') stageNames.push(resource.properties.StageName);
  return webAclAssociatedWithStage(template, restApi, stageNames) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
