/**
 * Preloaded (`-r`) into each hostile-input child: when the process exits, it
 * records whether anything reached Object.prototype, so the test can check
 * the audit's own process, not only its output.
 */
import * as fs from 'fs';

const before = Object.getOwnPropertyNames(Object.prototype).sort().join(',');

process.on('exit', () => {
  const report = process.env.PROTOTYPE_PROBE_FILE;
  if (!report) return;
  const polluted = ({} as Record<string, unknown>).polluted;
  const changed = Object.getOwnPropertyNames(Object.prototype).sort().join(',') !== before;
  fs.writeFileSync(report, JSON.stringify({ polluted: polluted === undefined ? null : String(polluted), changed }));
});
