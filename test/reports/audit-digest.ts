import { createHash } from 'crypto';
import { AuditReport, AuditRule } from '../../lib/audit/model';
import { controlStatusRecords } from '../../lib/reports/control-status';

/**
 * What a golden of an audit compares: the verdicts, not the prose. Findings,
 * waivers, each control's status, the summary and each rule's facts (level,
 * waivable, controls), one record per line so a change is one line of a
 * diff. The rules' wording (messages, explanations, rationale) is pinned by
 * one hash, `ruleCatalogueHash`, kept apart, so rewording a rule changes one
 * line instead of every report format of the reference app.
 */
export interface AuditDigest {
  readonly summary: Readonly<Record<string, number>>;
  readonly findings: readonly DigestRecord[];
  readonly waivers: readonly DigestRecord[];
  readonly controls: readonly DigestRecord[];
  readonly rules: readonly DigestRecord[];
}

/** One finding, waiver, control or rule: its identity under `key`, then what is compared. */
export type DigestRecord = { readonly key: string } & Readonly<Record<string, unknown>>;

export function auditDigest(report: AuditReport): AuditDigest {
  return {
    summary: { ...report.summary },
    findings: uniqueKeys(report.findings.map((f) => record(findingKey(f.ruleId, f.findingId, f.stack, f.logicalId), {
      template: f.template,
      level: f.level,
      status: f.status,
      controls: f.controls,
      propertyPath: f.propertyPath,
      waivedAt: f.waivedAt,
    }))),
    waivers: uniqueKeys(report.waivers.map((w) => record(`${w.ruleId} at ${w.madeAt} (${w.template})`, {
      reason: w.reason,
      approvedBy: w.approvedBy,
      expires: w.expires,
      origin: w.origin,
      findings: w.findings,
      problem: w.problem,
      expiry: w.expiry,
    }))),
    controls: controlStatusRecords(report).map((c) => record(c.id, {
      status: c.status, openErrors: c.openErrors, openWarnings: c.openWarnings, acknowledged: c.acknowledged,
    })),
    rules: report.rules.map((r) => record(r.ruleId, { level: r.level, waivable: r.waivable, controls: r.controls })),
  };
}

/** Keys made unique (`#2`, `#3` on repeats), so no record hides behind another in a comparison. */
function uniqueKeys(records: DigestRecord[]): DigestRecord[] {
  const seen = new Map<string, number>();
  return records.map((r) => {
    const n = (seen.get(r.key) ?? 0) + 1;
    seen.set(r.key, n);
    return n === 1 ? r : { ...r, key: `${r.key} #${n}` };
  });
}

function findingKey(ruleId: string, findingId: string | undefined, stack: string, logicalId: string): string {
  return `${ruleId}${findingId !== undefined ? `[${findingId}]` : ''} ${stack}/${logicalId}`;
}

/** A record without its absent fields, so an absent one and a new optional field do not differ. */
function record(key: string, fields: Record<string, unknown>): DigestRecord {
  return { key, ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) };
}

/**
 * The SHA-256 of the rules' wording (message, explanation, rationale), in rule
 * id order: `<hex>  <n> rules`, the one line a wording change touches.
 */
export function ruleCatalogueHash(rules: readonly AuditRule[]): string {
  const wording = [...rules].sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0))
    .map((r) => [r.ruleId, r.message, r.explanation, r.rationale ?? null]);
  return `${createHash('sha256').update(JSON.stringify(wording)).digest('hex')}  ${rules.length} rules\n`;
}

/** The digest as JSON with one record per line (reviewable in a diff). */
export function renderDigest(digest: AuditDigest): string {
  const section = (records: readonly DigestRecord[]) => (records.length === 0 ? '[]' : `[\n${records.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]`);
  return `{\n  "summary": ${JSON.stringify(digest.summary)},\n`
    + `  "findings": ${section(digest.findings)},\n  "waivers": ${section(digest.waivers)},\n`
    + `  "controls": ${section(digest.controls)},\n  "rules": ${section(digest.rules)}\n}\n`;
}

/**
 * What changed from the golden digest to this one, a line each: `+ finding …`
 * appeared, `- finding …` disappeared, `~ finding …: status acknowledged → open`
 * changed; empty when nothing did.
 */
export function digestChanges(golden: AuditDigest, actual: AuditDigest): string[] {
  const lines: string[] = [];
  for (const name of new Set([...Object.keys(golden.summary), ...Object.keys(actual.summary)])) {
    if (golden.summary[name] !== actual.summary[name]) lines.push(`~ summary ${name}: ${golden.summary[name]} → ${actual.summary[name]}`);
  }
  const sections = ['findings', 'waivers', 'controls', 'rules'] as const;
  for (const section of sections) lines.push(...recordChanges(section.replace(/s$/, ''), golden[section], actual[section]));
  return lines;
}

function recordChanges(what: string, golden: readonly DigestRecord[], actual: readonly DigestRecord[]): string[] {
  const before = new Map(golden.map((r) => [r.key, r]));
  const after = new Map(actual.map((r) => [r.key, r]));
  const lines: string[] = [];
  for (const [key, was] of before) {
    const now = after.get(key);
    if (!now) lines.push(`- ${what} ${key} ${fieldsText(was)}`);
    else {
      const changed = [...new Set([...Object.keys(was), ...Object.keys(now)])]
        .filter((field) => JSON.stringify(was[field]) !== JSON.stringify(now[field]))
        .map((field) => `${field} ${JSON.stringify(was[field]) ?? '(absent)'} → ${JSON.stringify(now[field]) ?? '(absent)'}`);
      if (changed.length > 0) lines.push(`~ ${what} ${key}: ${changed.join('; ')}`);
    }
  }
  for (const [key, now] of after) if (!before.has(key)) lines.push(`+ ${what} ${key} ${fieldsText(now)}`);
  return lines;
}

function fieldsText(r: DigestRecord): string {
  const { key: _key, ...fields } = r;
  return JSON.stringify(fields);
}
