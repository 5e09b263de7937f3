import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at } from '../../pack/intrinsics';
import { renderSymbolic } from '../../pack/references';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** Every request to a REST API stage is logged. */
export const ApiGatewayAccessLogging: ElectionRule = {
  name: 'ApiGatewayAccessLogging',
  level: NagMessageLevel.ERROR,
  info: 'The API Gateway stage has no access logging (AccessLogSetting with a destination and a format).',
  explanation:
    'When a registration API is probed for injection (Illinois, 2016) or harvested record by record (CISA ' +
    'AA20-304A), the access log is what tells the office which records were requested, from where and by whom. ' +
    'The stage needs AccessLogSetting.DestinationArn (a log group or Firehose of the template, or a literal ARN) ' +
    'and a non-empty literal Format. A destination given by a parameter or an import cannot be checked and fails.',
  controls: ['NIST-800-53-r5:AU-2', 'NIST-800-53-r5:AU-3', 'NIST-800-53-r5:AU-12', 'CISA-CPG:2.T'],
  resourceTypes: ['AWS::ApiGateway::Stage'],
  waivable: true,
  check: apiGatewayAccessLogging,
};

function apiGatewayAccessLogging(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const setting = at(resource.properties, 'AccessLogSetting');
  const destination = renderSymbolic(at(setting, 'DestinationArn'), template);
  const format = at(setting, 'Format');
  const ok = destination !== undefined && (destination.startsWith('arn:') || destination.startsWith('{'));
  return ok && typeof format === 'string' && format.trim() !== '' ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
