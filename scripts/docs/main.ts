/**
 * `npm run docs`: writes the generated documentation (`docs/rules/`,
 * `docs/constructs/`, `docs/controls.md`, `docs/thresholds.md`,
 * `docs/errors.md`, the options block of `docs/cli.md`) from the sources.
 * `npm run docs -- --check` writes
 * nothing and exits 1 listing each stale page, as CI runs it.
 */
import { generateDocs, staleDocs, writeDocs } from './generate';

function main(args: readonly string[]): number {
  const docs = generateDocs();
  if (args.includes('--check')) {
    const stale = staleDocs(docs);
    for (const line of stale) console.error(`stale: ${line}`);
    if (stale.length > 0) console.error('Run `npm run docs` and commit the result.');
    else console.log(`docs: ${docs.pages.size} generated pages up to date`);
    return stale.length > 0 ? 1 : 0;
  }
  const problems = writeDocs(docs);
  for (const problem of problems) console.error(`cannot generate ${problem}`);
  console.log(`docs: ${docs.pages.size} generated pages written${problems.length > 0 ? `, ${problems.length} could not be generated` : ''}`);
  return problems.length > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
