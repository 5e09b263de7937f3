import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { asList, isIntrinsic, isObject, JsonObject, literalBoolean } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** The trail records every management event, read and write, from every service. */
export const CloudTrailManagementEvents: ElectionRule = {
  name: 'CloudTrailManagementEvents',
  level: NagMessageLevel.ERROR,
  info:
    'The CloudTrail trail does not record all management events: no selector includes them with ReadWriteType All, ' +
    'a selector excludes an event source, or the advanced selectors restrict readOnly or eventSource.',
  explanation:
    'A trail that drops write or KMS management events leaves audit-log tampering and ransomware-by-key ' +
    'unrecorded. Passes: no selectors, or selectors that keep all management events, read and write.',
  rationale:
    'Management events are the record of who changed what: StopLogging, PutBucketPolicy on the records ' +
    'bucket, DisableKey or ScheduleKeyDeletion on the key that protects voter PII. Every CloudTrail alarm of ' +
    'the baseline and every investigation of an intrusion or a ransomware staging period reads them, and a ' +
    'trail that drops some of them still looks healthy. EventSelectors need one selector with ' +
    'IncludeManagementEvents true (or absent) and ReadWriteType All (or absent), and none with ' +
    'ExcludeManagementEventSources; AdvancedEventSelectors need one selector whose only field is ' +
    'eventCategory Equals Management (no readOnly, no eventSource exclusion). Selectors the template does not ' +
    'resolve fail. Waive it only for a trail dedicated to data events while another trail, named in the ' +
    'reason, records all management events of the account.',
  controls: ['NIST-800-53-r5:AU-2', 'NIST-800-53-r5:AU-12', 'NIST-800-53-r5:AU-3', 'NIST-800-53-r5:SI-4', 'CISA-CPG:2.T', 'CIS-v8:8.2', 'CIS-v8:8.5'],
  resourceTypes: ['AWS::CloudTrail::Trail'],
  waivable: true,
  faultPath: managementEventsFaultPath,
  check: cloudTrailManagementEvents,
};

function cloudTrailManagementEvents(resource: TemplateResource): NagRuleCompliance {
  const { EventSelectors: basic, AdvancedEventSelectors: advanced } = resource.properties;
  if (basic === undefined && advanced === undefined) return NagRuleCompliance.COMPLIANT;
  if (basic !== undefined && !basicSelectorsRecordAll(basic)) return NagRuleCompliance.NON_COMPLIANT;
  if (advanced !== undefined && !advancedSelectorsRecordAll(advanced)) return NagRuleCompliance.NON_COMPLIANT;
  return NagRuleCompliance.COMPLIANT;
}

/** Selectors as plain objects, or undefined when the list or an entry is an intrinsic. */
function selectorList(value: unknown): JsonObject[] | undefined {
  if (!Array.isArray(value) || !value.every((s) => isObject(s) && !isIntrinsic(s))) return undefined;
  return value as JsonObject[];
}

function basicSelectorsRecordAll(value: unknown): boolean {
  const selectors = selectorList(value);
  if (!selectors) return false;
  // An exclusion on any selector drops those sources (kms.amazonaws.com, rdsdata.amazonaws.com) from the trail.
  if (selectors.some((s) => s.ExcludeManagementEventSources !== undefined && !isEmptyList(s.ExcludeManagementEventSources))) return false;
  return selectors.some((s) => {
    const include = s.IncludeManagementEvents;
    const readWrite = s.ReadWriteType;
    return (include === undefined || literalBoolean(include) === true) && (readWrite === undefined || readWrite === 'All');
  });
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

function advancedSelectorsRecordAll(value: unknown): boolean {
  const selectors = selectorList(value);
  return selectors !== undefined && selectors.some(recordsAllManagementEvents);
}

/** A selector whose only field selector is eventCategory Equals Management: no readOnly, no eventSource filter. */
function recordsAllManagementEvents(selector: JsonObject): boolean {
  const fields = selector.FieldSelectors;
  if (!Array.isArray(fields) || fields.length !== 1) return false;
  const field = fields[0];
  if (!isObject(field) || isIntrinsic(field) || typeof field.Field !== 'string' || field.Field.toLowerCase() !== 'eventcategory') return false;
  const operators = Object.keys(field).filter((k) => k !== 'Field');
  return operators.length === 1 && operators[0] === 'Equals' && asList(field.Equals).includes('Management');
}

function managementEventsFaultPath(resource: TemplateResource): string {
  const basic = resource.properties.EventSelectors;
  return basic !== undefined && !basicSelectorsRecordAll(basic) ? 'Properties.EventSelectors' : 'Properties.AdvancedEventSelectors';
}
