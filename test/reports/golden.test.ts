import * as fs from 'fs';
import * as path from 'path';
import { AuditReport } from '../../lib/audit/model';
import { renderHtml } from '../../lib/reports/html';
import { renderOscal } from '../../lib/reports/oscal';
import { renderSarif } from '../../lib/reports/sarif';
import { sampleAuditReport } from '../fixtures/audit-report';

/** Golden files of the sample audit; `UPDATE_GOLDEN=1 npx jest test/reports/golden.test.ts` rewrites them after a deliberate change. */
const GOLDEN = path.join(__dirname, '..', 'golden', 'reports');
const update = process.env.UPDATE_GOLDEN === '1';

const FORMATS: ReadonlyArray<[string, (report: AuditReport) => string]> = [
  ['sample.sarif', renderSarif],
  ['sample.oscal.json', renderOscal],
  ['sample.html', renderHtml],
];

describe('report golden files', () => {
  test.each(FORMATS)('%s is unchanged', (file, render) => {
    const rendered = render(sampleAuditReport());
    const golden = path.join(GOLDEN, file);
    if (update) {
      fs.mkdirSync(GOLDEN, { recursive: true });
      fs.writeFileSync(golden, rendered);
    }
    if (!fs.existsSync(golden)) throw new Error(`${golden} is missing: run UPDATE_GOLDEN=1 npx jest test/reports/golden.test.ts`);
    expect(rendered).toBe(fs.readFileSync(golden, 'utf8'));
  });
});
