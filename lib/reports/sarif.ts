import { createHash } from 'crypto';
import { AuditFinding, AuditPackName, AuditReport, AuditRule, AuditWaiver } from '../audit/model';
import { describeRule } from '../pack/rule-description';
import { controlStatusRecords, ControlStatusRecord } from './control-status';
import {
  baseRuleId, PACK_TITLES, packOfRuleId, packsOf, RenderOptions, templatesWithUnjudged, templateUri, UNJUDGED_MEANING, unjudgedCount, unjudgedList, waiverOf,
} from './report-data';
import { templateRegions, TemplateRegions } from './template-region';

/** The OASIS SARIF 2.1.0 schema (errata 01) the log declares; `schemas/sarif-2.1.0.schema.json` is a copy. */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The rule id of a result that reports a waiver the audit cannot trust. */
export const WAIVER_PROBLEM_RULE_ID = 'ElectionAudit-WaiverProblem';

/** The rule id of a warning result for a sound waiver that ends within 30 days of the audit's date. */
export const WAIVER_EXPIRING_RULE_ID = 'ElectionAudit-WaiverExpiring';

/** The id of the notification that names a template's resources no rule of the packs that ran judged. */
export const NOT_JUDGED_NOTIFICATION_ID = 'ElectionAudit-NotJudged';

const INFORMATION_URI = 'https://www.npmjs.com/package/cdk-election-baseline';
const CDK_NAG_RULES_URI = 'https://github.com/cdklabs/cdk-nag/blob/main/RULES.md';

type Json = { [key: string]: unknown };

/**
 * SARIF 2.1.0 for code scanning: one run per pack, its rules with their help
 * text and control tags, each finding located at its template file (line of
 * the logical id when known; with `options.templateText`, the line and column
 * of its `propertyPath`) and at the resource's logical id (and the property's). A waived
 * finding is a result with an accepted suppression carrying the waiver's
 * reason, approver, expiry and origin; a finding whose waiver holds nothing
 * (expired, or another problem) keeps a rejected one; a waiver the audit
 * cannot trust is also an error result of its own, and one that expires
 * within 30 days a warning result (as the summary counts them). Each run's
 * properties carry `controlStatuses`: every assessed control's status for the
 * whole audit (all packs), as every other format shows it, and `unjudged`:
 * the resources no rule of any pack that ran judged, by template and type;
 * its invocation has a note per such template (`toolExecutionNotifications`).
 */
