import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { AuditReport } from '../../lib/audit/model';
import { controlStatuses } from '../../lib/reports/control-status';
import { OSCAL_PROP_NS, OSCAL_VERSION, renderOscal, WAIVER_APPROVER_ROLE } from '../../lib/reports/oscal';
import { hostileAuditReport, sampleAuditReport } from '../fixtures/audit-report';
import { errorsOf, oscalValidator, readSchema } from './schema-validators';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Oscal = any;

const documentOf = (report: AuditReport): Oscal => JSON.parse(renderOscal(report))['assessment-results'];
const resultOf = (report: AuditReport): Oscal => documentOf(report).results[0];

/** Every `uuid` value anywhere in the document. */
function uuidsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(uuidsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => (key === 'uuid' && typeof v === 'string' ? [v] : uuidsIn(v)));
}

describe('the shipped OSCAL schema', () => {
  test('is NIST\'s OSCAL 1.1.2 assessment-results release asset, byte for byte', () => {
    const file = path.join(__dirname, '..', '..', 'schemas', 'oscal-assessment-results-1.1.x.schema.json');
    expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe('d033da70154cf6625ae46a746199e88e58f2928b1387dfac051d381b92f41b0d');
    expect(readSchema('oscal-assessment-results-1.1.x.schema.json').$id).toBe(`http://csrc.nist.gov/ns/oscal/${OSCAL_VERSION}/oscal-ar-schema.json`);
  });
});

