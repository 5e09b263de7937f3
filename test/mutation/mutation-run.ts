import * as fs from 'fs';
import * as path from 'path';
import { auditTemplates } from '../../lib/audit/engine';
import { loadTemplates } from '../../lib/audit/inputs';
import { AuditFinding, AuditReport } from '../../lib/audit/model';
import { CfnResource, CfnTemplate } from './construct-templates';
import { Mutation } from './mutations';

/** One mutated copy of a construct's template. */
export interface Variant {
  readonly construct: string;
  readonly mutation: string;
  /** The logical id it struck, with the spot inside it (`Acl[AWS-AWSManagedRulesSQLiRuleSet]`). */
  readonly target: string;
  readonly template: CfnTemplate;
}

/** What the audit made of one variant. */
export interface Verdict extends Omit<Variant, 'template'> {
  readonly killed: boolean;
  /** The new open errors (`logicalId rule`) and waiver problems that killed it. */
  readonly by: readonly string[];
}

/**
 * Every way `mutation` applies to `template`: one variant per matching
 * resource (and spot), at most `cap` of them, evenly spread so that the
 * first and last are always among them.
 */
export function variantsOf(construct: string, template: CfnTemplate, mutation: Mutation, cap: number): Variant[] {
  const places: Array<{ logicalId: string; spot?: string }> = [];
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    if (resource.Type !== mutation.type || !(mutation.applies?.(resource) ?? true)) continue;
    const spots = mutation.spots?.(resource);
    if (spots) spots.forEach((spot) => places.push({ logicalId, spot }));
    else places.push({ logicalId });
  }
  return spread(places, cap).map(({ logicalId, spot }) => {
    const copy = JSON.parse(JSON.stringify(template)) as CfnTemplate;
    mutation.edit(copy.Resources[logicalId] as CfnResource, { template: copy, logicalId, spot });
    if (JSON.stringify(copy) === JSON.stringify(template)) throw new Error(`${construct}: '${mutation.name}' changed nothing in ${logicalId}`);
    return { construct, mutation: mutation.name, target: spot ? `${logicalId}[${spot}]` : logicalId, template: copy };
  });
}

function spread<T>(items: T[], cap: number): T[] {
  if (items.length <= cap) return items;
  if (cap === 1) return [items[0]];
  return Array.from({ length: cap }, (_, i) => items[Math.round((i * (items.length - 1)) / (cap - 1))]);
}

/** The open errors and waiver problems of one template, as `logicalId ruleId[findingId]`. */
function errorsOf(report: AuditReport, display: string): Set<string> {
  const key = (f: AuditFinding) => `${f.logicalId} ${f.ruleId}${f.findingId ? `[${f.findingId}]` : ''}`;
  return new Set([
    ...report.findings.filter((f) => f.template === display && f.status === 'open' && f.level === 'error').map(key),
    ...report.waivers.filter((w) => w.template === display && w.problem).map((w) => `waiver ${w.ruleId} at ${w.madeAt}: ${w.problem}`),
  ]);
}

/** Audits templates the way `election-audit <files>` does (default pack `election`), all in one engine call. */
function audit(dir: string, files: string[]): AuditReport {
  return auditTemplates(loadTemplates(files, dir), { generatedAt: '2026-01-01T00:00:00.000Z', toolVersion: 'mutation' });
}

/**
 * Writes each unmutated template and every variant to `dir`, audits them,
 * and judges each variant against its construct's unmutated audit: killed
 * when it has an open error (or a waiver problem) the original did not.
 */
export function judgeVariants(dir: string, originals: ReadonlyMap<string, CfnTemplate>, variants: readonly Variant[]): {
  baseline: Map<string, string[]>;
  verdicts: Verdict[];
} {
  const write = (name: string, template: CfnTemplate) => {
    fs.writeFileSync(path.join(dir, name), JSON.stringify(template, null, 1));
    return name;
  };
  const originalFile = new Map([...originals].map(([construct, template], i) => [construct, write(`original-${i}.json`, template)]));
  const variantFiles = variants.map((v, i) => write(`variant-${i}.json`, v.template));
  const report = audit(dir, [...originalFile.values(), ...variantFiles]);
  const baseline = new Map([...originalFile].map(([construct, file]) => [construct, [...errorsOf(report, file)]]));
  const verdicts = variants.map(({ template: _template, ...variant }, i): Verdict => {
    const before = new Set(baseline.get(variant.construct));
    const by = [...errorsOf(report, variantFiles[i])].filter((error) => !before.has(error));
    return { ...variant, killed: by.length > 0, by };
  });
  return { baseline, verdicts };
}
