import { createHash } from 'crypto';
import { AuditFinding, AuditReport, AuditWaiver } from '../audit/model';
import { Control, ControlCatalogue, ControlSource } from '../controls/catalogue';
import { baseRuleId, PACK_TITLES, packsOf, templateUri } from './report-data';

/** The OSCAL version the document declares and `schemas/oscal-assessment-results-1.1.x.schema.json` validates. */
export const OSCAL_VERSION = '1.1.2';

/**
 * The namespace of the properties this tool defines (OSCAL reserves names
 * without a namespace for itself).
 */
export const OSCAL_PROP_NS = 'urn:cdk-election-baseline:oscal';

/** Fixed namespace of the name-based (version 5) UUIDs below, so a document's UUIDs follow from its content. */
const UUID_NAMESPACE = 'c1f3a7e0-5b2d-5e4a-9f6c-2d8b1e0a4c77';

type Json = { [key: string]: unknown };
type Prop = { name: string; ns: string; value: string; class?: string };

/**
 * OSCAL 1.1.2 Assessment Results: the audit as one result whose observations
 * are the findings (one per violation, its subject the resource as an
 * inventory item, its evidence the template), whose findings are the controls
 * that failed (target: the control's assessment objective, `au-9.2_obj`), and
 * whose risks are the waivers with their justification. Every UUID is
 * name-based from the content, so the same audit renders the same document.
 */
