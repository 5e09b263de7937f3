import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The cfn-guard binary and AWS Control Tower proactive rules that `@cdklabs/cdk-validator-cfnguard` bundles. */
const PACKAGE = path.dirname(require.resolve('@cdklabs/cdk-validator-cfnguard/package.json'));
export const CFN_GUARD_RULES = path.join(PACKAGE, 'rules', 'control-tower', 'cfn-guard');

/** The bundled binary for this machine, or undefined where the package ships none. */
export function cfnGuardBinary(): string | undefined {
  const os = process.platform === 'darwin' ? 'macos' : process.platform === 'linux' ? 'ubuntu' : undefined;
  const arch = process.arch === 'arm64' ? 'aarch64' : process.arch === 'x64' ? 'x86_64' : undefined;
  if (!os || !arch) return undefined;
  const binary = path.join(PACKAGE, 'bin', os, arch, 'cfn-guard');
  return fs.existsSync(binary) ? binary : undefined;
}

/** One Control Tower proactive control that one resource fails. */
export interface GuardFailure {
  /** The control id, e.g. `CT.S3.PR.2`. */
  readonly control: string;
  readonly template: string;
  readonly logicalId: string;
  readonly resourceType: string;
}

/** Runs cfn-guard with the Control Tower rules on `templates` and lists every failing (control, resource). */
export function runCfnGuard(templates: readonly string[]): GuardFailure[] {
  const binary = cfnGuardBinary();
  if (!binary) throw new Error(`no cfn-guard binary for ${process.platform}/${process.arch} in ${PACKAGE}`);
  const args = ['validate', '--rules', CFN_GUARD_RULES, '--show-summary', 'none', '--output-format', 'json', '--structured'];
  for (const template of templates) args.push('--data', template);
  const run = spawnSync(binary, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  // cfn-guard exits 19 when a rule fails; anything else but 0 is a broken run.
  if (run.status !== 0 && run.status !== 19) throw new Error(`cfn-guard exited ${run.status}: ${run.stderr}`);
  const reports = JSON.parse(run.stdout) as Array<{ name: string; not_compliant: unknown[] }>;
  const failures = new Map<string, GuardFailure>();
  for (const report of reports) {
    const resources = (JSON.parse(fs.readFileSync(report.name, 'utf8')).Resources ?? {}) as Record<string, { Type: string }>;
    for (const rule of report.not_compliant) {
      const text = JSON.stringify(rule);
      const controls = new Set([...text.matchAll(/\[(CT\.[A-Z0-9]+\.PR\.\d+)\]/g)].map((m) => m[1]));
      const logicalIds = new Set([...text.matchAll(/\/Resources\/([A-Za-z0-9]+)/g)].map((m) => m[1]));
      for (const control of controls) {
        for (const logicalId of logicalIds) {
          const resourceType = resources[logicalId]?.Type ?? 'unknown';
          failures.set(`${control} ${report.name} ${logicalId}`, { control, template: report.name, logicalId, resourceType });
        }
      }
    }
  }
  return [...failures.values()].sort((a, b) => `${a.control}${a.template}${a.logicalId}`.localeCompare(`${b.control}${b.template}${b.logicalId}`));
}
