/**
 * Catch rates on the project's corpus (test/corpus): for each insecure setup,
 * whether each tool raises an error on the resource at fault; for each secure
 * one, whether it raises any error. The tools are our election pack, the two
 * cdk-nag packs `election-audit` can run (AwsSolutions, NIST 800-53 rev 5) and
 * cfn-guard with the AWS Control Tower proactive rules that
 * `@cdklabs/cdk-validator-cfnguard` bundles.
 *
 * With `--public DIR`, also reads every template under DIR (public templates
 * no one here wrote, not kept in the repository) and counts how many the
 * auditor reads, refuses as bad input, or fails on inside.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseCloudFormationYaml } from '../lib/audit/cfn-yaml';
import { auditTemplates } from '../lib/audit/engine';
import { AuditInputError } from '../lib/audit/input-error';
import { loadTemplates } from '../lib/audit/inputs';
import { AuditPackName, AuditReport } from '../lib/audit/model';
import { CORPUS_DIR, corpusFiles, INSECURE } from '../test/corpus/corpus';
import { runCfnGuard } from '../test/helpers/cfn-guard';
import { option } from './stats';

/** The logical ids each tool raises an error on, for one template. */
type ErrorsAt = (half: string, file: string) => Set<string>;

/** What a template the tool refuses to read counts as: an error on no resource, and a failed secure setup. */
const REFUSED = '<refused>';

const packTool = (pack: AuditPackName): ErrorsAt => (half, file) => {
  let report: AuditReport;
  try {
    report = auditTemplates(loadTemplates([file], path.join(CORPUS_DIR, half)), { packs: [pack], generatedAt: '2026-01-01T00:00:00.000Z', toolVersion: 'bench' });
  } catch (error) {
    if (error instanceof AuditInputError) return new Set([REFUSED]);
    throw error;
  }
  // A resource SAM made is at fault where the vendor wrote the SAM resource it came from.
  return new Set(report.findings.filter((f) => f.level === 'error' && f.status === 'open').map((f) => f.madeFrom ?? f.logicalId));
};

/**
 * cfn-guard reads the template as written (it expands neither SAM nor language extensions); a YAML template is
 * handed to it as the same template in JSON, which is what our cfn-guard helper reads its findings back from.
 */
const guardTool: ErrorsAt = (half, file) => {
  let input = path.join(CORPUS_DIR, half, file);
  if (/\.ya?ml$/.test(file)) {
    const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-guard-')), file.replace(/\.ya?ml$/, '.json'));
    fs.writeFileSync(json, JSON.stringify(parseCloudFormationYaml(fs.readFileSync(input, 'utf8'), file).value));
    input = json;
  }
  return new Set(runCfnGuard([input]).map((f) => f.logicalId));
};

const TOOLS: ReadonlyArray<[string, ErrorsAt]> = [
  ['election-audit (election pack)', packTool('election')],
  ['cdk-nag AwsSolutions (through election-audit)', packTool('aws-solutions')],
  ['cdk-nag NIST.800.53.R5 (through election-audit)', packTool('nist-800-53-r5')],
  ['cfn-guard, Control Tower proactive rules', guardTool],
];

export function corpusBench(out: string[]): void {
  const insecure = corpusFiles('insecure');
  const secure = corpusFiles('secure');
  out.push(
    '## Catch rates on the corpus (issue 12)',
    '',
    `${insecure.length} insecure setups (each a secure one with one weakening; caught = an error on the resource at fault) and ` +
      `${secure.length} secure ones (any error is a false error), from test/corpus.`,
    '',
    '| tool | insecure caught | rate | secure with a false error |',
    '| --- | ---: | ---: | ---: |',
  );
  const missed: string[] = [];
  for (const [name, errorsAt] of TOOLS) {
    const caught = insecure.filter((file) => {
      const hit = [...errorsAt('insecure', file)].some((id) => INSECURE[file].at.includes(id));
      if (!hit && name.startsWith('election-audit')) missed.push(file);
      return hit;
    }).length;
    const falseErrors = secure.filter((file) => errorsAt('secure', file).size > 0).length;
    out.push(`| ${name} | ${caught} of ${insecure.length} | ${((100 * caught) / insecure.length).toFixed(0)}% | ${falseErrors} of ${secure.length} |`);
  }
  out.push('', missed.length ? `election-audit missed: ${missed.join(', ')}.` : 'election-audit caught every insecure setup.', '');
  const publicDir = option('public', '');
  if (publicDir) publicTemplates(out, publicDir);
}

/** Reads every template under `dir` the way `election-audit` does, one at a time, and counts the outcomes. */
function publicTemplates(out: string[], dir: string): void {
  const files = fs.readdirSync(dir).filter((f) => /\.(json|ya?ml|template)$/.test(f) && isTemplate(path.join(dir, f))).sort();
  const refused: string[] = [];
  const internal: string[] = [];
  let resources = 0;
  let sam = 0;
  const started = Date.now();
  for (const file of files) {
    try {
      const report = auditTemplates(loadTemplates([file], dir), { packs: ['election'], generatedAt: '2026-01-01T00:00:00.000Z', toolVersion: 'bench' });
      resources += report.summary.resources;
      if (/AWS::Serverless/.test(fs.readFileSync(path.join(dir, file), 'utf8'))) sam++;
    } catch (error) {
      (error instanceof AuditInputError ? refused : internal).push(`${file}: ${String((error as Error).message).split('\n')[0]}`);
    }
  }
  const seconds = (Date.now() - started) / 1000;
  out.push(
    `### Public templates under ${dir}`,
    '',
    `${files.length} templates, ${files.length - refused.length - internal.length} audited (${sam} of them SAM), ${resources} resources, ` +
      `${refused.length} refused as bad input, ${internal.length} failed inside; ${seconds.toFixed(1)} s in one process.`,
    '',
    ...[...refused, ...internal].map((line) => `- ${line}`),
    '',
  );
}

/** A file that declares resources with AWS types: a template, not an event payload or a config file. */
function isTemplate(file: string): boolean {
  const text = fs.readFileSync(file, 'utf8');
  return /\bResources\b/.test(text) && /AWS::[A-Za-z0-9]+::/.test(text);
}
