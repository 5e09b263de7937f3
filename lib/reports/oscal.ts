import { AuditedTemplate, AuditFinding, AuditReport, AuditWaiver, UnjudgedType } from '../audit/model';
import { Control, ControlSource } from '../controls/catalogue';
import { controlStatuses, ControlStatus } from './control-status';
import { controlProp, Json, nonEmpty, OSCAL_VERSION, oscalControlId, prop, sourceClass, uuidV5 } from './oscal-common';
import { baseRuleId, PACK_TITLES, packsOf, templateUri, UNJUDGED_MEANING } from './report-data';

export { OSCAL_PROP_NS, OSCAL_VERSION } from './oscal-common';

/** The role of whoever approved a waiver, in the document's metadata and the risks' remediations. */
export const WAIVER_APPROVER_ROLE = 'waiver-approver';

/**
 * OSCAL 1.1.2 Assessment Results: the audit as one result whose observations
 * are the findings (one per violation, its subject the resource as an
 * inventory item, its evidence the template), whose findings are the assessed
 * controls, each with the status `controlStatuses` gives every format (target:
 * the control's assessment objective, `au-9.2_obj`), and whose risks are the
 * waivers: their justification, approver (a party in the metadata) and expiry
 * (the risk's deadline). What no rule judged is an observation per template
 * and resource type, with its count (not tied to a control: nothing assessed it).
 * Every UUID is name-based from the content, so the same audit renders the same document.
 */
