import { NagRuleCompliance } from 'cdk-nag';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import { CloudFrontTlsMinimum as rule, isTls12OrNewer } from '../../../lib/rules/cloudfront/CloudFrontTlsMinimum';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { distributionTemplate, Props, withDistribution } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const certificate = (c: Props) => c.ViewerCertificate as Props;
const apiOrigin = (c: Props) => (c.Origins as Props[])[1].CustomOriginConfig as Props;

describe('CloudFrontTlsMinimum', () => {
  test('compliant: ACM certificate, TLSv1.2_2021, sni-only, https-only TLS 1.2 origin', () => {
    expect(judge(rule, distributionTemplate(), 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each(['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'])('compliant: security policy %s', (policy) => {
    const t = withDistribution((c) => {
      certificate(c).MinimumProtocolVersion = policy;
    });
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: the default certificate, where CloudFront fixes the policy', () => {
    const t = withDistribution((c) => {
      c.ViewerCertificate = { CloudFrontDefaultCertificate: true };
    });
    expect(judge(rule, t, 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, withDistribution((c) => { delete c.ViewerCertificate; }), 'Distribution')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['TLSv1.2_2019 on a custom certificate', (c: Props) => { certificate(c).MinimumProtocolVersion = 'TLSv1.2_2019'; }],
    ['TLSv1 on a custom certificate', (c: Props) => { certificate(c).MinimumProtocolVersion = 'TLSv1'; }],
    ['no policy on a custom certificate', (c: Props) => { delete certificate(c).MinimumProtocolVersion; }],
    ['static-ip on an IAM certificate', (c: Props) => {
      c.ViewerCertificate = { IamCertificateId: 'ASCACKCEVSQ6C2EXAMPLE', MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'static-ip' };
    }],
    ['an http-only custom origin', (c: Props) => { apiOrigin(c).OriginProtocolPolicy = 'http-only'; }],
    ['a match-viewer custom origin', (c: Props) => { apiOrigin(c).OriginProtocolPolicy = 'match-viewer'; }],
    ['an origin allowing TLSv1.1', (c: Props) => { apiOrigin(c).OriginSSLProtocols = ['TLSv1.1', 'TLSv1.2']; }],
    ['an origin allowing SSLv3', (c: Props) => { apiOrigin(c).OriginSSLProtocols = ['SSLv3']; }],
    ['an origin without OriginSSLProtocols', (c: Props) => { delete apiOrigin(c).OriginSSLProtocols; }],
  ])('non-compliant: %s', (_, edit) => {
    expect(judge(rule, withDistribution(edit), 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: an origin access control', () => {
    expect(judge(rule, distributionTemplate(), 'Oac')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a policy from a parameter', (c: Props) => { certificate(c).MinimumProtocolVersion = { Ref: 'TlsPolicy' }; }],
    ['a certificate block from a condition', (c: Props) => { c.ViewerCertificate = { 'Fn::If': ['Custom', {}, {}] }; }],
    ['origin protocols from a parameter', (c: Props) => { apiOrigin(c).OriginSSLProtocols = { Ref: 'Protocols' }; }],
  ])('unresolvable: %s fails closed', (_, edit) => {
    expect(judge(rule, withDistribution(edit), 'Distribution')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('the policy order: 1.2 from 2021 on, every 1.3', () => {
    expect(['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025', 'TLSv1.3_2031'].every(isTls12OrNewer)).toBe(true);
    expect(['TLSv1.2_2018', 'TLSv1.1_2016', 'TLSv1_2016', 'SSLv3', 'tlsv1.2_2021'].some(isTls12OrNewer)).toBe(false);
  });

  test('through the pack: an HttpOrigin with CDK defaults passes; one allowing TLS 1.0 fails', () => {
    const { stack } = newStack();
    const good = new cloudfront.Distribution(stack, 'Good', { defaultBehavior: { origin: new origins.HttpOrigin('api.example.gov') } });
    const weak = new cloudfront.Distribution(stack, 'Weak', {
      defaultBehavior: { origin: new origins.HttpOrigin('api.example.gov', { originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1] }) },
    });
    const paths = pathsViolating(stack, 'CloudFrontTlsMinimum');
    expect(paths).toContain(`${weak.node.path}/Resource`);
    expect(paths).not.toContain(`${good.node.path}/Resource`);
  });
});
