import { createHash } from 'crypto';
import { AuditFinding, AuditPackName, AuditReport, AuditRule, AuditWaiver } from '../audit/model';
import { baseRuleId, PACK_TITLES, packOfRuleId, packsOf, templateUri } from './report-data';

/** The OASIS SARIF 2.1.0 schema (errata 01) the log declares; `schemas/sarif-2.1.0.schema.json` is a copy. */
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The rule id of a result that reports a waiver the audit cannot trust. */
export const WAIVER_PROBLEM_RULE_ID = 'ElectionAudit-WaiverProblem';

const INFORMATION_URI = 'https://www.npmjs.com/package/cdk-election-baseline';
const CDK_NAG_RULES_URI = 'https://github.com/cdklabs/cdk-nag/blob/main/RULES.md';

type Json = { [key: string]: unknown };

/**
 * SARIF 2.1.0 for code scanning: one run per pack, its rules with their help
 * text and control tags, each finding located at its template file (line of
 * the logical id when known) and at the resource's logical id. A waived
 * finding is a result with an accepted suppression carrying the waiver's
 * reason; a waiver the audit cannot trust is an error result of its own.
 */
export function renderSarif(report: AuditReport): string {
  const packs = packsOf(report);
  const firstPack = packs[0];
  const waiversByPack = new Map<AuditPackName, AuditWaiver[]>();
  for (const waiver of report.waivers.filter((w) => w.problem !== undefined)) {
    const named = packOfRuleId(report, waiver.ruleId);
    const pack = named && packs.includes(named) ? named : firstPack;
    if (pack) waiversByPack.set(pack, [...(waiversByPack.get(pack) ?? []), waiver]);
  }
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: packs.map((pack) => run(report, pack, waiversByPack.get(pack) ?? [])),
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function run(report: AuditReport, pack: AuditPackName, badWaivers: readonly AuditWaiver[]): Json {
  const findings = report.findings.filter((f) => f.pack === pack);
  const rules = rulesOfRun(report, pack, findings);
  if (badWaivers.length > 0) rules.push(waiverProblemRule());
  const index = new Map(rules.map((rule, i) => [rule.id as string, i]));
  return {
    tool: {
      driver: {
        name: report.tool.name,
        fullName: `${report.tool.name}: ${PACK_TITLES[pack]}`,
        version: report.tool.version,
        informationUri: INFORMATION_URI,
        rules,
      },
    },
    automationDetails: { id: `${report.tool.name}/${pack}/` },
    invocations: [{ executionSuccessful: true, endTimeUtc: report.generatedAt }],
    artifacts: [...new Set(report.templates.map((t) => templateUri(t.template)))].map((uri) => ({ location: { uri }, roles: ['analysisTarget'] })),
    results: [
      ...findings.map((f) => findingResult(f, index.get(f.ruleId) ?? -1)),
      ...badWaivers.map((w) => waiverResult(w, index.get(WAIVER_PROBLEM_RULE_ID) ?? -1, report.findings)),
    ],
    properties: { pack, packTitle: PACK_TITLES[pack] },
  };
}

/** The pack's rules the report describes, plus any a finding names that it does not. */
function rulesOfRun(report: AuditReport, pack: AuditPackName, findings: readonly AuditFinding[]): Json[] {
  const described = report.rules.filter((r) => r.pack === pack);
  const known = new Set(described.map((r) => r.ruleId));
  const undescribed = new Map<string, AuditRule>();
  for (const f of findings) {
    if (known.has(f.ruleId) || undescribed.has(f.ruleId)) continue;
    undescribed.set(f.ruleId, { ruleId: f.ruleId, pack, level: f.level, message: f.message, explanation: f.message, controls: f.controls, waivable: true });
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
  const text = 'A waiver the audit cannot trust: its reason is shorter than 20 characters, or it waives a rule that cannot be waived.';
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

function findingResult(finding: AuditFinding, ruleIndex: number): Json {
  const suppression = finding.status === 'acknowledged' ? [{
    kind: finding.waivedAt?.startsWith('metadata:') ? 'inSource' : 'external',
    status: 'accepted',
    justification: finding.reason ?? '',
    ...(finding.waivedAt ? { properties: { madeAt: finding.waivedAt } } : {}),
  }] : undefined;
  const granular = finding.findingId !== undefined ? ` [${finding.findingId}]` : '';
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: finding.level,
    kind: 'fail',
    message: { text: `${finding.message}${granular} (${finding.stack}/${finding.logicalId}, ${finding.resourceType})` },
    locations: [location(finding.template, finding.line, finding.logicalId, finding.stack, finding.resourceType)],
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
      ...(finding.dataClass !== undefined ? { dataClass: finding.dataClass } : {}),
    },
  };
}

function waiverResult(waiver: AuditWaiver, ruleIndex: number, findings: readonly AuditFinding[]): Json {
  const logicalId = waiver.madeAt.startsWith('metadata:') ? waiver.madeAt.slice(waiver.madeAt.lastIndexOf('#') + 1) : undefined;
  const resource = logicalId !== undefined ? findings.find((f) => f.template === waiver.template && f.logicalId === logicalId) : undefined;
  return {
    ruleId: WAIVER_PROBLEM_RULE_ID,
    ruleIndex,
    level: 'error',
    kind: 'fail',
    message: { text: `Waiver of ${waiver.ruleId} made at ${waiver.madeAt}: ${waiver.problem}. Reason given: "${waiver.reason}"` },
    locations: [location(waiver.template, resource?.line, logicalId ?? waiver.madeAt, waiver.stack, resource?.resourceType)],
    partialFingerprints: { 'electionAuditWaiver/v1': fingerprint(waiver.stack, waiver.madeAt, waiver.ruleId) },
    properties: {
      waivedRule: waiver.ruleId,
      waivedRuleBase: baseRuleId(waiver.ruleId),
      madeAt: waiver.madeAt,
      reason: waiver.reason,
      problem: waiver.problem,
      controls: [...waiver.controls],
      findingsCovered: waiver.findings,
    },
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
