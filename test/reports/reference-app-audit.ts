import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildReferenceApp } from '../../bin/reference-app';
import { waiversAboveStacks } from '../../lib/audit/construct-waivers';
import { auditTemplates } from '../../lib/audit/engine';
import { loadTemplates } from '../../lib/audit/inputs';
import { AuditReport } from '../../lib/audit/model';

/** The reference app synthesized and audited under all three packs, as `cdk synth` would report it. */
export function auditReferenceApp(): AuditReport {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'election-audit-reports-'));
  try {
    const app = new App({ outdir: path.join(dir, 'cdk.out') });
    buildReferenceApp(app);
    app.synth();
    return auditTemplates(loadTemplates(['cdk.out'], dir), {
      packs: ['election', 'aws-solutions', 'nist-800-53-r5'],
      aboveStackWaivers: waiversAboveStacks(app),
      generatedAt: '2026-11-03T12:00:00.000Z',
      toolVersion: '0.0.0-test',
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
