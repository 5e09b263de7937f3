import { GeneratedDocs, generateDocs, staleDocs } from '../../scripts/docs/generate';

/**
 * The generated documentation (rule reference, construct pages, control
 * index, thresholds, errors) is what `npm run docs` writes from the code
 * today, so `npm test` catches drift as CI's `npm run docs -- --check` does.
 * It replaces the tests that parsed the README's generated tables.
 */
describe('docs/', () => {
  let docs: GeneratedDocs;
  // The TypeScript program over the library and the scratch apps take a while on a busy machine.
  beforeAll(() => {
    docs = generateDocs();
  }, 600_000);

  test('every generator ran: no page is left out for a missing source', () => {
    expect(docs.problems).toEqual([]);
  });

  test('every generated page is up to date (run `npm run docs` to fix)', () => {
    expect(staleDocs(docs)).toEqual([]);
  });

  test('there is a page for every rule, every construct and every generated topic', () => {
    const pages = [...docs.pages.keys()];
    expect(pages).toEqual(expect.arrayContaining([
      'docs/rules/README.md', 'docs/rules/s3.md', 'docs/constructs/README.md', 'docs/constructs/secure-bucket.md',
      'docs/controls.md', 'docs/thresholds.md', 'docs/errors.md',
    ]));
    expect(docs.pages.get('docs/rules/s3.md')).toContain('## `ElectionBaseline-S3BucketVersioning`');
    expect(docs.pages.get('docs/constructs/election-function.md')).toMatch(/`NIST\.800\.53\.R5-LambdaInsideVPC` \| `Function` \| as the reference apps build it/);
  });
});
