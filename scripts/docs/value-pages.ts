import * as fs from 'fs';
import * as path from 'path';
import { anchor, generatedNotice, page, ROOT, table } from './markdown';
import { enumMembers, exportedConsts, ValueDoc } from './typescript-api';

const BASELINE_DIR = 'lib/baseline';
const ERRORS_FILE = 'lib/validation-error.ts';

/** A value as the page shows it: inline when short, a JSON block otherwise; a function is a predicate. */
function shown(value: unknown): { inline?: string; block?: string } {
  if (typeof value === 'function') return { inline: '(a predicate: see its source)' };
  // By tag, not instanceof: under Jest the module runs in another realm, whose RegExp, Set and Map are other classes.
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object RegExp]') return { inline: `\`${String(value)}\`` };
  const plain = tag === '[object Set]' ? [...(value as Set<unknown>)] : tag === '[object Map]' ? Object.fromEntries(value as Map<string, unknown>) : value;
  const compact = JSON.stringify(plain);
  if (compact === undefined) return { inline: String(value) };
  return compact.length <= 80 ? { inline: `\`${compact}\`` } : { inline: 'below', block: `\`\`\`json\n${JSON.stringify(plain, null, 2)}\n\`\`\`` };
}

/**
 * `docs/thresholds.md`: every exported const of `lib/baseline/` (the one
 * home of the thresholds constructs and rules share), with its value and TSDoc.
 */
export function thresholdsPage(): Map<string, string> {
  const dir = path.join(ROOT, BASELINE_DIR);
  if (!fs.existsSync(dir)) throw new Error(`docs: ${BASELINE_DIR}/ does not exist, so docs/thresholds.md cannot be generated`);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();
  const sections: string[] = [];
  const rows: string[][] = [];
  for (const file of files) {
    const relative = `${BASELINE_DIR}/${file}`;
    const consts = exportedConsts(relative);
    if (consts.length === 0) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const module = require(path.join(ROOT, relative)) as Record<string, unknown>;
    sections.push(`## [\`${relative}\`](../${relative})`);
    for (const c of consts) {
      const value = shown(module[c.name]);
      rows.push([`[\`${c.name}\`](#${anchor(c.name)})`, value.inline ?? '', `\`${file}\``]);
      sections.push(page(`### ${c.name}`, c.description || '_No TSDoc._', value.block ?? `Value: ${value.inline}`).trim());
    }
  }
  if (rows.length === 0) throw new Error(`docs: ${BASELINE_DIR}/ exports no const`);
  return new Map([['docs/thresholds.md', page(
    generatedNotice(`the exported consts of \`${BASELINE_DIR}/\``),
    '# Thresholds and presets',
    `Every threshold, preset and list the constructs and the rules share, from \`${BASELINE_DIR}/\`: a construct refuses at synth exactly what a rule fails because both read the same constant here.`,
    table(['const', 'value', 'file'], rows),
    ...sections,
  )]]);
}

function errorRow(member: ValueDoc): string[] {
  return [`\`${member.name}\``, member.initializer ? `\`${member.initializer.replace(/^['"]|['"]$/g, '')}\`` : '', member.description];
}

/** `docs/errors.md`: each `ValidationErrorCode` a construct's validation error can carry, with its TSDoc. */
export function errorsPage(): Map<string, string> {
  if (!fs.existsSync(path.join(ROOT, ERRORS_FILE))) throw new Error(`docs: ${ERRORS_FILE} does not exist, so docs/errors.md cannot be generated`);
  const members = enumMembers(ERRORS_FILE, 'ValidationErrorCode');
  return new Map([['docs/errors.md', page(
    generatedNotice(`the TSDoc of \`ValidationErrorCode\` in \`${ERRORS_FILE}\``),
    '# Validation errors',
    `A construct given bad input throws at synth a validation error (\`${ERRORS_FILE}\`) whose message names the construct path, the prop, the value given and what is allowed, and whose \`code\` a program can branch on:`,
    table(['code', 'value', 'meaning'], members.map(errorRow)),
  )]]);
}
