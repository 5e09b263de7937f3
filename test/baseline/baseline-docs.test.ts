import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

// The thresholds page is generated from lib/baseline's doc comments: every exported fact needs one, and index.ts lists every file.
const dir = path.resolve(__dirname, '../../lib/baseline');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').sort();

/** The exported declarations of a file that carry no doc comment (`/** ... *\/`) of their own. */
function undocumentedExports(file: string): string[] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const undocumented: string[] = [];
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported || ts.isExportDeclaration(statement)) continue;
    const documented = (ts.getLeadingCommentRanges(text, statement.pos) ?? []).some((r) => text.startsWith('/**', r.pos));
    if (!documented) undocumented.push(`${file}: ${statement.getText(source).split('\n')[0]}`);
  }
  return undocumented;
}

test('lib/baseline holds files of facts', () => {
  expect(files).toEqual(expect.arrayContaining(['records-retention.ts', 'waf-preset.ts', 'api-throttling.ts']));
});

test.each(files)('every export of %s has a doc comment', (file) => {
  expect(undocumentedExports(file)).toEqual([]);
});

test('index.ts re-exports every file', () => {
  const index = fs.readFileSync(path.join(dir, 'index.ts'), 'utf8');
  const listed = [...index.matchAll(/^export \* from '\.\/([\w-]+)';$/gm)].map((m) => `${m[1]}.ts`).sort();
  expect(listed).toEqual(files);
});
