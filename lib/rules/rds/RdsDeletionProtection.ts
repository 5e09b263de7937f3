import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { BACKUP_REQUIRED_CLASSES } from '../../baseline/data-store-baseline';
import { requiredForClass } from '../../pack/data-class-of';
import { ElectionRule } from '../../pack/election-rule';
import { literalBoolean } from '../../baseline/intrinsics';
import { DB_CLUSTER, DB_INSTANCE, inCluster, isReadReplica } from '../../pack/rds-database';
import { TemplateResource } from '../../pack/template-model';

/** No API call deletes a database of voter data or records while protection is on. */
export const RdsDeletionProtection: ElectionRule = {
  name: 'RdsDeletionProtection',
  level: NagMessageLevel.ERROR,
  info: 'The database holds voter PII or election records and does not have DeletionProtection enabled.',
  explanation:
    'A stolen credential or a cleanup script deletes a database, and its automated backups, in one call. ' +
    'DeletionProtection true refuses it; Aurora is judged on the cluster, read replicas not at all.',
  controls: ['NIST-800-53-r5:CP-9', 'NIST-800-53-r5:SI-12', 'NIST-800-53-r5:CM-6', 'CISA-CPG:2.R', 'CIS-v8:3.4'],
  resourceTypes: [DB_INSTANCE, DB_CLUSTER],
  waivable: true,
  faultPath: () => 'Properties.DeletionProtection',
  check: rdsDeletionProtection,
};

function rdsDeletionProtection(resource: TemplateResource): NagRuleCompliance {
  if (inCluster(resource) || isReadReplica(resource) || !requiredForClass(resource, BACKUP_REQUIRED_CLASSES)) return NagRuleCompliance.NOT_APPLICABLE;
  return literalBoolean(resource.properties.DeletionProtection) === true ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
