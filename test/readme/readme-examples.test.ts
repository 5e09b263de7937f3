import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { App } from 'aws-cdk-lib';
import { openFindingsAtSynth } from '../helpers/three-packs';

/**
 * Every TypeScript example of the README and of every page under `docs/`, as
 * a user pastes it: type-checked against the package's entry point, run, and
 * synthesized with the packs it registers, so the documentation cannot rot.
 * `docs/src/` is left out: its parts are merged into generated pages, whose
 * examples are checked there (and `npm run docs -- --check` keeps them equal).
 */
const ROOT = path.join(__dirname, '../..');

interface Example {
  readonly name: string;
  readonly code: string;
}

/** README.md, then every Markdown page under `docs/` but `docs/src/`, as paths from the root. */
function documentationPages(): string[] {
  const pages = (fs.readdirSync(path.join(ROOT, 'docs'), { recursive: true }) as string[])
    .map((file) => path.join('docs', file).split(path.sep).join('/'))
    .filter((file) => file.endsWith('.md') && !file.startsWith('docs/src/'))
    .sort();
  return ['README.md', ...pages];
}

function tsExamples(page: string): Example[] {
  const markdown = fs.readFileSync(path.join(ROOT, page), 'utf8');
  const examples: Example[] = [];
  const fence = /^```(ts|typescript)\n([\s\S]*?)^```$/gm;
  for (let match = fence.exec(markdown); match; match = fence.exec(markdown)) {
    const line = markdown.slice(0, match.index).split('\n').length;
    const heading = [...markdown.slice(0, match.index).matchAll(/^#+ (.*)$/gm)].pop()?.[1] ?? 'top';
    examples.push({ name: `${page}:${line} (${heading})`, code: match[2] });
  }
  return examples;
}

const EXAMPLES = documentationPages().flatMap(tsExamples);
const PACKAGE = 'cdk-election-baseline';

/** Type errors of every example, compiled as separate modules with the package name mapped to `lib/index.ts`. */
function typeErrors(examples: readonly Example[]): string[] {
  const files = new Map(examples.map((e, i) => [path.join(ROOT, `docs-example-${i}.ts`), e]));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    baseUrl: ROOT,
    paths: { [PACKAGE]: ['lib/index.ts'] },
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => files.get(file)?.code ?? readFile(file);
  host.fileExists = (file) => files.has(file) || ts.sys.fileExists(file);
  host.getSourceFile = (file, language) => {
    const example = files.get(file);
    return example ? ts.createSourceFile(file, example.code, language, true) : getSourceFile(file, language);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  return ts.getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.has(d.file.fileName))
    .map((d) => {
      const example = files.get(d.file!.fileName)!;
      const { line } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
      return `${example.name} line ${line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}

/** Runs an example as a module whose `cdk-election-baseline` is this checkout, and returns the App it names `app`. */
function runExample(example: Example): App {
  const { outputText } = ts.transpileModule(`${example.code}\n;exports.__app = app;`, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const exports: Record<string, unknown> = {};
  // The example's own imports, resolved from this test as a user's app resolves them from node_modules.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = (name: string) => require(name === PACKAGE ? path.join(ROOT, 'lib') : name);
  new Function('exports', 'require', outputText)(exports, load);
  return exports.__app as App;
}

describe('README and docs examples', () => {
  test('there are TypeScript examples to check, in the README and in docs/', () => {
    expect(EXAMPLES.some((e) => e.name.startsWith('README.md:'))).toBe(true);
    expect(EXAMPLES.some((e) => e.name.startsWith('docs/'))).toBe(true);
  });

  test('every example compiles as a user would paste it', () => {
    expect(typeErrors(EXAMPLES)).toEqual([]);
  });

  test.each(EXAMPLES.map((e) => [e.name, e] as const))('%s registers the three packs and synthesizes clean', (_, example) => {
    expect(example.code).toMatch(/Validations\.of\(app\)\.addPlugins\(/);
    for (const pack of ['ElectionBaselineChecks', 'AwsSolutionsChecks', 'NIST80053R5Checks']) expect(example.code).toContain(`new ${pack}(`);
    const app = runExample(example);
    expect(app).toBeInstanceOf(App);
    expect(openFindingsAtSynth(app)).toEqual([]);
  });
});
