import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildReferenceApp } from '../../bin/reference-app';
import { cfnGuardBinary, runCfnGuard } from '../helpers/cfn-guard';

/**
 * An independent cross-check: the reference app's templates against the AWS
 * Control Tower proactive controls, run by the cfn-guard binary that
 * `@cdklabs/cdk-validator-cfnguard` bundles. Every control it fails is either
 * fixed in the constructs or listed, with its reason, in the table of
 * `docs/reference-app.md` between `<!-- cfn-guard:start -->` and `<!-- cfn-guard:end -->`.
 */
function listedExceptions(): Map<string, string> {
  const page = fs.readFileSync(path.join(__dirname, '../../docs/reference-app.md'), 'utf8');
  const block = page.slice(page.indexOf('<!-- cfn-guard:start -->'), page.indexOf('<!-- cfn-guard:end -->'));
  const rows = block.split('\n').filter((line) => /^\| `CT\./.test(line));
  return new Map(rows.map((row) => {
    const [, control, type, reason] = row.split('|').map((cell) => cell.trim().replace(/`/g, ''));
    return [`${control} ${type}`, reason];
  }));
}

const binary = cfnGuardBinary();
const describeWithGuard = binary ? describe : describe.skip;
if (!binary && process.env.CI) {
  // In CI a missing binary fails: skipped is not passed.
  test('the cfn-guard binary is there for this machine (CI must not skip the cross-check)', () => {
    throw new Error(`@cdklabs/cdk-validator-cfnguard ships no cfn-guard binary for ${process.platform}/${process.arch}`);
  });
} else if (!binary) console.warn(`cfn-guard cross-check skipped: @cdklabs/cdk-validator-cfnguard ships no binary for ${process.platform}/${process.arch}`);

describeWithGuard('the Control Tower proactive controls (cfn-guard) on the reference app', () => {
  const app = new App();
  buildReferenceApp(app);
  const assembly = app.synth();
  const templates = assembly.stacks.map((stack) => path.join(assembly.directory, stack.templateFile));
  const failures = runCfnGuard(templates);
  const failing = new Set(failures.map((f) => `${f.control} ${f.resourceType}`));
  const exceptions = listedExceptions();

  test('cfn-guard ran on every stack template', () => {
    expect(templates.length).toBeGreaterThanOrEqual(1);
  });

  test('every failing control is listed in docs/reference-app.md with a reason', () => {
    const unlisted = [...failing].filter((key) => !exceptions.has(key));
    expect(unlisted).toEqual([]);
    for (const reason of exceptions.values()) expect(reason.length).toBeGreaterThanOrEqual(40);
  });

  test('docs/reference-app.md lists no exception that no longer fails', () => {
    const stale = [...exceptions.keys()].filter((key) => !failing.has(key));
    expect(stale).toEqual([]);
  });
});
