import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DISTRIBUTION_CONFIG_PATH, distributionConfig, originFaultPath, origins } from '../../pack/distribution';
import { ElectionRule } from '../../pack/election-rule';
import { at, JsonObject } from '../../baseline/intrinsics';
import { getAttAttribute, referencedResourceOfType } from '../../pack/references';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** S3 origins are reached with Origin Access Control, not the legacy origin access identity. */
export const CloudFrontS3OriginAccessControl: ElectionRule = {
  name: 'CloudFrontS3OriginAccessControl',
  level: NagMessageLevel.ERROR,
  info: 'An S3 bucket origin of the distribution has no Origin Access Control, or still uses a legacy origin access identity.',
  explanation:
    'An S3 origin read directly or through a legacy OAI lets floods and scrapers bypass the WAF, cache and logs. ' +
    'Passes: OriginAccessControlId and an empty OriginAccessIdentity on every S3 REST origin.',
  rationale:
    'A results or information site kept in S3 must be readable only through CloudFront. Origin Access Control ' +
    'signs every request with SigV4, works with SSE-KMS and can be scoped to one distribution in the bucket ' +
    'policy; the legacy origin access identity (OAI) does none of that. An S3 REST origin is one whose ' +
    'DomainName is an S3 REST endpoint; the identity to leave empty is S3OriginConfig.OriginAccessIdentity. ' +
    '(S3 website endpoints are custom origins and cannot use OAC.)',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:SC-7', 'CISA-CPG:2.L', 'CIS-v8:3.3'],
  resourceTypes: ['AWS::CloudFront::Distribution'],
  waivable: true,
  check: cloudFrontS3OriginAccessControl,
  faultPath: originAccessFaultPath,
};

const S3_REST_ENDPOINT = /\.s3(\.dualstack)?(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/;
const S3_DOMAIN_ATTRIBUTES = ['RegionalDomainName', 'DomainName', 'DualStackDomainName'];

function cloudFrontS3OriginAccessControl(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const config = distributionConfig(resource);
  if (config === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const list = origins(config);
  if (list === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  // An S3OriginConfig marks an S3 origin even when its domain is an import or a parameter.
  const s3Origins = list.filter((o) => o.S3OriginConfig !== undefined || isS3Bucket(o.DomainName, template));
  if (s3Origins.length === 0) return NagRuleCompliance.NOT_APPLICABLE;
  return s3Origins.every((o) => usesOriginAccessControl(o, template)) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function isS3Bucket(domainName: unknown, template: StackTemplate): boolean {
  if (typeof domainName === 'string') return S3_REST_ENDPOINT.test(domainName) && !domainName.includes('s3-website');
  const attribute = getAttAttribute(domainName);
  return (
    referencedResourceOfType(domainName, 'AWS::S3::Bucket', template) !== undefined &&
    attribute !== undefined &&
    S3_DOMAIN_ATTRIBUTES.includes(attribute)
  );
}

function usesOriginAccessControl(origin: JsonObject, template: StackTemplate): boolean {
  const identity = at(origin, 'S3OriginConfig', 'OriginAccessIdentity');
  if (identity !== undefined && identity !== '') return false;
  const oac = origin.OriginAccessControlId;
  if (typeof oac === 'string') return oac !== '';
  return referencedResourceOfType(oac, 'AWS::CloudFront::OriginAccessControl', template) !== undefined;
}

function originAccessFaultPath(resource: TemplateResource, template: StackTemplate): string | undefined {
  const config = distributionConfig(resource);
  if (config === UNRESOLVED) return DISTRIBUTION_CONFIG_PATH;
  const isS3 = (o: JsonObject) => o.S3OriginConfig !== undefined || isS3Bucket(o.DomainName, template);
  return originFaultPath(config, (o) => !isS3(o) || usesOriginAccessControl(o, template), 'OriginAccessControlId');
}
