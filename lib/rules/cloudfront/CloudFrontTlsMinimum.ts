import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DISTRIBUTION_CONFIG_PATH, distributionConfig, originFaultPath, origins } from '../../pack/distribution';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject, JsonObject } from '../../baseline/intrinsics';
import { TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** TLS 1.2 or newer to viewers on a custom domain, and HTTPS with TLS 1.2 to custom origins. */
export const CloudFrontTlsMinimum: ElectionRule = {
  name: 'CloudFrontTlsMinimum',
  level: NagMessageLevel.ERROR,
  info: 'The distribution allows TLS older than 1.2 to viewers (custom certificate) or reaches a custom origin without HTTPS and TLS 1.2.',
  explanation:
    'SSLv3 and TLS 1.0 and 1.1 have downgrade and padding-oracle attacks that expose registrations on the wire. ' +
    'Passes: TLSv1.2_2021 or newer with a custom certificate; https-only origins without SSLv3, TLSv1 or TLSv1.1.',
  rationale:
    'A results feed is as exposed as a registration, and can be altered as well as read. A custom certificate ' +
    '(AcmCertificateArn or IamCertificateId) also needs sni-only (or vip); TLSv1.2_2025 and TLSv1.3_2025 ' +
    'count as newer. On the default *.cloudfront.net certificate CloudFront fixes the policy at TLSv1 and no ' +
    'setting can change it, so the viewer side is not judged there (use a custom domain to get TLS 1.2). The ' +
    "origin side is read from every custom origin's OriginProtocolPolicy and OriginSSLProtocols.",
  controls: ['NIST-800-53-r5:SC-8', 'NIST-800-53-r5:SC-8(1)', 'NIST-800-53-r5:SC-13', 'CISA-CPG:2.K', 'CIS-v8:3.10'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  waivable: false,
  check: cloudFrontTlsMinimum,
  faultPath: tlsMinimumFaultPath,
};

const SNI_METHODS = ['sni-only', 'vip'];
const WEAK_ORIGIN_PROTOCOLS = ['SSLv3', 'TLSv1', 'TLSv1.1'];

function cloudFrontTlsMinimum(resource: TemplateResource): NagRuleCompliance {
  const config = distributionConfig(resource);
  if (config === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  if (!viewerTlsMeetsMinimum(config.ViewerCertificate)) return NagRuleCompliance.NON_COMPLIANT;
  const list = origins(config);
  if (list === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  return list.every(customOriginUsesTls12) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function viewerTlsMeetsMinimum(certificate: unknown): boolean {
  if (certificate === undefined) return true;
  if (!isObject(certificate) || isIntrinsic(certificate)) return false;
  const custom = certificate.AcmCertificateArn !== undefined || certificate.IamCertificateId !== undefined;
  if (!custom) return true;
  return isTls12OrNewer(certificate.MinimumProtocolVersion) && SNI_METHODS.includes(certificate.SslSupportMethod as string);
}

/** TLSv1.2_2021 and later TLS 1.2 policies, and every TLS 1.3 policy (TLSv1.3_2025). */
export function isTls12OrNewer(policy: unknown): boolean {
  if (typeof policy !== 'string') return false;
  const match = /^TLSv1\.([23])_(\d{4})$/.exec(policy);
  if (!match) return false;
  return match[1] === '3' || Number(match[2]) >= 2021;
}

function customOriginUsesTls12(origin: JsonObject): boolean {
  const custom = origin.CustomOriginConfig;
  if (custom === undefined) return true;
  if (!isObject(custom) || isIntrinsic(custom)) return false;
  if (custom.OriginProtocolPolicy !== 'https-only') return false;
  // Absent, the protocols are CloudFront's to choose: not verifiable, so not accepted (CDK always writes them).
  const protocols = custom.OriginSSLProtocols;
  if (!Array.isArray(protocols) || protocols.length === 0) return false;
  return protocols.every((p) => typeof p === 'string' && !WEAK_ORIGIN_PROTOCOLS.includes(p));
}

function tlsMinimumFaultPath(resource: TemplateResource): string | undefined {
  const config = distributionConfig(resource);
  if (config === UNRESOLVED) return DISTRIBUTION_CONFIG_PATH;
  if (!viewerTlsMeetsMinimum(config.ViewerCertificate)) return `${DISTRIBUTION_CONFIG_PATH}.ViewerCertificate`;
  return originFaultPath(config, customOriginUsesTls12, 'CustomOriginConfig');
}
