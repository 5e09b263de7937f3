import * as fs from 'fs';
import * as path from 'path';
import { anchor } from '../../scripts/docs/markdown';

/**
 * Every relative link of the README and of `docs/` reaches a file of the
 * repository, and a link to a heading (`reports.md#at-synth`) reaches one
 * that exists: the README's sections moved into `docs/`, and a moved
 * heading must not leave a dead link behind. `docs/src/` is checked where
 * the generator merges it, in the generated pages.
 */
const ROOT = path.join(__dirname, '../..');

function pages(): string[] {
  const docs = (fs.readdirSync(path.join(ROOT, 'docs'), { recursive: true }) as string[])
    .map((file) => path.join('docs', file).split(path.sep).join('/'))
    .filter((file) => file.endsWith('.md') && !file.startsWith('docs/src/'));
  return ['README.md', ...docs];
}

/** The text outside fenced code blocks and code spans, where a link is a link. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```$/gm, '').replace(/`[^`\n]*`/g, '');
}

function headingAnchors(file: string): Set<string> {
  const markdown = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/^```[\s\S]*?^```$/gm, '');
  return new Set([...markdown.matchAll(/^#+ (.*)$/gm)].map((m) => anchor(m[1])));
}

function deadLinks(page: string): string[] {
  const dead: string[] = [];
  const from = path.dirname(page);
  for (const [, target] of prose(fs.readFileSync(path.join(ROOT, page), 'utf8')).matchAll(/\]\(([^)\s]+)\)/g)) {
    if (/^[a-z]+:/.test(target)) continue;
    const [file, hash] = target.split('#');
    const resolved = file === '' ? page : path.join(from, file).split(path.sep).join('/');
    if (!fs.existsSync(path.join(ROOT, resolved))) dead.push(`${page}: ${target} (no file ${resolved})`);
    else if (hash && resolved.endsWith('.md') && !headingAnchors(resolved).has(hash)) dead.push(`${page}: ${target} (no heading #${hash} in ${resolved})`);
  }
  return dead;
}

describe('links in the README and docs/', () => {
  test('there are pages to check', () => {
    expect(pages()).toEqual(expect.arrayContaining(['README.md', 'docs/README.md', 'docs/rules/README.md']));
  });

  test('every relative link reaches a file, and every heading link a heading', () => {
    expect(pages().flatMap(deadLinks)).toEqual([]);
  });
});
