import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { getAttAttribute, referencedResourceOfType, renderSymbolic } from '../../pack/references';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Every REST API stage sits behind an AWS WAF web ACL. */
export const ApiGatewayWebAcl: ElectionRule = {
  name: 'ApiGatewayWebAcl',
  level: NagMessageLevel.ERROR,
  info: 'The API Gateway stage is not associated with an AWS WAF (v2) web ACL.',
  explanation:
    'A registration or lookup API is where the 2016 Illinois SQL injection landed, and where the automated voter ' +
    'data pulls of CISA AA20-304A go. Its execute-api endpoint is reachable even when a CloudFront distribution ' +
    'fronts it, so the stage itself needs a web ACL: an AWS::WAFv2::WebACLAssociation of the template whose ' +
    'ResourceArn names this stage (arn:...:apigateway:<region>::/restapis/<api>/stages/<stage>, by the stage\'s ' +
    'Ref or its literal StageName with its RestApiId) and whose WebACLArn is a web ACL\'s Arn.',
  controls: ['NIST-800-53-r5:SC-5', 'NIST-800-53-r5:SC-7', 'NIST-800-53-r5:SI-10', 'CISA-CPG:2.W', 'CIS-v8:13.10'],
  resourceTypes: ['AWS::ApiGateway::Stage'],
  waivable: true,
  check: apiGatewayWebAcl,
};

const STAGE_ARN = /\/restapis\/([^/]+)\/stages\/([^/]+)$/;
const WAFV2_REGIONAL_ARN = /^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\d{12}:regional\/webacl\/[^/]+\/[A-Za-z0-9-]+$/;

function apiGatewayWebAcl(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const restApi = renderSymbolic(resource.properties.RestApiId, template);
  if (restApi === undefined) return NagRuleCompliance.NON_COMPLIANT;
  const stageNames = [`{${resource.logicalId}}`];
  if (typeof resource.properties.StageName === 'string') stageNames.push(resource.properties.StageName);
  const associated = template.ofType('AWS::WAFv2::WebACLAssociation').some((association) => {
    const match = STAGE_ARN.exec(renderSymbolic(association.properties.ResourceArn, template) ?? '');
    return match !== null && match[1] === restApi && stageNames.includes(match[2]) && namesWebAcl(association.properties.WebACLArn, template);
  });
  return associated ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function namesWebAcl(arn: unknown, template: StackTemplate): boolean {
  if (typeof arn === 'string') return WAFV2_REGIONAL_ARN.test(arn);
  return referencedResourceOfType(arn, 'AWS::WAFv2::WebACL', template) !== undefined && getAttAttribute(arn) === 'Arn';
}