export function renderSarif(report: AuditReport, options: RenderOptions = {}): string {
  const packs = packsOf(report);
  const firstPack = packs[0];
  const waiversByPack = new Map<AuditPackName, AuditWaiver[]>();
  for (const waiver of report.waivers.filter(isReported)) {
    const named = packOfRuleId(report, waiver.ruleId);
    const pack = named && packs.includes(named) ? named : firstPack;
    if (pack) waiversByPack.set(pack, [...(waiversByPack.get(pack) ?? []), waiver]);
  }
  const controls = controlStatusRecords(report);
  const regions = templateRegions(options.templateText);
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: packs.map((pack) => run(report, pack, waiversByPack.get(pack) ?? [], controls, regions)),
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** A waiver with a result of its own: one with a problem (an error), or a sound one about to expire (a warning). */
function isReported(waiver: AuditWaiver): boolean {
  return waiver.problem !== undefined || waiver.expiry === 'expiring';
}

function run(
  report: AuditReport, pack: AuditPackName, waivers: readonly AuditWaiver[], controls: readonly ControlStatusRecord[], regions: TemplateRegions | undefined,
): Json {
  const findings = report.findings.filter((f) => f.pack === pack);
  const rules = rulesOfRun(report, pack, findings);
  if (waivers.some((w) => w.problem !== undefined)) rules.push(waiverProblemRule());
  if (waivers.some((w) => w.problem === undefined)) rules.push(waiverExpiringRule());
  const index = new Map(rules.map((rule, i) => [rule.id as string, i]));
  return {
    tool: {
      driver: {
        name: report.tool.name,
        fullName: `${report.tool.name}: ${PACK_TITLES[pack]}`,
        version: report.tool.version,
        informationUri: INFORMATION_URI,
        rules,
        ...(templatesWithUnjudged(report).length > 0 ? { notifications: [notJudgedDescriptor()] } : {}),
      },
    },
    automationDetails: { id: `${report.tool.name}/${pack}/` },
    invocations: [{ executionSuccessful: true, endTimeUtc: report.generatedAt, ...notJudgedNotifications(report) }],
    artifacts: [...new Set(report.templates.map((t) => templateUri(t.template)))].map((uri) => ({ location: { uri }, roles: ['analysisTarget'] })),
    results: [
      ...findings.map((f) => findingResult(f, index.get(f.ruleId) ?? -1, waiverOf(report, f), regions)),
      ...waivers.map((w) => waiverResult(w, index, report.findings)),
    ],
    // The audit's control statuses, not the pack's: a control one pack fails is not satisfied in any run.
    properties: {
      pack,
      packTitle: PACK_TITLES[pack],
      controlStatuses: controls,
      unjudgedResources: report.summary.unjudged,
      unjudged: templatesWithUnjudged(report).map((t) => ({ template: t.template, stack: t.stack, types: t.unjudged })),
      // The statewide audit: what each stack set gives each county (its problems are this run's results).
      ...(pack === 'election' && report.deployments ? { deployments: report.deployments } : {}),
    },
  };
}

function notJudgedDescriptor(): Json {
  return {
    id: NOT_JUDGED_NOTIFICATION_ID,
    name: 'NotJudged',
    shortDescription: { text: 'Resources no rule judged.' },
    fullDescription: { text: `${UNJUDGED_MEANING} Judge them another way, or add rules that cover their types.` },
    defaultConfiguration: { level: 'note' },
  };
}

/** A note per template with resources no rule of the packs that ran judged, naming their types; nothing when every resource was judged. */
function notJudgedNotifications(report: AuditReport): Json {
  const templates = templatesWithUnjudged(report);
  if (templates.length === 0) return {};
  return {
    toolExecutionNotifications: templates.map((t) => ({
      descriptor: { id: NOT_JUDGED_NOTIFICATION_ID, index: 0 },
      level: 'note',
      message: {
        text: `${t.template}: ${unjudgedCount(t)} resource(s) judged by no rule of the packs that ran${t.unjudged.length ? `: ${unjudgedList(t)}` : ''}.`
          + (t.notExpanded ? ` Not expanded, so not judged: ${t.notExpanded.join('; ')}.` : ''),
      },
      locations: [{ physicalLocation: { artifactLocation: { uri: templateUri(t.template) } } }],
      properties: { stack: t.stack, unjudged: t.unjudged, ...(t.notExpanded ? { notExpanded: t.notExpanded } : {}) },
    })),
  };
}

/** The pack's rules the report describes, plus any a finding names that it does not. */
function rulesOfRun(report: AuditReport, pack: AuditPackName, findings: readonly AuditFinding[]): Json[] {
  const described = report.rules.filter((r) => r.pack === pack);
  const known = new Set(described.map((r) => r.ruleId));
  const undescribed = new Map<string, AuditRule>();
  for (const f of findings) {
    if (known.has(f.ruleId) || undescribed.has(f.ruleId)) continue;
    undescribed.set(f.ruleId, describeRule({ ruleId: f.ruleId, pack, level: f.level, message: f.message, explanation: f.message, controls: f.controls, waivable: true }));
  }
  return [...described, ...undescribed.values()].map(ruleDescriptor);
}

function ruleDescriptor(rule: AuditRule): Json {
  const controls = rule.controls.length > 0 ? `\n\nControls: ${rule.controls.join(', ')}.` : '';
  const waivable = rule.waivable ? '' : '\n\nThis rule cannot be waived: a waiver of it is itself an error.';
  return {
    id: rule.ruleId,
    name: rule.ruleId.slice(rule.ruleId.indexOf('-') + 1),
    shortDescription: { text: rule.message },
    fullDescription: { text: rule.explanation },
    help: { text: `${rule.explanation}${controls}${waivable}` },
    ...(rule.pack === 'election' ? {} : { helpUri: CDK_NAG_RULES_URI }),
    defaultConfiguration: { level: rule.level },
    properties: { tags: [...new Set(['security', ...rule.controls])], controls: [...rule.controls], waivable: rule.waivable },
  };
}

function waiverProblemRule(): Json {
  const text = 'A waiver the audit cannot trust: it has expired, its reason is shorter than 20 characters, or it waives a rule that cannot be waived.';
  return {
    id: WAIVER_PROBLEM_RULE_ID,
    name: 'WaiverProblem',
    shortDescription: { text: 'A waiver is itself an error.' },
    fullDescription: { text },
    help: { text: `${text} The findings it names stay open; fix the reason or remove the waiver.` },
    defaultConfiguration: { level: 'error' },
    properties: { tags: ['security', 'waiver'] },
  };
}

/**
 * The suppression of a finding a waiver names. `accepted` when the waiver
 * holds (the finding is acknowledged); `rejected` when it holds nothing
 * (expired, or another problem: the finding stays open, and SARIF viewers
 * show a result whose suppressions are not all accepted). The justification
 * is the waiver's reason; its approver, expiry and origin are properties.
 */
function suppressionOf(finding: AuditFinding, waiver: AuditWaiver | undefined): Json[] | undefined {
  const acknowledged = finding.status === 'acknowledged';
  if (!acknowledged && waiver === undefined) return undefined;
  const madeAt = acknowledged ? finding.waivedAt : waiver?.madeAt;
  const properties = {
    ...(madeAt ? { madeAt } : {}),
    ...(waiver ? { origin: waiver.origin } : {}),
    ...(waiver?.approvedBy !== undefined ? { approvedBy: waiver.approvedBy } : {}),
    ...(waiver?.expires !== undefined ? { expires: waiver.expires } : {}),
    ...(waiver?.expiry !== undefined ? { expiry: waiver.expiry } : {}),
    ...(!acknowledged && waiver?.problem !== undefined ? { problem: waiver.problem } : {}),
  };
  return [{
    kind: madeAt?.startsWith('metadata:') ? 'inSource' : 'external',
    status: acknowledged ? 'accepted' : 'rejected',
    justification: (acknowledged ? finding.reason : waiver?.reason) ?? '',
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  }];
}

function findingResult(finding: AuditFinding, ruleIndex: number, waiver: AuditWaiver | undefined, regions: TemplateRegions | undefined): Json {
  const suppression = suppressionOf(finding, waiver);
  const granular = finding.findingId !== undefined ? ` [${finding.findingId}]` : '';
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.level,
    kind: 'fail',
    message: { text: `${finding.message}${granular} (${finding.stack}/${finding.logicalId}, ${finding.resourceType})` },
    locations: [findingLocation(finding, regions)],
    partialFingerprints: {
      'electionAuditFinding/v1': fingerprint(finding.stack, finding.logicalId, finding.ruleId, finding.findingId ?? ''),
    },
    ...(suppression ? { suppressions: suppression } : {}),
    properties: {
      status: finding.status,
      stack: finding.stack,
      resourceType: finding.resourceType,
      controls: [...finding.controls],
      ...(finding.findingId !== undefined ? { findingId: finding.findingId } : {}),
      ...(finding.propertyPath !== undefined ? { propertyPath: finding.propertyPath } : {}),
      ...(finding.dataClass !== undefined ? { dataClass: finding.dataClass } : {}),
    },
  };
}

