import * as fs from 'fs';
import * as path from 'path';
import { staleDocs } from '../../scripts/docs/generate';

/** What `npm run docs -- --check` reports, on pages made up for the test (nothing is written). */
describe('the docs check', () => {
  const root = path.join(__dirname, '../..');
  const onDisk = fs.readFileSync(path.join(root, 'docs/rules/README.md'), 'utf8');

  test('a page equal to what is on disk is up to date', () => {
    const stale = staleDocs({ pages: new Map([['docs/rules/README.md', onDisk]]), problems: [] });
    expect(stale.filter((line) => line.startsWith('docs/rules/README.md'))).toEqual([]);
  });

  test('a page that differs, a page not on disk and a generator problem are each reported', () => {
    const stale = staleDocs({
      pages: new Map([['docs/rules/README.md', `${onDisk}drift\n`], ['docs/rules/no-such-service.md', '# none\n']]),
      problems: ['errors: docs: lib/validation-error.ts does not exist'],
    });
    expect(stale).toEqual(expect.arrayContaining([
      'docs/rules/README.md: out of date',
      'docs/rules/no-such-service.md: missing',
      'cannot generate errors: docs: lib/validation-error.ts does not exist',
    ]));
  });

  test('a page left in a generated directory that no generator writes is stale', () => {
    const stale = staleDocs({ pages: new Map([['docs/rules/README.md', onDisk]]), problems: [] });
    expect(stale).toContain('docs/rules/s3.md: no longer generated');
    expect(stale).toContain('docs/constructs/secure-bucket.md: no longer generated');
  });
});
