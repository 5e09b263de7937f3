import * as fs from 'fs';
import * as path from 'path';
import { ControlCatalogue } from '../../lib/controls/catalogue';
import { CONSTRUCT_CONTROLS } from '../../lib/controls/construct-controls';
import { CONTROLS_UNUSED_BY_DESIGN } from '../../lib/controls/unused-by-design';
import { constructPage } from './construct-pages';
import { generatedNotice, page, ROOT } from './markdown';
import { placedRules, ruleLink } from './rule-reference';
import { ConstructDoc } from './typescript-api';

/**
 * `docs/controls.md`: for each control of the catalogue, the rules that
 * enforce it and the constructs that implement it, after the hand-written
 * intro in `docs/src/controls.md`.
 */
export function controlIndexPage(constructs: readonly ConstructDoc[]): Map<string, string> {
  const rules = placedRules();
  const intro = fs.readFileSync(path.join(ROOT, 'docs/src/controls.md'), 'utf8');
  const sections = ControlCatalogue.all().map((control) => {
    const enforcedBy = rules.filter((r) => r.rule.controls.includes(control.id)).map((r) => ruleLink(r, false));
    const implementedBy = CONSTRUCT_CONTROLS.filter((c) => c.controls.some((cc) => cc.control === control.id)).map((c) => {
      const doc = constructs.find((d) => d.name === c.construct);
      return doc ? `[\`${c.construct}\`](constructs/${constructPage(doc)})` : `\`${c.construct}\``;
    });
    const unused = CONTROLS_UNUSED_BY_DESIGN[control.id];
    return page(
      `### ${control.id}`,
      `**${control.title}** (${control.sourceTitle}, family \`${control.family}\`${control.oscalId ? `, OSCAL \`${control.oscalId}\`` : ''})`,
      `Rules: ${enforcedBy.length > 0 ? enforcedBy.join(', ') : unused ? `none by design: ${unused}` : 'none'}`,
      `Constructs: ${implementedBy.length > 0 ? implementedBy.join(', ') : 'none'}`,
    ).trim();
  });
  return new Map([['docs/controls.md', page(
    generatedNotice('`lib/controls/catalogue.ts`, `lib/controls/construct-controls.ts`, `lib/rules/**` and `docs/src/controls.md`'),
    intro,
    `## Control → rules → constructs\n\n${ControlCatalogue.all().length} controls, in catalogue order.`,
    ...sections,
  )]]);
}