function waiverExpiringRule(): Json {
  const text = 'A waiver ends within 30 days of the audit\'s date: it still holds, and its findings open when it expires.';
  return {
    id: WAIVER_EXPIRING_RULE_ID,
    name: 'WaiverExpiring',
    shortDescription: { text: 'A waiver expires within 30 days.' },
    fullDescription: { text },
    help: { text: `${text} Fix the findings it covers, or have its approver renew it with a new expiry date.` },
    defaultConfiguration: { level: 'warning' },
    properties: { tags: ['security', 'waiver'] },
  };
}

function waiverResult(waiver: AuditWaiver, index: ReadonlyMap<string, number>, findings: readonly AuditFinding[]): Json {
  const logicalId = waiver.madeAt.startsWith('metadata:') ? waiver.madeAt.slice(waiver.madeAt.lastIndexOf('#') + 1) : undefined;
  const resource = logicalId !== undefined ? findings.find((f) => f.template === waiver.template && f.logicalId === logicalId) : undefined;
  const problem = waiver.problem !== undefined;
  const ruleId = problem ? WAIVER_PROBLEM_RULE_ID : WAIVER_EXPIRING_RULE_ID;
  const what = problem ? waiver.problem : `it expires on ${waiver.expires}, within 30 days`;
  return {
    ruleId,
    ruleIndex: index.get(ruleId) ?? -1,
    level: problem ? 'error' : 'warning',
    kind: 'fail',
    message: { text: `Waiver of ${waiver.ruleId} made at ${waiver.madeAt}: ${what}. Reason given: "${waiver.reason}"` },
    locations: [location(waiver.template, resource?.line, logicalId ?? waiver.madeAt, waiver.stack, resource?.resourceType)],
    partialFingerprints: { 'electionAuditWaiver/v1': fingerprint(waiver.stack, waiver.madeAt, waiver.ruleId) },
    properties: {
      waivedRule: waiver.ruleId,
      waivedRuleBase: baseRuleId(waiver.ruleId),
      madeAt: waiver.madeAt,
      reason: waiver.reason,
      ...(problem ? { problem: waiver.problem } : {}),
      origin: waiver.origin,
      ...(waiver.approvedBy !== undefined ? { approvedBy: waiver.approvedBy } : {}),
      ...(waiver.expires !== undefined ? { expires: waiver.expires } : {}),
      ...(waiver.expiry !== undefined ? { expiry: waiver.expiry } : {}),
      controls: [...waiver.controls],
      findingsCovered: waiver.findings,
    },
  };
}

