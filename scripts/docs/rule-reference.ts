import * as fs from 'fs';
import * as path from 'path';
import { ControlCatalogue } from '../../lib/controls/catalogue';
import { ElectionRule, ruleId } from '../../lib/pack/election-rule';
import { ELECTION_RULES } from '../../lib/rules/index';
import { anchor, generatedNotice, page, ROOT, table } from './markdown';

/** One rule with where it lives: `lib/rules/<service>/<Name>.ts` and its test beside the mirror. */
interface PlacedRule {
  readonly rule: ElectionRule;
  readonly id: string;
  readonly service: string;
  readonly source: string;
  readonly test: string;
}

/** Each rule of the pack, in pack order, with its source and test file; a rule without either, or a rule file not registered, is an error. */
export function placedRules(): PlacedRule[] {
  const rulesDir = path.join(ROOT, 'lib/rules');
  const services = fs.readdirSync(rulesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const registered = new Set(ELECTION_RULES.map((rule) => rule.name));
  for (const service of services) {
    for (const file of fs.readdirSync(path.join(rulesDir, service)).filter((f) => f.endsWith('.ts'))) {
      if (!registered.has(path.basename(file, '.ts'))) throw new Error(`docs: lib/rules/${service}/${file} is not registered in ELECTION_RULES (lib/rules/index.ts)`);
    }
  }
  return ELECTION_RULES.map((rule) => {
    const service = services.find((s) => fs.existsSync(path.join(rulesDir, s, `${rule.name}.ts`)));
    if (!service) throw new Error(`docs: rule ${rule.name} has no file lib/rules/<service>/${rule.name}.ts`);
    const test = `test/rules/${service}/${rule.name}.test.ts`;
    if (!fs.existsSync(path.join(ROOT, test))) throw new Error(`docs: rule ${rule.name} has no test file ${test}`);
    return { rule, id: ruleId(rule), service, source: `lib/rules/${service}/${rule.name}.ts`, test };
  });
}

/** The page of a service's rules, relative to `docs/rules/`. */
export function servicePage(service: string): string {
  return `${service}.md`;
}

/** A link from `docs/<dir>/` to a rule's section of the reference. */
export function ruleLink(rule: PlacedRule, fromDocsSubdir: boolean): string {
  const prefix = fromDocsSubdir ? '../rules/' : 'rules/';
  return `[\`${rule.id}\`](${prefix}${servicePage(rule.service)}#${anchor(rule.id)})`;
}

function ruleSection(placed: PlacedRule): string {
  const { rule } = placed;
  const controls = table(
    ['control', 'title', 'source'],
    rule.controls.map((id) => {
      const control = ControlCatalogue.get(id);
      return [`\`${id}\``, control.title, control.sourceTitle];
    }),
  );
  return page(
    `## \`${placed.id}\``,
    table(['level', 'waivable', 'resource types'], [[rule.level, rule.waivable ? 'yes' : '**no**', rule.resourceTypes.map((t) => `\`${t}\``).join(', ')]]),
    `**Fires when:** ${rule.info}`,
    `**Why:** ${rule.explanation}`,
    rule.rationale ? `**Rationale.** ${rule.rationale}` : undefined,
    `**Controls**\n\n${controls}`,
    `Source: [\`${placed.source}\`](../../${placed.source}) · tests: [\`${placed.test}\`](../../${placed.test})`,
  );
}

/**
 * `docs/rules/README.md` (the intro from `docs/src/rules/README.md`, then
 * every rule in pack order) and one page per service with each rule in full,
 * then the service's notes on judgment from `docs/src/rules/<service>.md`.
 */
export function ruleReferencePages(): Map<string, string> {
  const rules = placedRules();
  const pages = new Map<string, string>();
  const intro = fs.readFileSync(path.join(ROOT, 'docs/src/rules/README.md'), 'utf8');
  const services = [...new Set(rules.map((r) => r.service))].sort();
  pages.set('docs/rules/README.md', page(
    generatedNotice('`lib/rules/**` and `docs/src/rules/README.md`'),
    intro,
    `## Every rule\n\n${rules.length} rules, in the order the pack applies them. By service: ${services.map((s) => `[${s}](${servicePage(s)})`).join(', ')}.`,
    table(
      ['rule', 'level', 'fires when', 'waivable'],
      rules.map((r) => [`[\`${r.id}\`](${servicePage(r.service)}#${anchor(r.id)})`, r.rule.level, r.rule.info, r.rule.waivable ? 'yes' : '**no**']),
    ),
  ));
  for (const service of services) {
    const own = rules.filter((r) => r.service === service);
    const notesPath = `docs/src/rules/${servicePage(service)}`;
    const notes = fs.existsSync(path.join(ROOT, notesPath)) ? fs.readFileSync(path.join(ROOT, notesPath), 'utf8') : undefined;
    pages.set(`docs/rules/${servicePage(service)}`, page(
      generatedNotice(`\`lib/rules/${service}/\`${notes ? ` and \`${notesPath}\`` : ''}`),
      `# Rules: ${service}`,
      `[All rules](README.md) · ${own.length} rule${own.length === 1 ? '' : 's'} in \`lib/rules/${service}/\`${notes ? ' · [notes on judgment](#notes-on-judgment)' : ''}.`,
      ...own.map(ruleSection),
      notes ? `## Notes on judgment\n\n${notes}` : undefined,
    ));
  }
  const orphans = fs.readdirSync(path.join(ROOT, 'docs/src/rules')).filter((f) => f !== 'README.md' && !services.includes(path.basename(f, '.md')));
  if (orphans.length > 0) throw new Error(`docs: docs/src/rules/${orphans.join(', ')} name no service of lib/rules/`);
  return pages;
}
