/**
 * Rewrites the README's rule table (between `<!-- rules:start -->` and
 * `<!-- rules:end -->`) from `ElectionBaselineChecks.rules()`, the table's
 * single source. A test fails when the two disagree.
 *
 *   npm run docs:rules
 */
import * as fs from 'fs';
import * as path from 'path';
import { ElectionBaselineChecks } from '../lib/election-baseline-checks';

const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';

/** The table rows, one per rule, as the README test expects them. */
export function ruleTable(): string {
  const rows = ElectionBaselineChecks.rules().map(
    (r) => `| \`${r.id}\` | ${r.level} | ${r.info} | ${r.controls.join(', ')} | ${r.waivable ? 'yes' : '**no**'} |`,
  );
  return ['| rule | level | fires when | controls | waivable |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

if (require.main === module) {
  const file = path.join(__dirname, '../README.md');
  const readme = fs.readFileSync(file, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} block`);
  fs.writeFileSync(file, `${readme.slice(0, start + START.length)}\n${ruleTable()}\n${readme.slice(end)}`);
  console.log(`README rule table: ${ElectionBaselineChecks.rules().length} rules`);
}