export function renderOscal(report: AuditReport): string {
  const ids = new UuidSource(report);
  const tool = { uuid: ids.of('tool-component', report.tool.name), platform: ids.of('assessment-platform', report.tool.name) };
  const origins = [{ actors: [{ type: 'tool', 'actor-uuid': tool.uuid }] }];
  const observations = report.findings.map((f) => ({ finding: f, uuid: ids.unique('observation', ...findingKey(f)) }));
  const risks = report.waivers.map((w) => ({ waiver: w, uuid: ids.unique('risk', w.template, w.madeAt, w.ruleId) }));
  const planUuid = ids.of('assessment-plan-placeholder', ...ids.audit);
  const result: Json = {
    uuid: ids.of('result', ...ids.audit),
    title: `${report.tool.name} of ${report.summary.templates} CloudFormation template(s)`,
    description: `Automated examination of CloudFormation templates by ${report.tool.name} ${report.tool.version} with the rule packs `
      + `${packsOf(report).map((p) => PACK_TITLES[p]).join(', ') || '(none)'}: ${report.summary.errors} error(s), `
      + `${report.summary.warnings} warning(s), ${report.summary.acknowledged} acknowledged finding(s) over ${report.summary.resources} resource(s).`,
    start: report.generatedAt,
    end: report.generatedAt,
    props: [
      prop('errors', String(report.summary.errors)),
      prop('warnings', String(report.summary.warnings)),
      prop('acknowledged', String(report.summary.acknowledged)),
      prop('resources', String(report.summary.resources)),
      prop('templates', String(report.summary.templates)),
      ...packsOf(report).map((p) => prop('pack', p)),
    ],
    'local-definitions': {
      ...nonEmpty('inventory-items', inventoryItems(report, ids)),
      'assessment-assets': {
        components: [{
          uuid: tool.uuid,
          type: 'software',
          title: report.tool.name,
          description: `${report.tool.name} ${report.tool.version}: judges CloudFormation templates with cdk-nag rule packs, without deploying them.`,
          props: [prop('version', report.tool.version)],
          status: { state: 'operational' },
        }],
        'assessment-platforms': [{ uuid: tool.platform, title: report.tool.name, 'uses-components': [{ 'component-uuid': tool.uuid }] }],
      },
    },
    'reviewed-controls': reviewedControls(report),
    ...nonEmpty('observations', observations.map(({ finding, uuid }) => observation(finding, uuid, ids, origins, report.generatedAt))),
    ...nonEmpty('risks', risks.map(({ waiver, uuid }) => risk(waiver, uuid, ids, origins, observations))),
    ...nonEmpty('findings', controlFindings(report, ids, observations, risks)),
  };
  const document = {
    'assessment-results': {
      uuid: ids.of('assessment-results', ...ids.audit),
      metadata: {
        title: `Election baseline audit: ${report.summary.templates} template(s), ${report.summary.errors} error(s)`,
        'last-modified': report.generatedAt,
        version: report.generatedAt,
        'oscal-version': OSCAL_VERSION,
        props: [prop('tool', report.tool.name), prop('tool-version', report.tool.version)],
      },
      'import-ap': {
        href: `#${planUuid}`,
        remarks: 'No OSCAL assessment plan governs this audit: the back-matter resource this points at says so. '
          + 'The controls assessed are those the rule packs map to, listed in reviewed-controls.',
      },
      results: [result],
      'back-matter': {
        resources: [{
          uuid: planUuid,
          title: 'Assessment plan: not provided',
          description: `${report.tool.name} runs without an OSCAL assessment plan. The assessment objectives are its rule packs' rules, `
            + 'each mapped to catalogue controls; the rules and their controls are listed in the JSON report.',
        }],
      },
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** NIST controls by their OSCAL ids in include-controls; controls of sources with no OSCAL catalogue as namespaced props. */
function reviewedControls(report: AuditReport): Json {
  const controls = assessedControls(report);
  const nist = controls.filter((c) => c.oscalId !== undefined);
  const other = controls.filter((c) => c.oscalId === undefined);
  const selections: Json[] = [];
  if (nist.length > 0) {
    selections.push({
      description: 'NIST SP 800-53 Rev. 5 controls that the rules which ran map to, by their OSCAL control ids.',
      props: [prop('control-source', ControlSource.NIST_800_53_R5, sourceClass(ControlSource.NIST_800_53_R5))],
      'include-controls': nist.map((c) => ({ 'control-id': c.oscalId })),
    });
  }
  if (other.length > 0) {
    selections.push({
      description: 'Controls from sources with no OSCAL catalogue (CISA CPGs, 52 U.S.C. 20701), named by their catalogue ids in the control props.',
      props: other.map((c) => prop('control', c.id, sourceClass(c.source))),
    });
  }
  if (selections.length === 0) selections.push({ description: 'No rule that ran maps to a catalogue control.' });
  return { description: 'The controls the rules of the packs that ran map to.', 'control-selections': selections };
}

function assessedControls(report: AuditReport): Control[] {
  const ids = new Set([...report.rules, ...report.findings].flatMap((r) => r.controls));
  return ControlCatalogue.all().filter((c) => ids.has(c.id));
}

function inventoryItems(report: AuditReport, ids: UuidSource): Json[] {
  const seen = new Map<string, AuditFinding>();
  for (const f of report.findings) if (!seen.has(resourceKey(f))) seen.set(resourceKey(f), f);
  return [...seen.values()].map((f) => ({
    uuid: ids.of('resource', f.template, f.logicalId),
    description: `${f.resourceType || 'resource'} ${f.logicalId} of stack ${f.stack} (template ${f.template})`,
    props: [
      prop('logical-id', f.logicalId),
      prop('stack', f.stack),
      prop('template', f.template),
      ...(f.resourceType ? [prop('resource-type', f.resourceType)] : []),
      ...(f.dataClass ? [prop('data-class', f.dataClass)] : []),
    ].filter((p) => p.value !== ''),
  }));
}

function observation(f: AuditFinding, uuid: string, ids: UuidSource, origins: Json[], collected: string): Json {
  const line = f.line !== undefined ? `, line ${f.line}` : '';
  return {
    uuid,
    title: `${f.ruleId}${f.findingId !== undefined ? `[${f.findingId}]` : ''} on ${f.stack}/${f.logicalId}`,
    description: f.message,
    props: [
      prop('rule-id', f.ruleId),
      prop('pack', f.pack),
      prop('level', f.level),
      prop('status', f.status),
      ...(f.findingId !== undefined ? [prop('finding-id', f.findingId)] : []),
      ...f.controls.map((c) => prop('control', c)),
      ...(f.reason !== undefined ? [prop('waiver-reason', f.reason)] : []),
      ...(f.waivedAt !== undefined ? [prop('waived-at', f.waivedAt)] : []),
    ].filter((p) => p.value !== ''),
    methods: ['EXAMINE'],
    types: ['finding'],
    origins,
    subjects: [{
      'subject-uuid': ids.of('resource', f.template, f.logicalId),
      type: 'inventory-item',
      title: `${f.stack}/${f.logicalId} (${f.resourceType || 'resource'})`,
    }],
    'relevant-evidence': [{
      href: templateUri(f.template),
      description: `CloudFormation template ${f.template}, resource ${f.logicalId}${line}.`,
    }],
    collected,
  };
}

function risk(w: AuditWaiver, uuid: string, ids: UuidSource, origins: Json[], observations: ReadonlyArray<{ finding: AuditFinding; uuid: string }>): Json {
  const reason = w.reason.trim() === '' ? '(no reason given)' : w.reason;
  const covered = waivedObservations(w, observations);
  const controls = w.controls.length > 0 ? w.controls.join(', ') : 'none in the catalogue';
  return {
    uuid,
    title: `Waiver of ${w.ruleId} (${w.madeAt})`,
    description: `${w.madeAt} waives ${w.ruleId} in stack ${w.stack} (template ${w.template}), covering ${w.findings} finding(s). `
      + `Controls waived: ${controls}. Reason given: ${reason}`,
    statement: w.problem === undefined
      ? `The waived resources do not meet ${controls}; the deviation was accepted with this justification: ${reason}`
      : `The waiver cannot be trusted: ${w.problem}. The findings it names stay open.`,
    props: [
      prop('rule-id', w.ruleId),
      prop('made-at', w.madeAt),
      prop('waiver-reason', w.reason),
      ...w.controls.map((c) => prop('control', c)),
      ...(w.problem !== undefined ? [prop('waiver-problem', w.problem)] : []),
    ].filter((p) => p.value !== ''),
    status: w.problem === undefined ? 'deviation-approved' : 'open',
    origins,
    remediations: [w.problem === undefined
      ? { uuid: ids.of('remediation', uuid), lifecycle: 'completed', title: 'Deviation accepted by waiver', description: reason }
      : { uuid: ids.of('remediation', uuid), lifecycle: 'recommendation', title: 'Fix or remove the waiver', description: `${w.problem}. Reason given: ${reason}` }],
    ...nonEmpty('related-observations', covered.map((o) => ({ 'observation-uuid': o.uuid }))),
  };
}

/** One finding per catalogue control that a violation maps to. */
function controlFindings(
  report: AuditReport,
  ids: UuidSource,
  observations: ReadonlyArray<{ finding: AuditFinding; uuid: string }>,
  risks: ReadonlyArray<{ waiver: AuditWaiver; uuid: string }>,
): Json[] {
  const failing = new Set(report.findings.flatMap((f) => f.controls));
  return ControlCatalogue.all().filter((c) => failing.has(c.id)).map((control) => {
    const related = observations.filter(({ finding }) => finding.controls.includes(control.id));
    const open = related.filter(({ finding }) => finding.status === 'open').length;
    const waived = related.length - open;
    const relatedRisks = risks.filter(({ waiver }) => waivedObservations(waiver, related).length > 0);
    return {
      uuid: ids.of('finding', control.id),
      title: `${control.id}: ${control.title}`,
      description: `${related.length} violation(s) of rules mapped to ${control.id} (${control.sourceTitle}): ${open} open, ${waived} acknowledged under waivers.`,
      props: [prop('control', control.id, sourceClass(control.source))],
      origins: [{ actors: [{ type: 'tool', 'actor-uuid': ids.of('tool-component', report.tool.name) }] }],
      target: {
        type: 'objective-id',
        'target-id': objectiveId(control),
        ...(control.oscalId === undefined ? { props: [prop('control', control.id, sourceClass(control.source))] } : {}),
        status: open > 0
          ? { state: 'not-satisfied', reason: 'fail' }
          : { state: 'not-satisfied', reason: 'other', remarks: 'Every violation is covered by an accepted waiver: see the related risks.' },
      },
      'related-observations': related.map(({ uuid }) => ({ 'observation-uuid': uuid })),
      ...nonEmpty('related-risks', relatedRisks.map(({ uuid }) => ({ 'risk-uuid': uuid }))),
    };
  });
}

/**
 * NIST: the assessment objective of the control in the NIST SP 800-53 Rev. 5
 * OSCAL catalogue (`au-9.2_obj`). Other sources have no OSCAL catalogue: a
 * token made from the catalogue id (`cisa-cpg-2.k_obj`), the id itself in the target's props.
 */
function objectiveId(control: Control): string {
  if (control.oscalId !== undefined) return `${control.oscalId}_obj`;
  const source = sourceClass(control.source);
  return control.id === control.source ? `${source}_obj` : `${source}-${control.controlId.toLowerCase()}_obj`;
}

/** The control's source as an OSCAL token (a token cannot start with a digit): `nist-800-53-r5`, `cisa-cpg`, `usc-52-20701`. */
function sourceClass(source: ControlSource): string {
  return source === ControlSource.USC_52_20701 ? 'usc-52-20701' : source.toLowerCase();
}

/**
 * The observations a waiver speaks for: the findings it acknowledged, or, for a
 * waiver with a problem, the open findings of its rule on the resource it was written on.
 */
function waivedObservations<T extends { finding: AuditFinding }>(w: AuditWaiver, observations: readonly T[]): T[] {
  const rule = baseRuleId(w.ruleId);
  return observations.filter(({ finding: f }) => f.template === w.template && f.ruleId === rule && (f.status === 'acknowledged'
    ? f.waivedAt === w.madeAt
    : w.problem !== undefined && w.madeAt === `metadata:${f.template}#${f.logicalId}`));
}

function findingKey(f: AuditFinding): string[] {
  return [f.template, f.logicalId, f.pack, f.ruleId, f.findingId ?? ''];
}

function resourceKey(f: AuditFinding): string {
  return `${f.template}\u0000${f.logicalId}`;
}

/** A namespaced property; its value made a valid OSCAL string (no leading, trailing or repeated whitespace). */
function prop(name: string, value: string, cls?: string): Prop {
  return { name, ns: OSCAL_PROP_NS, value: value.replace(/\s+/g, ' ').trim(), ...(cls !== undefined ? { class: cls } : {}) };
}

/** `{ key: items }`, or nothing: OSCAL arrays must not be empty. */
function nonEmpty<T>(key: string, items: readonly T[]): { [key: string]: readonly T[] } {
  return items.length > 0 ? { [key]: items } : {};
}

/**
 * Name-based UUIDs (RFC 4122 version 5, SHA-1). A subject keeps its UUID
 * across audits (OSCAL asks that of per-subject UUIDs): an observation's comes
 * from its template, resource and rule; the document's and the result's from
 * the set of templates audited.
 */
class UuidSource {
  /** What this audit covered: the tool and its templates, naming the document and the result. */
  public readonly audit: string[];
  private readonly used = new Set<string>();

  constructor(report: AuditReport) {
    this.audit = [report.tool.name, ...report.templates.map((t) => t.template)];
  }

  /** The UUID of this name. */
  public of(...name: string[]): string {
    return uuidV5(name.join('\u0000'));
  }

  /** The UUID of this name, or of it with a counter when the name was already used. */
  public unique(...name: string[]): string {
    let uuid = this.of(...name);
    for (let n = 1; this.used.has(uuid); n++) uuid = this.of(...name, String(n));
    this.used.add(uuid);
    return uuid;
  }
}

function uuidV5(name: string): string {
  const namespace = Buffer.from(UUID_NAMESPACE.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
