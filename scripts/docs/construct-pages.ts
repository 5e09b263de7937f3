import * as fs from 'fs';
import * as path from 'path';
import { CONSTRUCT_CONTROLS } from '../../lib/controls/construct-controls';
import { ConstructAcknowledgment, constructAcknowledgments } from './construct-acknowledgments';
import { anchor, generatedNotice, page, ROOT, table } from './markdown';
import { ConstructDoc, exportedConstructs, PropDoc } from './typescript-api';

/** The page of a construct, relative to `docs/constructs/`: its source file's name (`secure-bucket.md`). */
export function constructPage(construct: Pick<ConstructDoc, 'source'>): string {
  return `${path.basename(construct.source, '.ts')}.md`;
}

/** Controls as prose cites them: NIST ids, CISA CPGs, CIS safeguards, 52 U.S.C. 20701, CIS benchmark items. */
const CONTROL_CITATION = /\b(?:[A-Z]{2}-\d+(?:\(\d+\))?(?![\d(])|CPG \d\.[A-Z]\b|52 U\.S\.C\. 20701\b|CIS (?:v8 )?\d+\.\d+\b)/g;

function citedControls(text: string): string {
  return [...new Set(text.match(CONTROL_CITATION) ?? [])].join(', ');
}

/** A `@default` tag split into the value and the why after the first `: ` (`Duration.days(730): 52 U.S.C. 20701 ...`). */
function splitDefault(prop: PropDoc): { value: string; why: string } {
  const text = prop.defaultText.replace(/^-\s*/, '');
  if (!prop.optional && text === '') return { value: '(required)', why: '' };
  const at = topLevelColon(text);
  return at < 0 ? { value: text, why: '' } : { value: text.slice(0, at), why: text.slice(at + 2) };
}

/** The first `: ` outside parentheses and backticks, where a default's value ends and its why begins; -1 if none. */
function topLevelColon(text: string): number {
  let depth = 0;
  let code = false;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text[i];
    if (c === '`') code = !code;
    else if (!code && c === '(') depth++;
    else if (!code && c === ')') depth = Math.max(0, depth - 1);
    else if (!code && depth === 0 && c === ':' && text[i + 1] === ' ') return i;
  }
  return -1;
}

function firstSentence(text: string): string {
  const match = /^[\s\S]*?[.!?](?=\s|$)/.exec(text.replace(/\s+/g, ' ').trim());
  return match ? match[0] : text.replace(/\s+/g, ' ').trim();
}

function threatTable(construct: ConstructDoc): string {
  return table(
    ['prop', 'default', 'threat and why', 'controls cited'],
    construct.props.map((prop) => {
      const { value, why } = splitDefault(prop);
      return [`[\`${prop.name}\`](#${anchor(prop.name)})`, value, why || firstSentence(prop.description), citedControls(`${prop.description} ${prop.defaultText}`)];
    }),
  );
}

function propSection(prop: PropDoc): string {
  const { value } = splitDefault(prop);
  return page(
    `### ${prop.name}`,
    `Type \`${prop.type}\`${prop.optional ? '' : ', required'}. Default: ${value || '—'}.${prop.declaredIn ? ` Declared in \`${prop.declaredIn}\`.` : ''}`,
    prop.description || '_No TSDoc._',
    prop.defaultText && prop.optional ? `**Default:** ${prop.defaultText.replace(/^-\s*/, '')}` : undefined,
    prop.see.length > 0 ? `See: ${prop.see.map((link) => (/^https?:\/\/\S+$/.test(link) ? `<${link}>` : link)).join(', ')}` : undefined,
  ).trim();
}

function exposesTable(construct: ConstructDoc): string {
  return table(['member', 'type', 'what it is'], construct.members.map((m) => [`\`${m.name}${m.kind === 'method' ? '()' : ''}\``, `\`${m.type}\``, m.description]));
}

function acknowledgmentsSection(acks: readonly ConstructAcknowledgment[]): string {
  if (acks.length === 0) return 'It makes none: any finding on its resources is reported as it is.';
  return page(
    'Each is recorded in the waiver register and shows in every report as a waiver made by the library (`library`) or, for an opt-out, at the agency\'s request (`agency`); `<path>` stands for the construct\'s path.',
    table(['acknowledges', 'made on', 'when', 'origin', 'reason'], acks.map((a) => [`\`${a.ruleId}\``, a.madeOn === '.' ? 'the construct (or its stack)' : `\`${a.madeOn}\``, a.when, a.origin, a.reason])),
  ).trim();
}

function controlsSection(name: string): string | undefined {
  const entry = CONSTRUCT_CONTROLS.find((c) => c.construct === name);
  if (!entry) return undefined;
  return page(`## Controls it implements\n\nFrom \`lib/controls/construct-controls.ts\` (the OSCAL component definition reads the same data).`,
    table(['control', 'how'], entry.controls.map((c) => [`[\`${c.control}\`](../controls.md#${anchor(c.control)})`, c.how])));
}

/** `docs/constructs/README.md` and one page per construct that `lib/index.ts` exports. */
export function constructPages(): Map<string, string> {
  const constructs = exportedConstructs();
  const acks = constructAcknowledgments(constructs.map((c) => c.name));
  const pages = new Map<string, string>();
  const orphans = fs.readdirSync(path.join(ROOT, 'docs/src/constructs')).filter((f) => f !== 'README.md' && !constructs.some((c) => constructPage(c) === f));
  if (orphans.length > 0) throw new Error(`docs: docs/src/constructs/${orphans.join(', ')} name no construct lib/index.ts exports`);
  for (const construct of constructs) {
    const file = constructPage(construct);
    const usagePath = `docs/src/constructs/${file}`;
    const usage = fs.existsSync(path.join(ROOT, usagePath)) ? fs.readFileSync(path.join(ROOT, usagePath), 'utf8') : undefined;
    pages.set(`docs/constructs/${file}`, page(
      generatedNotice(`the TSDoc of \`${construct.source}\`${usage ? ` and \`${usagePath}\`` : ''}`),
      `# \`${construct.name}\``,
      construct.description,
      `Source: [\`${construct.source}\`](../../${construct.source})${construct.propsInterface ? ` · props: \`${construct.propsInterface}\`` : ''} · [all constructs](README.md)`,
      construct.props.length > 0 ? `## Threats and defaults\n\n${threatTable(construct)}` : undefined,
      usage ? `## Usage\n\n${usage.replace(/^#(#*) /gm, '##$1 ')}` : undefined,
      construct.props.length > 0 ? `## Props\n\n${construct.props.map(propSection).join('\n\n')}` : undefined,
      `## What it exposes\n\n${exposesTable(construct)}`,
      controlsSection(construct.name),
      `## Acknowledgments it makes\n\n${acknowledgmentsSection(acks.get(construct.name) ?? [])}`,
    ));
  }
  pages.set('docs/constructs/README.md', page(
    generatedNotice('`lib/index.ts` and `docs/src/constructs/README.md`'),
    '# Constructs',
    'Every construct the library exports, one page each, generated from its props\' TSDoc: each prop\'s type, default and the threat and control behind it, what the construct exposes, the controls it implements and the acknowledgments it makes.',
    table(['construct', 'what it is'], constructs.map((c) => [`[\`${c.name}\`](${constructPage(c)})`, firstSentence(c.description)])),
    fs.readFileSync(path.join(ROOT, 'docs/src/constructs/README.md'), 'utf8'),
  ));
  return pages;
}
