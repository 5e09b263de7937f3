import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { TemplateResource } from '../../pack/template-model';

/** Custom API domains refuse TLS 1.0 and 1.1. */
export const ApiGatewayTls: ElectionRule = {
  name: 'ApiGatewayTls',
  level: NagMessageLevel.ERROR,
  info: 'The API Gateway custom domain allows TLS 1.0 (SecurityPolicy absent or TLS_1_0).',
  explanation:
    'A custom domain accepts TLS 1.0 unless told otherwise, so registration data can be downgraded and read on ' +
    'the wire. Passes: SecurityPolicy TLS_1_2 or an enhanced SecurityPolicy_TLS12_* or SecurityPolicy_TLS13_* ' +
    'policy.',
  rationale:
    'The enhanced SecurityPolicy_TLS12_* / SecurityPolicy_TLS13_* policies allow TLS 1.2 or 1.3 only.',
  controls: ['NIST-800-53-r5:SC-8', 'NIST-800-53-r5:SC-8(1)', 'NIST-800-53-r5:SC-13', 'CISA-CPG:2.K', 'CIS-v8:3.10'],
  resourceTypes: ['AWS::ApiGateway::DomainName'],
  waivable: false,
  faultPath: () => 'Properties.SecurityPolicy',
  check: apiGatewayTls,
};

/** TLS_1_2 and the enhanced policies, e.g. SecurityPolicy_TLS13_1_3_2025_09, SecurityPolicy_TLS12_PFS_2025_EDGE. */
const TLS12_OR_NEWER = /^(TLS_1_2|SecurityPolicy_TLS1[23]_[A-Z0-9_]+)$/;

function apiGatewayTls(resource: TemplateResource): NagRuleCompliance {
  const policy = resource.properties.SecurityPolicy;
  return typeof policy === 'string' && TLS12_OR_NEWER.test(policy) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
