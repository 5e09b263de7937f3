import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at, isIntrinsic, isObject, literalBoolean } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';
import { GUARDDUTY_REQUIRED_FEATURES } from '../../baseline/security-findings';

/** The GuardDuty detector runs, with S3 protection on and no protection plan switched off. */
export const GuardDutyEnabled: ElectionRule = {
  name: 'GuardDutyEnabled',
  level: NagMessageLevel.ERROR,
  info:
    'The GuardDuty detector is not enabled with S3 protection (Enable true and feature S3_DATA_EVENTS ENABLED, or ' +
    'DataSources.S3Logs.Enable true), or it disables a protection plan (EKS audit logs, EBS malware protection, RDS ' +
    'login events, Lambda network logs).',
  explanation:
    'GuardDuty notices stolen credentials and bulk reads of voter data only while enabled. Passes: Enable ' +
    'literal true, S3_DATA_EVENTS enabled, and no other protection plan DISABLED (Runtime Monitoring is opt-in).',
  rationale:
    'The Iranian actors of CISA AA20-304A pulled voter data with stolen access; ransomware crews stage on ' +
    'county systems for weeks. GuardDuty notices credentials used from unusual places, and S3 protection is ' +
    'what watches the data events of a records or voter-data bucket. S3_DATA_EVENTS is turned on in the ' +
    'Features list (or by the legacy DataSources.S3Logs.Enable). The other protection plans (EBS malware ' +
    'scans of an instance that behaves like ransomware, RDS login anomalies such as credential stuffing ' +
    'against a registration database, EKS audit logs, Lambda network activity) cost nothing where the service ' +
    'is unused, so none may be DISABLED, in Features or in the legacy DataSources; Runtime Monitoring is ' +
    'opt-in because it installs an agent. A value the template does not resolve fails. It cannot be waived: ' +
    'an agency that runs GuardDuty centrally deploys no detector here at all.',
  controls: ['NIST-800-53-r5:SI-4', 'NIST-800-53-r5:SI-4(4)', 'NIST-800-53-r5:SI-3', 'NIST-800-53-r5:IR-5', 'NIST-800-53-r5:RA-5', 'CISA-CPG:3.A', 'CIS-v8:13.1', 'CIS-v8:13.3'],
  resourceTypes: ['AWS::GuardDuty::Detector'],
  waivable: false,
  faultPath: guardDutyFaultPath,
  check: guardDutyEnabled,
};

function guardDutyEnabled(resource: TemplateResource): NagRuleCompliance {
  const props = resource.properties;
  if (literalBoolean(props.Enable) !== true) return NagRuleCompliance.NON_COMPLIANT;
  if (!s3ProtectionOn(props.Features, props.DataSources)) return NagRuleCompliance.NON_COMPLIANT;
  if (featureSwitchedOff(props.Features) || dataSourceSwitchedOff(props.DataSources)) return NagRuleCompliance.NON_COMPLIANT;
  return NagRuleCompliance.COMPLIANT;
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

/** Whether a required feature is not ENABLED, or an entry the template does not resolve could be one. */
function featureSwitchedOff(features: unknown): boolean {
  if (!Array.isArray(features)) return false;
  return features.some((f) => {
    if (!isObject(f) || isIntrinsic(f) || typeof f.Name !== 'string') return true;
    return GUARDDUTY_REQUIRED_FEATURES.includes(f.Name) && f.Status !== 'ENABLED';
  });
}

/** Legacy DataSources switches of the required plans that are set to anything but true. */
function dataSourceSwitchedOff(dataSources: unknown): boolean {
  if (dataSources === undefined) return false;
  const switches = [at(dataSources, 'Kubernetes', 'AuditLogs', 'Enable'), at(dataSources, 'MalwareProtection', 'ScanEc2InstanceWithFindings', 'EbsVolumes')];
  return switches.some((value) => value !== undefined && literalBoolean(value) !== true);
}

function guardDutyFaultPath(resource: TemplateResource): string {
  const props = resource.properties;
  if (literalBoolean(props.Enable) !== true) return 'Properties.Enable';
  if (!s3ProtectionOn(props.Features, props.DataSources)) return Array.isArray(props.Features) ? 'Properties.Features' : 'Properties.DataSources';
  return featureSwitchedOff(props.Features) ? 'Properties.Features' : 'Properties.DataSources';
}