export function renderOscal(report: AuditReport): string {
  const ids = new UuidSource(report);
  const tool = { uuid: ids.of('tool-component', report.tool.name), platform: ids.of('assessment-platform', report.tool.name) };
  const origins = [{ actors: [{ type: 'tool', 'actor-uuid': tool.uuid }] }];
  const observations = report.findings.map((f) => ({ finding: f, uuid: ids.unique('observation', ...findingKey(f)) }));
  const risks = report.waivers.map((w) => ({ waiver: w, uuid: ids.unique('risk', w.template, w.madeAt, w.ruleId) }));
  const statuses = controlStatuses(report);
  const approvers = approversOf(report);
  const planUuid = ids.of('assessment-plan-placeholder', ...ids.audit);
  const result: Json = {
    uuid: ids.of('result', ...ids.audit),
    title: `${report.tool.name} of ${report.summary.templates} CloudFormation template(s)`,
    description: `Automated examination of CloudFormation templates by ${report.tool.name} ${report.tool.version} with the rule packs `
      + `${packsOf(report).map((p) => PACK_TITLES[p]).join(', ') || '(none)'}: ${report.summary.errors} error(s), `
      + `${report.summary.warnings} warning(s), ${report.summary.acknowledged} acknowledged finding(s) over ${report.summary.resources} resource(s), `
      + `${report.summary.unjudged} of them judged by no rule.`,
    start: report.generatedAt,
    end: report.generatedAt,
    props: [
      prop('errors', String(report.summary.errors)),
      prop('warnings', String(report.summary.warnings)),
      prop('acknowledged', String(report.summary.acknowledged)),
      prop('resources', String(report.summary.resources)),
      prop('unjudged-resources', String(report.summary.unjudged)),
      prop('templates', String(report.summary.templates)),
      prop('as-of', report.asOf),
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
    'reviewed-controls': reviewedControls(statuses.map((s) => s.control)),
    ...nonEmpty('observations', [
      ...observations.map(({ finding, uuid }) => observation(finding, uuid, ids, origins, report.generatedAt)),
      ...report.templates.flatMap((t) => t.unjudged.map((u) => unjudgedObservation(t, u, ids.unique('unjudged', t.template, u.type), origins, report.generatedAt))),
    ]),
    ...nonEmpty('risks', risks.map(({ waiver, uuid }) => risk(waiver, uuid, ids, origins, observations))),
    ...nonEmpty('findings', statuses.map((status) => controlFinding(status, ids, origins, observations, risks))),
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
        ...approverMetadata(approvers, ids),
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
function reviewedControls(controls: readonly Control[]): Json {
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
      description: `Controls from sources with no OSCAL catalogue (${[...new Set(other.map((c) => c.sourceTitle))].join('; ')}), `
        + 'named by their catalogue ids in the control props.',
      props: other.map(controlProp),
    });
  }
  if (selections.length === 0) selections.push({ description: 'No rule that ran maps to a catalogue control.' });
  return { description: 'The controls the rules of the packs that ran map to.', 'control-selections': selections };
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

/** Resources of one type in one template that no rule of the packs that ran judged: examined, and nothing said of them. */
function unjudgedObservation(t: AuditedTemplate, u: UnjudgedType, uuid: string, origins: Json[], collected: string): Json {
  return {
    uuid,
    title: `Not judged: ${u.type} in ${t.stack} (${u.resources} resource(s))`,
    description: `${u.resources} resource(s) of type ${u.type} in template ${t.template}. ${UNJUDGED_MEANING}`,
    props: [
      prop('unjudged-type', u.type),
      prop('unjudged-resources', String(u.resources)),
      prop('stack', t.stack),
      prop('template', t.template),
    ].filter((p) => p.value !== ''),
    methods: ['EXAMINE'],
    origins,
    'relevant-evidence': [{ href: templateUri(t.template), description: `CloudFormation template ${t.template}.` }],
    collected,
  };
}

/**
 * A waiver as a risk. Sound and used: `deviation-approved`, its remediation the
 * accepted deviation, originated by the approver. With a problem (expired, too
 * short a reason, a rule that cannot be waived): `open`, its findings stay open.
 * Matching no finding: `closed`, nothing deviates under it. Its expiry is the
 * risk's deadline (the end of that day, UTC: the waiver holds through it).
 */
function risk(w: AuditWaiver, uuid: string, ids: UuidSource, origins: Json[], observations: ReadonlyArray<{ finding: AuditFinding; uuid: string }>): Json {
  const reason = w.reason.trim() === '' ? '(no reason given)' : w.reason;
  const covered = waivedObservations(w, observations);
  const controls = w.controls.length > 0 ? w.controls.join(', ') : 'none in the catalogue';
  const approver = approverOf(w);
  const deadline = deadlineOf(w);
  const status = w.problem !== undefined ? 'open' : w.findings === 0 ? 'closed' : 'deviation-approved';
  return {
    uuid,
    title: `Waiver of ${w.ruleId} (${w.madeAt})`,
    description: `${w.madeAt} waives ${w.ruleId} in stack ${w.stack} (template ${w.template}), covering ${w.findings} finding(s). `
      + `Made by the ${w.origin === 'library' ? 'library\'s own construct' : 'agency'}; `
      + `approved by ${approver ?? 'no one named'}; ${w.expires !== undefined ? `expires ${w.expires}` : 'no expiry given'}. `
      + `Controls waived: ${controls}. Reason given: ${reason}`,
    statement: status === 'open'
      ? `The waiver cannot be trusted: ${w.problem}. The findings it names stay open.`
      : status === 'closed'
        ? 'The waiver matches no finding: nothing deviates under it. Remove it, or correct its rule id or the resource it is on.'
        : `The waived resources do not meet ${w.controls.length > 0 ? controls : `rule ${w.ruleId}`}; the deviation was accepted with this justification: ${reason}`,
    props: [
      prop('rule-id', w.ruleId),
      prop('made-at', w.madeAt),
      prop('waiver-origin', w.origin),
      prop('waiver-reason', w.reason),
      prop('findings-covered', String(w.findings)),
      ...(approver !== undefined ? [prop('approved-by', approver)] : []),
      ...(w.expires !== undefined ? [prop('expires', w.expires)] : []),
      ...(w.expiry !== undefined ? [prop('expiry', w.expiry)] : []),
      ...w.controls.map((c) => prop('control', c)),
      ...(w.problem !== undefined ? [prop('waiver-problem', w.problem)] : []),
    ].filter((p) => p.value !== ''),
    status,
    origins,
    ...(deadline !== undefined ? { deadline } : {}),
    remediations: [remediation(w, status, reason, ids.of('remediation', uuid), approver === undefined ? undefined : ids.of('party', approver))],
    ...nonEmpty('related-observations', covered.map((o) => ({ 'observation-uuid': o.uuid }))),
  };
}

function remediation(w: AuditWaiver, status: string, reason: string, uuid: string, approverUuid: string | undefined): Json {
  if (status === 'open') {
    return { uuid, lifecycle: 'recommendation', title: 'Fix or remove the waiver', description: `${w.problem}. Reason given: ${reason}` };
  }
  if (status === 'closed') {
    return { uuid, lifecycle: 'recommendation', title: 'Remove the unused waiver', description: `It matches no finding of ${w.ruleId}. Reason given: ${reason}` };
  }
  return {
    uuid,
    lifecycle: 'completed',
    title: 'Deviation accepted by waiver',
    description: reason,
    ...(approverUuid !== undefined ? { origins: [{ actors: [{ type: 'party', 'actor-uuid': approverUuid, 'role-id': WAIVER_APPROVER_ROLE }] }] } : {}),
    ...(w.expiry === 'expiring' ? { remarks: `The waiver expires on ${w.expires}, within 30 days of the audit: renew it or fix the findings.` } : {}),
  };
}

/** The approver as the waiver names them, if it does. */
function approverOf(w: AuditWaiver): string | undefined {
  const name = w.approvedBy?.replace(/\s+/g, ' ').trim();
  return name === undefined || name === '' ? undefined : name;
}

/** The end of the expiry day in UTC, for an ISO date; nothing for no date (or one the engine would not have accepted). */
function deadlineOf(w: AuditWaiver): string | undefined {
  return w.expires !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(w.expires) ? `${w.expires}T23:59:59Z` : undefined;
}

/** Every approver the waivers name, once each, in the order they first appear. */
function approversOf(report: AuditReport): string[] {
  return [...new Set(report.waivers.map(approverOf).filter((a): a is string => a !== undefined))];
}

/** The waiver-approver role and one party per approver, with the parties responsible for that role. */
function approverMetadata(approvers: readonly string[], ids: UuidSource): Json {
  if (approvers.length === 0) return {};
  return {
    roles: [{
      id: WAIVER_APPROVER_ROLE,
      title: 'Waiver approver',
      description: 'Accepted the deviation a waiver records: named by the waiver\'s approvedBy.',
    }],
    parties: approvers.map((name) => ({
      uuid: ids.of('party', name),
      type: 'person',
      name,
      remarks: 'As the waiver names its approver: a person, or a role or board acting as one.',
    })),
    'responsible-parties': [{ 'role-id': WAIVER_APPROVER_ROLE, 'party-uuids': approvers.map((name) => ids.of('party', name)) }],
  };
}

/** One finding per assessed control, its target status the control's status (`controlStatuses`). */
function controlFinding(
  status: ControlStatus,
  ids: UuidSource,
  origins: Json[],
  observations: ReadonlyArray<{ finding: AuditFinding; uuid: string }>,
  risks: ReadonlyArray<{ waiver: AuditWaiver; uuid: string }>,
): Json {
  const { control } = status;
  const related = observations.filter(({ finding }) => finding.controls.includes(control.id));
  const relatedRisks = risks.filter(({ waiver }) => waivedObservations(waiver, related).length > 0);
  return {
    uuid: ids.of('finding', control.id),
    title: `${control.id}: ${control.title}`,
    description: `${related.length} violation(s) of rules mapped to ${control.id} (${control.sourceTitle}): `
      + `${status.openErrors.length} open error(s), ${status.openWarnings.length} open warning(s), `
      + `${status.acknowledged.length} acknowledged under waivers.`,
    props: [controlProp(control), prop('control-status', status.state)],
    origins,
    target: {
      type: 'objective-id',
      'target-id': `${oscalControlId(control)}_obj`,
      ...(control.oscalId === undefined ? { props: [controlProp(control)] } : {}),
      status: targetStatus(status),
    },
    ...nonEmpty('related-observations', related.map(({ uuid }) => ({ 'observation-uuid': uuid }))),
    ...nonEmpty('related-risks', relatedRisks.map(({ uuid }) => ({ 'risk-uuid': uuid }))),
  };
}

/** OSCAL has two states: a control with an open finding is not satisfied; one whose findings are all waived is, with the risks named. */
function targetStatus(status: ControlStatus): Json {
  switch (status.state) {
    case 'not-satisfied':
      return { state: 'not-satisfied', reason: 'fail' };
    case 'open-warnings':
      return { state: 'not-satisfied', reason: 'other', remarks: 'Only warnings are open: the audit passes at --fail-on error; see the related observations.' };
    case 'satisfied-with-risk':
      return { state: 'satisfied', reason: 'other', remarks: 'Every violation is covered by an accepted waiver: a deviation, listed with its owner and deadline in the related risks.' };
    case 'satisfied':
      return { state: 'satisfied', reason: 'pass' };
  }
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
