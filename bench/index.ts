/**
 * `npm run bench`: every benchmark, side by side, as Markdown on stdout;
 * with `--write`, also into bench/RESULTS.md.
 *
 *   npm run bench [-- --only synth|audit|report|corpus|statewide] [--reps 3] [--apps reference,1,10,50,100] [--public DIR] [--write]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { auditBench } from './audit-bench';
import { corpusBench } from './corpus-bench';
import { reportBench } from './report-bench';
import { statewideBench } from './statewide-bench';
import { option } from './stats';
import { synthBench } from './synth-bench';

function main(): void {
  const only = option('only', 'all');
  const command = `npm run bench --${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
  const out: string[] = [];
  // Lines go to stdout as they are measured, so a long run shows its progress.
  const push = out.push.bind(out);
  out.push = (...lines: string[]) => {
    process.stdout.write(lines.map((line) => `${line}\n`).join(''));
    return push(...lines);
  };
  out.push(
    '# Benchmarks',
    '',
    `Measured ${new Date().toISOString()} on ${os.cpus().length} x ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `${os.type()} ${os.release()}, node ${process.version}. Command: \`${command}\`.`,
    '',
  );
  if (only === 'all' || only === 'synth') synthBench(out);
  if (only === 'all' || only === 'audit') auditBench(out);
  if (only === 'all' || only === 'report') reportBench(out);
  if (only === 'all' || only === 'corpus') corpusBench(out);
  if (only === 'all' || only === 'statewide') statewideBench(out);
  if (process.argv.includes('--write')) fs.writeFileSync(path.join(__dirname, 'RESULTS.md'), `${out.join('\n')}\n`);
}

main();