/**
 * A finding's location: with a `propertyPath`, the region of that property in
 * the template file (its line and column, or of the deepest part of the path the
 * file holds), and the property as a logical location inside the resource;
 * otherwise, or when the file cannot be read, the resource's line.
 */
function findingLocation(finding: AuditFinding, regions: TemplateRegions | undefined): Json {
  const resource = location(finding.template, finding.line, finding.logicalId, finding.stack, finding.resourceType);
  if (finding.propertyPath === undefined) return resource;
  const region = regions?.regionOf(finding.template, finding.logicalId, finding.propertyPath);
  const physical = resource.physicalLocation as Json;
  const logical = resource.logicalLocations as Json[];
  return {
    physicalLocation: region ? { ...physical, region } : physical,
    logicalLocations: [...logical, {
      name: finding.propertyPath.slice(finding.propertyPath.lastIndexOf('.') + 1),
      fullyQualifiedName: `${finding.stack}/${finding.logicalId}/${finding.propertyPath}`,
      kind: 'property',
    }],
  };
}

function location(template: string, line: number | undefined, logicalName: string, stack: string, resourceType: string | undefined): Json {
  return {
    physicalLocation: {
      artifactLocation: { uri: templateUri(template) },
      ...(line !== undefined && line >= 1 ? { region: { startLine: line } } : {}),
    },
    logicalLocations: [{
      name: logicalName,
      fullyQualifiedName: `${stack}/${logicalName}`,
      kind: 'resource',
      ...(resourceType ? { properties: { resourceType } } : {}),
    }],
  };
}

/** A stable id of a finding across audits, for code scanning to track it. */
function fingerprint(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}