describe('renderOscal', () => {
  const onlyAcknowledged = (): AuditReport => {
    const base = sampleAuditReport();
    return { ...base, findings: base.findings.filter((f) => f.status === 'acknowledged'), waivers: base.waivers.filter((w) => !w.problem) };
  };
  const noFindings = (): AuditReport => ({ ...sampleAuditReport(), findings: [], waivers: [], rules: [] });
  /** One finding, an error, acknowledged by a sound agency waiver with an approver and an expiry. */
  const acknowledgedErrorOnly = (): AuditReport => {
    const base = sampleAuditReport();
    const finding = base.findings.find((f) => f.ruleId === 'NIST.800.53.R5-S3BucketReplicationEnabled' && f.stack === 'county-results')!;
    const madeAt = `metadata:${finding.template}#${finding.logicalId}`;
    const reason = 'Replication waits for the state recovery account; versioning and Object Lock cover in-Region recovery.';
    return {
      ...base,
      summary: { ...base.summary, errors: 0, warnings: 0, acknowledged: 1 },
      findings: [{ ...finding, status: 'acknowledged', reason, waivedAt: madeAt }],
      waivers: [{
        ruleId: finding.ruleId, reason, madeAt, template: finding.template, stack: finding.stack, controls: [...finding.controls],
        findings: 1, origin: 'agency', approvedBy: 'Secretary of State CIO', expires: '2027-03-31',
      }],
    };
  };

  test.each([
    ['the sample audit', sampleAuditReport],
    ['an audit with hostile template text', hostileAuditReport],
    ['an audit whose findings are all acknowledged', onlyAcknowledged],
    ['an audit with no findings, waivers or rules', noFindings],
    ['an audit whose only finding is an acknowledged error', acknowledgedErrorOnly],
  ])('renders %s as valid OSCAL 1.1.2 assessment results', (_, report) => {
    const validate = oscalValidator();
    const valid = validate(JSON.parse(renderOscal(report())));
    expect(errorsOf(validate)).toEqual([]);
    expect(valid).toBe(true);
  });

  test('the validator rejects a document that breaks the schema', () => {
    const validate = oscalValidator();
    const document = JSON.parse(renderOscal(sampleAuditReport()));
    const result = document['assessment-results'].results[0];
    result.findings[0].target.status.state = 'passed';
    result.observations[0].uuid = 'not-a-uuid';
    result.observations[1].props[0].value = ' padded ';
    expect(validate(document)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toEqual(expect.arrayContaining([
      '/assessment-results/results/0/findings/0/target/status/state',
      '/assessment-results/results/0/observations/0/uuid',
      '/assessment-results/results/0/observations/1/props/0/value',
    ]));
  });

  test('declares OSCAL 1.1.2 and points import-ap at a back-matter resource that says no plan was given', () => {
    const document = documentOf(sampleAuditReport());
    expect(document.metadata).toMatchObject({ 'oscal-version': '1.1.2', 'last-modified': '2026-11-03T12:00:00.000Z' });
    const href: string = document['import-ap'].href;
    expect(href).toMatch(/^#[0-9a-f-]{36}$/);
    const resource = document['back-matter'].resources.find((r: Oscal) => `#${r.uuid}` === href);
    expect(resource.title).toBe('Assessment plan: not provided');
  });

  test('lists the assessed NIST controls by OSCAL id and carries CPG and 52 U.S.C. controls as namespaced props', () => {
    const selections = resultOf(sampleAuditReport())['reviewed-controls']['control-selections'];
    expect(selections[0]['include-controls'].map((c: Oscal) => c['control-id'])).toEqual(['au-2', 'au-9.2', 'au-12', 'cp-9', 'cp-10', 'sc-8.1', 'si-12']);
    expect(selections[1].props).toEqual([
      { name: 'control', ns: OSCAL_PROP_NS, value: 'CISA-CPG:2.K', class: 'cisa-cpg' },
      { name: 'control', ns: OSCAL_PROP_NS, value: 'CISA-CPG:2.T', class: 'cisa-cpg' },
      { name: 'control', ns: OSCAL_PROP_NS, value: '52-USC-20701', class: 'usc-52-20701' },
    ]);
  });

  test('makes one observation per finding: examined by the tool, about the resource, with the template as evidence', () => {
    const report = sampleAuditReport();
    const result = resultOf(report);
    expect(result.observations.filter((o: Oscal) => o.types?.includes('finding'))).toHaveLength(report.findings.length);
    const tls = result.observations.find((o: Oscal) => o.title === 'ElectionBaseline-S3BucketTlsOnly on ElectionResults/ResultsBucket');
    expect(tls).toMatchObject({
      methods: ['EXAMINE'],
      types: ['finding'],
      collected: '2026-11-03T12:00:00.000Z',
      'relevant-evidence': [{ href: 'cdk.out/ElectionResults.template.json', description: expect.stringContaining('ResultsBucket, line 42') }],
    });
    const toolUuid = result['local-definitions']['assessment-assets'].components[0].uuid;
    expect(tls.origins[0].actors[0]).toEqual({ type: 'tool', 'actor-uuid': toolUuid });
    const subject = tls.subjects[0];
    expect(subject.type).toBe('inventory-item');
    const item = result['local-definitions']['inventory-items'].find((i: Oscal) => i.uuid === subject['subject-uuid']);
    expect(item.props).toEqual(expect.arrayContaining([
      { name: 'logical-id', ns: OSCAL_PROP_NS, value: 'ResultsBucket' },
      { name: 'data-class', ns: OSCAL_PROP_NS, value: 'public-content' },
    ]));
  });

  test('makes one observation per template and type no rule judged, with its count, the template as evidence, tied to no control', () => {
    const report = sampleAuditReport();
    const result = resultOf(report);
    const unjudged = result.observations.filter((o: Oscal) => o.props.some((p: Oscal) => p.name === 'unjudged-type'));
    const value = (o: Oscal, name: string) => o.props.find((p: Oscal) => p.name === name)?.value;
    expect(unjudged.map((o: Oscal) => [value(o, 'template'), value(o, 'unjudged-type'), value(o, 'unjudged-resources')])).toEqual([
      ['cdk.out/RegistrationPortal.template.json', 'AWS::CloudFront::OriginAccessControl', '1'],
      ['vendor/county-results.yaml', 'AWS::Glue::Database', '1'],
      ['vendor/county-results.yaml', 'Custom::VoterRollImport', '2'],
    ]);
    expect(unjudged[2]).toMatchObject({
      title: 'Not judged: Custom::VoterRollImport in county-results (2 resource(s))',
      methods: ['EXAMINE'],
      'relevant-evidence': [{ href: 'vendor/county-results.yaml' }],
    });
    expect(unjudged.every((o: Oscal) => o.types === undefined && o.subjects === undefined)).toBe(true);
    const related = new Set(result.findings.flatMap((f: Oscal) => (f['related-observations'] ?? []).map((r: Oscal) => r['observation-uuid'])));
    expect(unjudged.some((o: Oscal) => related.has(o.uuid))).toBe(false);
    expect(result.props).toContainEqual({ name: 'unjudged-resources', ns: OSCAL_PROP_NS, value: '4' });
    expect(result.description).toContain('36 resource(s), 4 of them judged by no rule.');
    const clean = resultOf({ ...report, summary: { ...report.summary, unjudged: 0 }, templates: report.templates.map((t) => ({ ...t, unjudged: [] })) });
    expect(clean.observations.filter((o: Oscal) => o.props.some((p: Oscal) => p.name === 'unjudged-type'))).toEqual([]);
    const validate = oscalValidator();
    expect(validate(JSON.parse(renderOscal(report))) || errorsOf(validate)).toBe(true);
  });

  test('makes one finding per assessed control, targeting its assessment objective by OSCAL id', () => {
    const report = sampleAuditReport();
    const result = resultOf(report);
    const byTarget = new Map(result.findings.map((f: Oscal) => [f.target['target-id'], f]));
    expect(result.findings).toHaveLength(controlStatuses(report).length);
    const au92: Oscal = byTarget.get('au-9.2_obj');
    expect(au92.target).toMatchObject({ type: 'objective-id', status: { state: 'not-satisfied', reason: 'fail' } });
    expect(au92['related-observations']).toHaveLength(3);
    const usc: Oscal = byTarget.get('usc-52-20701_obj');
    expect(usc.target.props).toEqual([{ name: 'control', ns: OSCAL_PROP_NS, value: '52-USC-20701', class: 'usc-52-20701' }]);
    expect([...byTarget.keys()]).toEqual(expect.arrayContaining(['sc-8.1_obj', 'cisa-cpg-2.k_obj', 'cisa-cpg-2.t_obj']));
    const observationUuids = new Set(result.observations.map((o: Oscal) => o.uuid));
    for (const finding of result.findings) {
      for (const related of finding['related-observations'] ?? []) expect(observationUuids.has(related['observation-uuid'])).toBe(true);
    }
  });

  test('gives each control the status controlStatuses gives every format: not satisfied only for an open finding', () => {
    const report = sampleAuditReport();
    const byControl = new Map(resultOf(report).findings.map((f: Oscal) => [f.props[0].value, f]));
    for (const status of controlStatuses(report)) {
      const finding: Oscal = byControl.get(status.control.id);
      expect(finding.props).toContainEqual({ name: 'control-status', ns: OSCAL_PROP_NS, value: status.state });
      const open = status.openErrors.length + status.openWarnings.length > 0;
      expect([status.control.id, finding.target.status.state]).toEqual([status.control.id, open ? 'not-satisfied' : 'satisfied']);
      expect(finding.target.status.reason).toBe(status.state === 'not-satisfied' ? 'fail' : status.state === 'satisfied' ? 'pass' : 'other');
    }
    const failing = resultOf(report).findings.filter((f: Oscal) => f.target.status.reason === 'fail').map((f: Oscal) => f.props[0].value);
    const withOpenErrors = [...new Set(report.findings.filter((f) => f.status === 'open' && f.level === 'error').flatMap((f) => f.controls))];
    expect(failing.sort()).toEqual(withOpenErrors.sort());
  });

  test('an acknowledged error leaves its control satisfied with the waiver as a related risk, not a failure', () => {
    const report = acknowledgedErrorOnly();
    const result = resultOf(report);
    expect(report.findings[0]).toMatchObject({ level: 'error', status: 'acknowledged' });
    const au92 = result.findings.find((f: Oscal) => f.target['target-id'] === 'au-9.2_obj');
    expect(au92.target.status).toEqual({ state: 'satisfied', reason: 'other', remarks: expect.stringContaining('accepted waiver') });
    expect(au92.props).toContainEqual({ name: 'control-status', ns: OSCAL_PROP_NS, value: 'satisfied-with-risk' });
    expect(au92['related-risks']).toEqual([{ 'risk-uuid': result.risks[0].uuid }]);
    expect(result.findings.every((f: Oscal) => f.target.status.state === 'satisfied')).toBe(true);
  });

  test('a control whose only open findings are warnings is not satisfied, without a fail', () => {
    const base = sampleAuditReport();
    const report: AuditReport = { ...base, findings: base.findings.filter((f) => f.level === 'warning') };
    const au12 = resultOf(report).findings.find((f: Oscal) => f.target['target-id'] === 'au-12_obj');
    expect(au12.target.status).toEqual({ state: 'not-satisfied', reason: 'other', remarks: expect.stringContaining('Only warnings') });
  });

  test('a control that no finding maps to is satisfied, with no related observations', () => {
    const result = resultOf(acknowledgedErrorOnly());
    const cpg = result.findings.find((f: Oscal) => f.target['target-id'] === 'cisa-cpg-2.k_obj');
    expect(cpg.target.status).toEqual({ state: 'satisfied', reason: 'pass' });
    expect(cpg['related-observations']).toBeUndefined();
  });

  test('makes each waiver a risk: sound ones deviation-approved with their justification, one with a problem open', () => {
    const report = sampleAuditReport();
    const result = resultOf(report);
    expect(result.risks).toHaveLength(report.waivers.length);
    const sound = result.risks.find((r: Oscal) => r.title.includes('construct:ElectionResults/AccessLogs/Resource'));
    expect(sound.status).toBe('deviation-approved');
    expect(sound.remediations).toEqual([expect.objectContaining({ lifecycle: 'completed', description: report.waivers[0].reason })]);
    expect(sound.props).toContainEqual({ name: 'waiver-reason', ns: OSCAL_PROP_NS, value: report.waivers[0].reason });
    const acknowledged = result.observations.find((o: Oscal) => o.title === 'ElectionBaseline-S3BucketServerAccessLogs on ElectionResults/AccessLogsBucket');
    expect(sound['related-observations']).toEqual([{ 'observation-uuid': acknowledged.uuid }]);
    const broken = result.risks.find((r: Oscal) => r.title.includes('S3RecordsObjectLock'));
    expect(broken).toMatchObject({ status: 'open', statement: expect.stringContaining('cannot be trusted') });
    expect(broken.remediations[0].lifecycle).toBe('recommendation');
    expect(broken['related-observations']).toHaveLength(1);
  });

  const riskOf = (result: Oscal, madeAt: string, ruleId: string): Oscal =>
    result.risks.find((r: Oscal) => r.title === `Waiver of ${ruleId} (${madeAt})`);

  test('a waiver\'s risk carries its deadline (the end of its expiry day) and its approver as a party in the approver role', () => {
    const report = sampleAuditReport();
    const document = documentOf(report);
    const result = document.results[0];
    const waiver = report.waivers.find((w) => w.approvedBy === 'County CISO (M. Okafor)' && w.expires === '2027-06-30')!;
    const risk = riskOf(result, waiver.madeAt, waiver.ruleId);
    expect(risk).toMatchObject({ status: 'deviation-approved', deadline: '2027-06-30T23:59:59Z' });
    expect(risk.props).toEqual(expect.arrayContaining([
      { name: 'approved-by', ns: OSCAL_PROP_NS, value: 'County CISO (M. Okafor)' },
      { name: 'expires', ns: OSCAL_PROP_NS, value: '2027-06-30' },
      { name: 'waiver-origin', ns: OSCAL_PROP_NS, value: 'agency' },
    ]));
    const actor = risk.remediations[0].origins[0].actors[0];
    expect(actor).toMatchObject({ type: 'party', 'role-id': WAIVER_APPROVER_ROLE });
    const party = document.metadata.parties.find((p: Oscal) => p.uuid === actor['actor-uuid']);
    expect(party).toMatchObject({ type: 'person', name: 'County CISO (M. Okafor)' });
    expect(document.metadata.roles).toEqual([expect.objectContaining({ id: WAIVER_APPROVER_ROLE })]);
    const approvers = new Set(report.waivers.map((w) => w.approvedBy).filter((a) => a !== undefined));
    expect(document.metadata.parties).toHaveLength(approvers.size);
    expect(document.metadata['responsible-parties']).toEqual([
      { 'role-id': WAIVER_APPROVER_ROLE, 'party-uuids': document.metadata.parties.map((p: Oscal) => p.uuid) },
    ]);
  });

  test('an expiring waiver is still an approved deviation, flagged with its near deadline; an expired one is an open risk', () => {
    const report = sampleAuditReport();
    const result = resultOf(report);
    const expiring = report.waivers.find((w) => w.expiry === 'expiring')!;
    const soon = riskOf(result, expiring.madeAt, expiring.ruleId);
    expect(soon).toMatchObject({ status: 'deviation-approved', deadline: `${expiring.expires}T23:59:59Z` });
    expect(soon.props).toContainEqual({ name: 'expiry', ns: OSCAL_PROP_NS, value: 'expiring' });
    expect(soon.remediations[0].remarks).toContain('within 30 days');
    const expired = report.waivers.find((w) => w.expiry === 'expired')!;
    const lapsed = riskOf(result, expired.madeAt, expired.ruleId);
    expect(lapsed).toMatchObject({ status: 'open', deadline: `${expired.expires}T23:59:59Z`, statement: expect.stringContaining(expired.expires!) });
    expect(lapsed.remediations[0]).toMatchObject({ lifecycle: 'recommendation', title: 'Fix or remove the waiver' });
  });

  test('an unused waiver is a closed risk; a library waiver without approver or expiry has neither deadline nor approver', () => {
    const report = sampleAuditReport();
    const result = resultOf(report);
    const unused = report.waivers.find((w) => w.findings === 0 && w.problem === undefined)!;
    const closed = riskOf(result, unused.madeAt, unused.ruleId);
    expect(closed).toMatchObject({ status: 'closed', statement: expect.stringContaining('matches no finding') });
    expect(closed['related-observations']).toBeUndefined();
    const library = report.waivers.find((w) => w.origin === 'library')!;
    const own = riskOf(result, library.madeAt, library.ruleId);
    expect(own.deadline).toBeUndefined();
    expect(own.remediations[0].origins).toBeUndefined();
    expect(own.props).toContainEqual({ name: 'waiver-origin', ns: OSCAL_PROP_NS, value: 'library' });
    expect(own.props.map((p: Oscal) => p.name)).not.toContain('approved-by');
  });

  test('an audit without approvers declares no parties or roles', () => {
    const base = sampleAuditReport();
    const report: AuditReport = { ...base, waivers: base.waivers.map(({ approvedBy: _approver, ...w }) => w) };
    const metadata = documentOf(report).metadata;
    expect(metadata.parties).toBeUndefined();
    expect(metadata.roles).toBeUndefined();
    const validate = oscalValidator();
    expect(validate(JSON.parse(renderOscal(report)))).toBe(true);
  });

  test('UUIDs are name-based (version 5), unique in the document and the same for the same audit', () => {
    const text = renderOscal(sampleAuditReport());
    const uuids = uuidsIn(JSON.parse(text));
    expect(uuids.every((u) => /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(u))).toBe(true);
    expect(new Set(uuids).size).toBe(uuids.length);
    expect(renderOscal(sampleAuditReport())).toBe(text);
    const later = uuidsIn(JSON.parse(renderOscal({ ...sampleAuditReport(), generatedAt: '2026-11-04T08:00:00.000Z' })));
    expect(later).toEqual(uuids);
  });

  test('a finding keeps its observation UUID when the audit covers more templates; the document gets a new one', () => {
    const base = sampleAuditReport();
    const wider: AuditReport = { ...base, templates: [...base.templates, { template: 'extra.template.json', stack: 'extra', resources: 1, unjudged: [] }] };
    expect(resultOf(wider).observations.map((o: Oscal) => o.uuid)).toEqual(resultOf(base).observations.map((o: Oscal) => o.uuid));
    expect(documentOf(wider).uuid).not.toBe(documentOf(base).uuid);
  });

  test('property values with line breaks or padding are normalized to valid OSCAL strings', () => {
    const base = sampleAuditReport();
    const report: AuditReport = { ...base, waivers: [{ ...base.waivers[0], reason: '  first line\n\tsecond line  ' }] };
    const risk = resultOf(report).risks[0];
    expect(risk.props).toContainEqual({ name: 'waiver-reason', ns: OSCAL_PROP_NS, value: 'first line second line' });
  });
});
