/**
 * Where ElectionBaselineChecks spends its time: synthesizes a statewide app of
 * N county stacks, then profiles the pack's `validate` as synth calls it (with
 * the templates just written) and `validateScope` as tests call it (rendering
 * the tree), writing V8 CPU profiles to bench/out/ (open them in Chrome
 * DevTools) and printing the functions with the most self time.
 *
 *   npm run bench:profile [-- --counties 20 --passes 5]
 */
import * as fs from 'fs';
import { Session } from 'inspector';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { ElectionBaselineChecks } from '../lib/election-baseline-checks';
import { CountyStack } from './county-stack';
import { option } from './stats';
import { synthContext } from './synth-context';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

const ROOT = path.join(__dirname, '..');
const OUT = path.join(__dirname, 'out');

function profile(session: Session, run: () => void): Promise<CpuProfile> {
  return new Promise((resolve, reject) => {
    session.post('Profiler.start', () => {
      run();
      session.post('Profiler.stop', (error, result) => (error ? reject(error) : resolve(result.profile as unknown as CpuProfile)));
    });
  });
}

/** Self time per function, in ms, most first. */
function selfTimes(profile: CpuProfile): Array<[string, number]> {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url.includes('node_modules/') ? url.replace(/^.*node_modules\//, '') : url.replace(`file://${ROOT}/`, '');
    const key = `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (byNode.get(node.id) ?? 0) / 1000);
  }
  return [...byFunction].sort((x, y) => y[1] - x[1]);
}

async function main(): Promise<void> {
  const counties = Number(option('counties', '20'));
  const passes = Number(option('passes', '5'));
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'));
  const app = new App({ outdir, context: JSON.parse(fs.readFileSync(path.join(__dirname, '../cdk.json'), 'utf8')).context });
  for (let i = 1; i <= counties; i++) new CountyStack(app, `County${i}`);
  const assembly = app.synth();
  const context = synthContext(app, assembly);
  const resources = assembly.stacks.reduce((n, s) => n + Object.keys(s.template.Resources ?? {}).length, 0);

  const session = new Session();
  session.connect();
  await new Promise<void>((resolve) => session.post('Profiler.enable', () => resolve()));
  fs.mkdirSync(OUT, { recursive: true });
  const entries: Array<[string, () => unknown]> = [
    ['validate', () => new ElectionBaselineChecks().validate(context)],
    ['validateScope', () => new ElectionBaselineChecks().validateScope(app)],
  ];
  for (const [name, run] of entries) {
    run(); // warm up
    const start = process.hrtime.bigint();
    const result = await profile(session, () => {
      for (let p = 0; p < passes; p++) run();
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6 / passes;
    const file = path.join(OUT, `election-${name}-${counties}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(result));
    console.log(`\n${name}: ${ms.toFixed(0)} ms per pass over ${resources} resources (profiled, so slower than unprofiled); ${path.relative(process.cwd(), file)}`);
    for (const [fn, selfMs] of selfTimes(result).slice(0, 15)) console.log(`${(selfMs / passes).toFixed(1).padStart(8)} ms  ${fn}`);
  }
  session.disconnect();
  fs.rmSync(outdir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
