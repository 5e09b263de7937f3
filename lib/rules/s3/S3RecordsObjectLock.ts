import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DataClass } from '../../baseline/data-class';
import { requiredForClass } from '../../pack/data-class-of';
import { ElectionRule } from '../../pack/election-rule';
import { defaultRetentionDays, objectLockFaultPath } from '../../pack/object-lock';
import { StackTemplate, TemplateResource } from '../../pack/template-model';
import { MIN_RECORDS_RETENTION_DAYS } from '../../baseline/records-retention';

/** Election records cannot be deleted or overwritten, by anyone, for 22 months. */
export const S3RecordsObjectLock: ElectionRule = {
  name: 'S3RecordsObjectLock',
  level: NagMessageLevel.ERROR,
  info: `The election-records bucket lacks Object Lock in COMPLIANCE mode with a default retention of at least ${MIN_RECORDS_RETENTION_DAYS} days.`,
  explanation:
    '52 U.S.C. 20701 requires election records to be kept 22 months. Passes: Object Lock in COMPLIANCE mode, ' +
    `which not even root can bypass, for at least ${MIN_RECORDS_RETENTION_DAYS} days.`,
  rationale:
    'The 22 months run from a federal election. COMPLIANCE mode makes every object version write-once until ' +
    'its retention ends: not ransomware with admin rights, not AWS support can delete it. 672 days is the ' +
    'longest span 22 months can cover. GOVERNANCE mode can be bypassed and does not count. Days may be a Ref ' +
    'to a Number parameter whose MinValue is at least 672 (a stack-set template), since CloudFormation ' +
    'refuses any lower value.',
  controls: ['52-USC-20701', 'NIST-800-53-r5:SI-12', 'NIST-800-53-r5:AU-11', 'NIST-800-53-r5:CP-9', 'CISA-CPG:2.R', 'CIS-v8:3.4'],
  resourceTypes: ['AWS::S3::Bucket'],
  waivable: false,
  faultPath: objectLockFaultPath,
  check: s3RecordsObjectLock,
};

function s3RecordsObjectLock(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  if (!requiredForClass(resource, [DataClass.ELECTION_RECORDS])) return NagRuleCompliance.NOT_APPLICABLE;
  return defaultRetentionDays(resource, 'COMPLIANCE', template) >= MIN_RECORDS_RETENTION_DAYS ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
