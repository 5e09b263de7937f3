import { NagRuleCompliance } from 'cdk-nag';
import { ApiGatewayTls as rule } from '../../../lib/rules/apigateway/ApiGatewayTls';
import { judge } from '../../helpers/template-fixtures';

const CERT = 'arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab';
const domain = (policy?: unknown) => ({
  Domain: { Type: 'AWS::ApiGateway::DomainName', Properties: { DomainName: 'api.example.gov', RegionalCertificateArn: CERT, SecurityPolicy: policy } },
  Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Name: 'registration' } },
});

describe('ApiGatewayTls', () => {
  test.each([
    'TLS_1_2',
    'SecurityPolicy_TLS13_1_3_2025_09',
    'SecurityPolicy_TLS13_1_2_PQ_2025_09',
    'SecurityPolicy_TLS13_1_2_2021_06',
    'SecurityPolicy_TLS12_PFS_2025_EDGE',
    'SecurityPolicy_TLS12_2018_EDGE',
  ])('compliant: %s', (policy) => {
    expect(judge(rule, domain(policy), 'Domain')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['absent (API Gateway uses TLS_1_0)', undefined],
    ['TLS_1_0', 'TLS_1_0'],
    ['a misspelling', 'TLS_1.2'],
  ])('non-compliant: %s', (_, policy) => {
    expect(judge(rule, domain(policy), 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: a REST API', () => {
    expect(judge(rule, domain('TLS_1_0'), 'Api')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a policy from a parameter fails closed', () => {
    expect(judge(rule, domain({ Ref: 'TlsPolicy' }), 'Domain')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
