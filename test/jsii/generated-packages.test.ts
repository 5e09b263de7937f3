import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { AssemblyType, LANGUAGE_BINDINGS } from './language-bindings';

/**
 * Python, Java, .NET and Go users get the library through the packages
 * jsii-pacmak generates from the jsii assembly. Every name lib/index.ts
 * exports must reach the assembly, and every type of the assembly must be
 * declared, and bound to its jsii name, in the sources of each language.
 */
const root = path.join(__dirname, '../..');
const assemblyFile = path.join(root, '.jsii');
const packagesDir = path.join(root, 'dist-packages');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
/** One file each target always writes, to tell whether the packages were generated and when. */
const MARKERS: Record<string, string> = { python: 'python/setup.py', java: 'java/pom.xml', dotnet: `dotnet/${pkg.jsii.targets.dotnet.packageId}/${pkg.jsii.targets.dotnet.packageId}.csproj`, go: 'go/cdkelectionbaseline/go.mod' };

function newestSourceChange(): number {
  const sources = ['lib', 'constructs'].flatMap((dir) => fs.readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts')).map((f) => path.join(root, dir, f)));
  return Math.max(...[...sources, path.join(root, 'package.json'), path.join(root, 'tsconfig.jsii.json')].map((f) => fs.statSync(f).mtimeMs));
}

function generatedAt(): number {
  const outputs = [assemblyFile, ...Object.values(MARKERS).map((m) => path.join(packagesDir, m))];
  return outputs.every((f) => fs.existsSync(f)) ? Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs)) : -Infinity;
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

const moduleFile = (from: string, specifier: ts.Expression) => path.resolve(path.dirname(from), `${(specifier as ts.StringLiteral).text}.ts`);

/** The class, interface or enum `name` of `file`, following re-exports (`export { X } from`, `import { X }; export { X }`). */
function declarationOf(file: string, name: string): ts.Statement {
  const statements = parse(file).statements;
  const own = statements.find((s) => (ts.isClassDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isEnumDeclaration(s)) && s.name?.text === name);
  if (own) return own;
  for (const s of statements) {
    const element = ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause)
      ? s.exportClause.elements.find((e) => e.name.text === name) : undefined;
    if (!element || !ts.isExportDeclaration(s)) continue;
    const local = element.propertyName?.text ?? name;
    if (s.moduleSpecifier) return declarationOf(moduleFile(file, s.moduleSpecifier), local);
    const imported = statements.filter(ts.isImportDeclaration).find((i) => i.importClause?.namedBindings && ts.isNamedImports(i.importClause.namedBindings)
      && i.importClause.namedBindings.elements.some((b) => b.name.text === local));
    const binding = imported && (imported.importClause!.namedBindings as ts.NamedImports).elements.find((b) => b.name.text === local)!;
    if (imported && binding) return declarationOf(moduleFile(file, imported.moduleSpecifier), binding.propertyName?.text ?? local);
  }
  throw new Error(`${path.relative(root, file)} declares no class, interface or enum ${name}`);
}

/** Whether `name` of `file` carries `@jsii ignore`: public to TypeScript, off the jsii surface (an Error subclass). */
function jsiiIgnored(file: string, name: string): boolean {
  return ts.getJSDocTags(declarationOf(file, name)).some((t) => t.tagName.text === 'jsii' && /^ignore\b/.test(ts.getTextOfJSDocComment(t.comment) ?? ''));
}

/** The names lib/index.ts exports for jsii, read from its syntax (the public API is re-exports only). */
function publicApiNames(): string[] {
  const index = path.join(root, 'lib/index.ts');
  return parse(index).statements.flatMap((s) => {
    if (!ts.isExportDeclaration(s)) return [];
    if (!s.exportClause || !ts.isNamedExports(s.exportClause) || !s.moduleSpecifier || !ts.isStringLiteral(s.moduleSpecifier)) {
      throw new Error(`lib/index.ts: re-export named types from a module, not '${s.getText()}'`);
    }
    const file = moduleFile(index, s.moduleSpecifier);
    return s.exportClause.elements.map((e) => e.name.text).filter((name) => !jsiiIgnored(file, name));
  });
}

function assemblyTypes(): AssemblyType[] {
  const assembly = JSON.parse(fs.readFileSync(assemblyFile, 'utf8'));
  return Object.values(assembly.types as Record<string, { name: string; fqn: string; kind: string; datatype?: boolean }>)
    .map(({ name, fqn, kind, datatype }) => ({ name, fqn, kind: kind === 'interface' ? (datatype ? 'struct' : 'interface') : kind as 'class' | 'enum' }));
}

let types: AssemblyType[];

beforeAll(() => {
  // CI generates them first (.ci/run); a fresh clone or an edited source regenerates here.
  if (generatedAt() < newestSourceChange()) {
    const generate = spawnSync('npm', ['run', '--silent', 'package:jsii'], {
      cwd: root, encoding: 'utf8', env: { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' },
    });
    if (generate.status !== 0) throw new Error(`npm run package:jsii failed:\n${generate.stdout}${generate.stderr}`);
  }
  types = assemblyTypes();
}, 600_000);

describe('the jsii assembly', () => {
  test('holds exactly the names lib/index.ts exports, but those marked @jsii ignore', () => {
    expect(types.map((t) => t.name).sort()).toEqual([...new Set(publicApiNames())].sort());
  });

  test('has the pack, the constructs, their props and the enums', () => {
    const kindOf = new Map(types.map((t) => [t.name, t.kind]));
    expect(kindOf.get('ElectionBaselineChecks')).toBe('class');
    expect(kindOf.get('ElectionRecordsBucket')).toBe('class');
    expect(kindOf.get('SecureBucketProps')).toBe('struct');
    expect(kindOf.get('DataClass')).toBe('enum');
  });

  test('is named for each target as package.json says', () => {
    const assembly = JSON.parse(fs.readFileSync(assemblyFile, 'utf8'));
    expect(assembly.targets).toEqual({ ...pkg.jsii.targets, js: { npm: pkg.name } });
    expect(Object.keys(assembly.dependencies).sort()).toEqual(['aws-cdk-lib', 'cdk-nag', 'constructs']);
  });
});

describe.each(LANGUAGE_BINDINGS.map((b) => [b.language, b] as const))('the generated %s package', (language, binding) => {
  let source: string;

  beforeAll(() => {
    const languageDir = path.join(packagesDir, language);
    source = binding.sourceFiles(languageDir).map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  });

  test('declares every class, struct, interface and enum of the assembly, bound to its jsii name', () => {
    const missing = types.flatMap((type) => binding.declarations(type)
      .filter((pattern) => !pattern.test(source))
      .map((pattern) => `${type.kind} ${type.name}: ${pattern}`));
    expect(missing).toEqual([]);
  });

  test('binds exactly the types of the assembly, no stale or stray one', () => {
    const bound = new Set(source.match(new RegExp(`"${pkg.name}\\.\\w+"`, 'g'))?.map((q) => q.slice(1, -1)));
    expect([...bound].sort()).toEqual(types.map((t) => t.fqn).sort());
  });
});
