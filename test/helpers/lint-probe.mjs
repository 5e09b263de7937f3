// Runs ESLint's Node API outside Jest, whose CommonJS sandbox cannot import eslint.config.mjs.
// stdin: { "probes": [{ "file", "specifier" }], "tree": ["dir", ...] }; stdout: the no-restricted-imports messages of each.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import process from 'node:process';
import { ESLint } from 'eslint';

const root = process.cwd();
const { probes = [], tree = [] } = JSON.parse(readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: root });
const boundaryMessages = (messages) => messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);

const probed = [];
for (const { file, specifier } of probes) {
  const code = `import { anything } from '${specifier}';\nexport const used = anything;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  probed.push(boundaryMessages(result.messages));
}
const crossings = tree.length === 0 ? [] : (await eslint.lintFiles(tree)).flatMap((r) =>
  boundaryMessages(r.messages).map((message) => `${path.relative(root, r.filePath)}: ${message}`));
process.stdout.write(JSON.stringify({ probed, crossings }));
