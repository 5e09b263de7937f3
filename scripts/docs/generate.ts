import * as fs from 'fs';
import * as path from 'path';
import { cliPage } from './cli-help';
import { constructPages } from './construct-pages';
import { controlIndexPage } from './control-index';
import { ROOT } from './markdown';
import { ruleReferencePages } from './rule-reference';
import { exportedConstructs } from './typescript-api';
import { errorsPage, thresholdsPage } from './value-pages';

/** The generated pages by path from the repository root, and what could not be generated. */
export interface GeneratedDocs {
  readonly pages: ReadonlyMap<string, string>;
  readonly problems: readonly string[];
}

/** Directories whose every `.md` file is generated: a file there the generator does not write is stale. */
const GENERATED_DIRS = ['docs/rules', 'docs/constructs'];

const GENERATORS: ReadonlyArray<readonly [string, () => Map<string, string>]> = [
  ['rule reference', ruleReferencePages],
  ['construct pages', constructPages],
  ['control index', () => controlIndexPage(exportedConstructs())],
  ['thresholds', thresholdsPage],
  ['errors', errorsPage],
  ['CLI options', cliPage],
];

/** Every generated page. A generator that fails is a problem to report, never a page silently left out. */
export function generateDocs(): GeneratedDocs {
  const pages = new Map<string, string>();
  const problems: string[] = [];
  for (const [name, generate] of GENERATORS) {
    try {
      for (const [file, content] of generate()) pages.set(file, content);
    } catch (error) {
      problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { pages, problems };
}

function onDisk(file: string): string | undefined {
  const full = path.join(ROOT, file);
  return fs.existsSync(full) ? fs.readFileSync(full, 'utf8') : undefined;
}

/** Generated-only files on disk that no generator writes any more. */
function leftovers(pages: ReadonlyMap<string, string>): string[] {
  return GENERATED_DIRS.flatMap((dir) => {
    const full = path.join(ROOT, dir);
    if (!fs.existsSync(full)) return [];
    return fs.readdirSync(full).filter((f) => f.endsWith('.md')).map((f) => `${dir}/${f}`).filter((f) => !pages.has(f));
  });
}

/**
 * What `npm run docs -- --check` reports: each page that is missing or differs
 * from what the generator writes, each leftover page, and each generator
 * problem. Empty when the docs are up to date.
 */
export function staleDocs(docs: GeneratedDocs = generateDocs()): string[] {
  const stale = [...docs.pages].filter(([file, content]) => onDisk(file) !== content).map(([file]) => `${file}: ${onDisk(file) === undefined ? 'missing' : 'out of date'}`);
  return [...stale, ...leftovers(docs.pages).map((f) => `${f}: no longer generated`), ...docs.problems.map((p) => `cannot generate ${p}`)];
}

/** Writes every generated page and removes leftovers; returns the problems (nothing written for them). */
export function writeDocs(docs: GeneratedDocs = generateDocs()): readonly string[] {
  for (const [file, content] of docs.pages) {
    fs.mkdirSync(path.dirname(path.join(ROOT, file)), { recursive: true });
    if (onDisk(file) !== content) fs.writeFileSync(path.join(ROOT, file), content);
  }
  for (const file of leftovers(docs.pages)) fs.rmSync(path.join(ROOT, file));
  return docs.problems;
}
