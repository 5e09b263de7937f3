import { AuditFinding, AuditReport } from '../../lib/audit/model';
import { ControlCatalogue } from '../../lib/controls/catalogue';
import { controlStatuses, ControlState } from '../../lib/reports/control-status';
import { sampleAuditReport } from '../fixtures/audit-report';

const stateOf = (report: AuditReport, id: string): ControlState | undefined => controlStatuses(report).find((s) => s.control.id === id)?.state;

/** The sample's finding of this rule on this resource. */
function findingOf(report: AuditReport, ruleId: string, logicalId: string): AuditFinding {
  return report.findings.find((f) => f.ruleId === ruleId && f.logicalId === logicalId)!;
}

describe('controlStatuses', () => {
  test('lists every control the rules or the findings map to, once, in catalogue order', () => {
    const report = sampleAuditReport();
    const ids = controlStatuses(report).map((s) => s.control.id);
    const mapped = new Set([...report.rules, ...report.findings].flatMap((r) => r.controls));
    expect(ids).toEqual(ControlCatalogue.all().map((c) => c.id).filter((id) => mapped.has(id)));
  });

  test('an open error makes its controls not satisfied, whatever else maps to them', () => {
    const report = sampleAuditReport();
    const tls = findingOf(report, 'ElectionBaseline-S3BucketTlsOnly', 'ResultsBucket');
    expect(tls).toMatchObject({ status: 'open', level: 'error' });
    for (const control of tls.controls) expect(stateOf(report, control)).toBe('not-satisfied');
    const status = controlStatuses(report).find((s) => s.control.id === 'NIST-800-53-r5:SC-8(1)')!;
    expect(status.openErrors).toEqual([tls]);
  });

  test('an open warning without an open error: open-warnings, not a failure', () => {
    const base = sampleAuditReport();
    const report: AuditReport = { ...base, findings: base.findings.filter((f) => f.level === 'warning') };
    expect(report.findings.some((f) => f.status === 'open' && f.controls.includes('NIST-800-53-r5:AU-12'))).toBe(true);
    expect(stateOf(report, 'NIST-800-53-r5:AU-12')).toBe('open-warnings');
  });

  test('findings all covered by sound waivers: satisfied with risk, an acknowledged error included', () => {
    const base = sampleAuditReport();
    const replication = findingOf(base, 'NIST.800.53.R5-S3BucketReplicationEnabled', 'RecordsBucket');
    const report: AuditReport = {
      ...base,
      findings: [{ ...replication, status: 'acknowledged', reason: 'Replication waits for the state recovery account.', waivedAt: 'construct:County/Records' }],
    };
    expect(replication.level).toBe('error');
    for (const control of replication.controls) expect(stateOf(report, control)).toBe('satisfied-with-risk');
  });

  test('a control no finding maps to is satisfied', () => {
    const base = sampleAuditReport();
    const report: AuditReport = { ...base, findings: [] };
    expect(controlStatuses(report).every((s) => s.state === 'satisfied')).toBe(true);
    expect(controlStatuses(report).length).toBeGreaterThan(0);
  });

  test('the finding of an expired waiver is open, so its control is not satisfied', () => {
    const report = sampleAuditReport();
    const expired = report.waivers.find((w) => w.expiry === 'expired')!;
    const reopened = report.findings.find((f) => f.ruleId === expired.ruleId && f.template === expired.template && f.status === 'open')!;
    expect(reopened.level).toBe('error');
    for (const control of reopened.controls) expect(stateOf(report, control)).toBe('not-satisfied');
  });

  test('ignores control ids the catalogue does not hold', () => {
    const base = sampleAuditReport();
    const report: AuditReport = { ...base, rules: [], findings: [{ ...base.findings[2], controls: ['NIST-800-53-r5:ZZ-99'] }] };
    expect(controlStatuses(report)).toEqual([]);
  });
});
