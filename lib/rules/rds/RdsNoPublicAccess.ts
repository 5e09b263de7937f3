import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { literalBoolean } from '../../baseline/intrinsics';
import { DB_CLUSTER, DB_INSTANCE, isMultiAzCluster } from '../../pack/rds-database';
import { TemplateResource } from '../../pack/template-model';

/** No database has an endpoint that resolves to a public address. */
export const RdsNoPublicAccess: ElectionRule = {
  name: 'RdsNoPublicAccess',
  level: NagMessageLevel.ERROR,
  info: 'The RDS instance or Multi-AZ DB cluster does not set PubliclyAccessible to false.',
  explanation:
    'A public endpoint puts the voter roll one security-group edit from the internet. Left out, RDS makes it public ' +
    'whenever the VPC has an internet gateway, so only a literal false passes; Aurora clusters are judged by their instances.',
  controls: ['NIST-800-53-r5:SC-7', 'NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-4', 'CISA-CPG:2.W', 'CIS-v8:3.3', 'CIS-v8:4.4'],
  resourceTypes: [DB_INSTANCE, DB_CLUSTER],
  waivable: false,
  faultPath: () => 'Properties.PubliclyAccessible',
  check: rdsNoPublicAccess,
};

function rdsNoPublicAccess(resource: TemplateResource): NagRuleCompliance {
  const publiclyAccessible = resource.properties.PubliclyAccessible;
  if (literalBoolean(publiclyAccessible) === false) return NagRuleCompliance.COMPLIANT;
  // RDS reads PubliclyAccessible only on Multi-AZ DB clusters; an Aurora cluster's instances each carry their own.
  if (resource.type === DB_CLUSTER && publiclyAccessible === undefined && !isMultiAzCluster(resource.properties)) {
    return NagRuleCompliance.NOT_APPLICABLE;
  }
  return NagRuleCompliance.NON_COMPLIANT;
}
