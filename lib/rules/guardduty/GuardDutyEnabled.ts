import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at, isIntrinsic, isObject, literalBoolean } from '../../pack/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** The GuardDuty detector runs, with S3 protection on. */
export const GuardDutyEnabled: ElectionRule = {
  name: 'GuardDutyEnabled',
  level: NagMessageLevel.ERROR,
  info: 'The GuardDuty detector is not enabled with S3 protection (Enable true and feature S3_DATA_EVENTS ENABLED, or DataSources.S3Logs.Enable true).',
  explanation:
    'The Iranian actors of CISA AA20-304A pulled voter data with stolen access; ransomware crews stage on county ' +
    'systems for weeks. GuardDuty is what notices credentials used from unusual places and bulk reads of a records ' +
    'or voter-data bucket, but only while the detector is enabled and S3 protection watches the data events. ' +
    'Enable must be a literal true, and the Features list must turn S3_DATA_EVENTS ENABLED (or the legacy ' +
    'DataSources.S3Logs.Enable be true). A value the template does not resolve fails. It cannot be waived: an ' +
    'agency that runs GuardDuty centrally deploys no detector here at all.',
  controls: ['NIST-800-53-r5:SI-4', 'NIST-800-53-r5:SI-4(4)', 'NIST-800-53-r5:IR-5', 'NIST-800-53-r5:RA-5', 'CISA-CPG:3.A'],
  resourceTypes: ['AWS::GuardDuty::Detector'],
  waivable: false,
  check: guardDutyEnabled,
};

function guardDutyEnabled(resource: TemplateResource): NagRuleCompliance {
  const props = resource.properties;
  if (literalBoolean(props.Enable) !== true) return NagRuleCompliance.NON_COMPLIANT;
  return s3ProtectionOn(props.Features, props.DataSources) ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

function s3ProtectionOn(features: unknown, dataSources: unknown): boolean {
  if (Array.isArray(features)) {
    const s3 = features.filter((f) => isObject(f) && f.Name === 'S3_DATA_EVENTS');
    if (s3.length > 0) return s3.every((f) => isObject(f) && f.Status === 'ENABLED');
  } else if (features !== undefined) {
    return false;
  }
  if (isIntrinsic(dataSources)) return false;
  return literalBoolean(at(dataSources, 'S3Logs', 'Enable')) === true;
}
