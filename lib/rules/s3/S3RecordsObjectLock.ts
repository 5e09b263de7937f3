import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DataClass } from '../../data-class';
import { requiredForClass } from '../../pack/data-class-of';
import { ElectionRule } from '../../pack/election-rule';
import { at, literalBoolean, literalNumber } from '../../pack/intrinsics';
import { leastNumber } from '../../pack/number-parameters';
import { StackTemplate, TemplateResource } from '../../pack/template-model';
import { MIN_RECORDS_RETENTION_DAYS } from '../../records-retention';

/** Election records cannot be deleted or overwritten, by anyone, for 22 months. */
export const S3RecordsObjectLock: ElectionRule = {
  name: 'S3RecordsObjectLock',
  level: NagMessageLevel.ERROR,
  info: `The election-records bucket lacks Object Lock in COMPLIANCE mode with a default retention of at least ${MIN_RECORDS_RETENTION_DAYS} days.`,
  explanation:
    '52 U.S.C. 20701 requires election records to be kept 22 months after a federal election. Object Lock ' +
    'in COMPLIANCE mode makes every object version write-once until its retention ends: not the root user, ' +
    `not ransomware with admin rights, not AWS support can delete it. ${MIN_RECORDS_RETENTION_DAYS} days is the ` +
    'longest span 22 months can cover. GOVERNANCE mode can be bypassed and does not count. Days may be a Ref to a ' +
    `Number parameter whose MinValue is at least ${MIN_RECORDS_RETENTION_DAYS} (a stack-set template), since CloudFormation refuses any lower value.`,
  controls: ['52-USC-20701', 'NIST-800-53-r5:SI-12', 'NIST-800-53-r5:AU-11', 'NIST-800-53-r5:CP-9', 'CISA-CPG:2.R', 'CIS-v8:3.4'],
  resourceTypes: ['AWS::S3::Bucket'],
  waivable: false,
  check: s3RecordsObjectLock,
};

function s3RecordsObjectLock(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  if (!requiredForClass(resource, [DataClass.ELECTION_RECORDS])) return NagRuleCompliance.NOT_APPLICABLE;
  const props = resource.properties;
  if (literalBoolean(props.ObjectLockEnabled) !== true) return NagRuleCompliance.NON_COMPLIANT;
  if (at(props, 'ObjectLockConfiguration', 'ObjectLockEnabled') !== 'Enabled') return NagRuleCompliance.NON_COMPLIANT;
  const retention = at(props, 'ObjectLockConfiguration', 'Rule', 'DefaultRetention');
  if (at(retention, 'Mode') !== 'COMPLIANCE') return NagRuleCompliance.NON_COMPLIANT;
  return retentionDays(retention, template) >= MIN_RECORDS_RETENTION_DAYS ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/** The fewest days the default retention can be: Days, literal or a bounded Number parameter, or literal Years; 0 when unknown. */
function retentionDays(retention: unknown, template: StackTemplate): number {
  const days = leastNumber(at(retention, 'Days'), template);
  if (days !== undefined) return days;
  const years = literalNumber(at(retention, 'Years'));
  return years !== undefined ? years * 365 : 0;
}
