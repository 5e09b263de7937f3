import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { AuditPackName, AuditReport, WaiverOrigin } from './model';
import { LoadedTemplate } from './template-file';

/**
 * The evidence manifest of one deployment, written beside the reports: what
 * was judged (each template's SHA-256, so the state can prove the template a
 * stack set rolled out is the one audited), by what (each pack's version and
 * rule count), what each county gets, and every waiver with who approved it.
 * A state keeps it in its write-once log archive (NIST AU-9(2), CM-2; 52 U.S.C.
 * 20701). Schema: `schemas/evidence-manifest.schema.json`.
 */

/** The manifest's file name under `--out DIR` and `cdk.out/election-audit/`. */
export const EVIDENCE_MANIFEST_FILE = 'evidence-manifest.json';

/** The manifest's format version; a change that breaks readers raises it. */
export const EVIDENCE_MANIFEST_VERSION = 1;

/** The evidence manifest (see the schema for each field's meaning). */
export interface EvidenceManifest {
  readonly manifestVersion: number;
  readonly tool: { readonly name: string; readonly version: string };
  readonly generatedAt: string;
  readonly asOf: string;
  readonly packs: readonly { readonly name: AuditPackName; readonly version: string; readonly rules: number }[];
  readonly templates: readonly { readonly template: string; readonly stack: string; readonly sha256: string; readonly bytes: number }[];
  readonly deployments: readonly {
    readonly stackSet: string;
    readonly stackSetName?: string;
    readonly deploys?: string;
    readonly deploysSha256?: string;
    readonly targets: readonly {
      readonly county?: string;
      readonly accounts: readonly string[];
      readonly organizationalUnitIds: readonly string[];
      readonly accountFilterType?: string;
      readonly regions: readonly string[];
      readonly parameters: Readonly<Record<string, string>>;
      readonly problems: number;
    }[];
  }[];
  readonly waivers: readonly {
    readonly ruleId: string;
    readonly reason: string;
    readonly approvedBy?: string;
    readonly expires?: string;
    readonly origin: WaiverOrigin;
    readonly madeAt: string;
    readonly template: string;
    readonly findings: number;
    readonly problem?: string;
  }[];
  readonly summary: { readonly errors: number; readonly warnings: number; readonly acknowledged: number };
}

/** The manifest of an audit of `templates` (the files are hashed as they are now on disk). */
export function evidenceManifest(report: AuditReport, templates: readonly LoadedTemplate[]): EvidenceManifest {
  const hashed = templates.map((t) => {
    const bytes = fs.readFileSync(t.file);
    return { template: t.display, stack: t.stack, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
  }).sort((a, b) => compare(a.template, b.template));
  const hashOf = new Map(hashed.map((t) => [t.template, t.sha256]));
  return {
    manifestVersion: EVIDENCE_MANIFEST_VERSION,
    tool: report.tool,
    generatedAt: report.generatedAt,
    asOf: report.asOf,
    packs: report.packs.map((name) => ({
      name,
      version: name === 'election' ? report.tool.version : cdkNagVersion(),
      rules: report.rules.filter((r) => r.pack === name).length,
    })),
    templates: hashed,
    deployments: (report.deployments ?? []).map((d) => ({
      stackSet: `${d.template}#${d.logicalId}`,
      ...(d.stackSetName !== undefined ? { stackSetName: d.stackSetName } : {}),
      ...(d.deploys !== undefined ? { deploys: d.deploys } : {}),
      ...(d.deploys !== undefined && hashOf.has(d.deploys) ? { deploysSha256: hashOf.get(d.deploys) } : {}),
      targets: d.targets.map((t) => ({
        ...(t.county !== undefined ? { county: t.county } : {}),
        accounts: t.accounts,
        organizationalUnitIds: t.organizationalUnitIds,
        ...(t.accountFilterType !== undefined ? { accountFilterType: t.accountFilterType } : {}),
        regions: t.regions,
        parameters: t.parameters,
        problems: t.problems.length,
      })),
    })),
    waivers: report.waivers.map((w) => ({
      ruleId: w.ruleId,
      reason: w.reason,
      ...(w.approvedBy !== undefined ? { approvedBy: w.approvedBy } : {}),
      ...(w.expires !== undefined ? { expires: w.expires } : {}),
      origin: w.origin,
      madeAt: w.madeAt,
      template: w.template,
      findings: w.findings,
      ...(w.problem !== undefined ? { problem: w.problem } : {}),
    })),
    summary: { errors: report.summary.errors, warnings: report.summary.warnings, acknowledged: report.summary.acknowledged },
  };
}

/** The manifest as written: two-space indented JSON. */
export function renderEvidenceManifest(manifest: EvidenceManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

let nagVersion: string | undefined;

/** The installed cdk-nag's version: the AwsSolutions and NIST 800-53 rev 5 packs are its. */
function cdkNagVersion(): string {
  if (nagVersion === undefined) {
    const manifest = path.join(path.dirname(require.resolve('cdk-nag')), '..', 'package.json');
    nagVersion = fs.existsSync(manifest) ? String((JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version?: string }).version ?? 'unknown') : 'unknown';
  }
  return nagVersion;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
