import { AuditReport } from '../../lib/audit/model';
import { controlStatusRecords } from '../../lib/reports/control-status';
import { NOT_JUDGED_NOTIFICATION_ID, renderSarif, SARIF_SCHEMA_URI, WAIVER_EXPIRING_RULE_ID, WAIVER_PROBLEM_RULE_ID } from '../../lib/reports/sarif';
import { hostileAuditReport, sampleAuditReport } from '../fixtures/audit-report';
import { draft04OnlyKeywords, errorsOf, readSchema, sarifValidator } from './schema-validators';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Sarif = any;

const sarifOf = (report: AuditReport): Sarif => JSON.parse(renderSarif(report));

function emptyReport(): AuditReport {
  return {
    tool: { name: 'election-audit', version: '0.1.0' },
    generatedAt: '2026-11-03T12:00:00.000Z',
    asOf: '2026-11-03',
    summary: { errors: 0, warnings: 0, acknowledged: 0, resources: 3, unjudged: 0, templates: 1 },
    packs: ['election'],
    templates: [{ template: 'clean.template.json', stack: 'clean', resources: 3, unjudged: [] }],
    rules: [],
    findings: [],
    waivers: [],
  };
}

describe('the shipped SARIF schema', () => {
  test('is the OASIS SARIF 2.1.0 errata 01 schema the log declares', () => {
    const schema = readSchema('sarif-2.1.0.schema.json');
    expect(schema.id).toBe(SARIF_SCHEMA_URI);
    expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
  });

  test('uses no keyword whose meaning changed after draft-04, so draft-07 validation enforces it as written', () => {
    expect(draft04OnlyKeywords(readSchema('sarif-2.1.0.schema.json'))).toEqual([]);
    // The detector itself finds what it looks for.
    expect(draft04OnlyKeywords({ properties: { n: { minimum: 0, exclusiveMinimum: true } } })).toEqual(['#/properties/n/exclusiveMinimum']);
    expect(draft04OnlyKeywords({ properties: { dependencies: { type: 'array' } } })).toEqual([]);
  });
});

describe('renderSarif', () => {
  test.each([
    ['the sample audit', sampleAuditReport],
    ['an audit with hostile template text', hostileAuditReport],
    ['an audit with no findings', emptyReport],
  ])('renders %s as valid SARIF 2.1.0', (_, report) => {
    const validate = sarifValidator();
    const log = sarifOf(report());
    const valid = validate(log);
    expect(errorsOf(validate)).toEqual([]);
    expect(valid).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
  });

  test('the validator rejects a log that breaks the schema', () => {
    const validate = sarifValidator();
    const log = sarifOf(sampleAuditReport());
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[0].suppressions[0].kind = 'waived';
    delete log.runs[1].tool.driver.name;
    expect(validate(log)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toEqual(expect.arrayContaining(['/runs/0/results/0/level', '/runs/0/results/0/suppressions/0/kind', '/runs/1/tool/driver']));
  });

  test('writes one run per pack, each with its own automation id and only that pack\'s results', () => {
    const log = sarifOf(sampleAuditReport());
    expect(log.runs.map((run: Sarif) => run.properties.pack)).toEqual(['election', 'aws-solutions', 'nist-800-53-r5']);
    expect(log.runs.map((run: Sarif) => run.automationDetails.id)).toEqual([
      'election-audit/election/', 'election-audit/aws-solutions/', 'election-audit/nist-800-53-r5/',
    ]);
    const resultRules = log.runs.map((run: Sarif) => run.results.map((r: Sarif) => r.ruleId));
    // Each run also reports the waivers of its pack's rules: the expiring one (AwsSolutions-S1), the expired one (NIST).
    expect(resultRules[1]).toEqual(['AwsSolutions-S1', 'AwsSolutions-IAM5', 'AwsSolutions-S1', WAIVER_EXPIRING_RULE_ID]);
    expect(resultRules[2]).toEqual(['NIST.800.53.R5-S3BucketReplicationEnabled', 'NIST.800.53.R5-S3BucketReplicationEnabled', WAIVER_PROBLEM_RULE_ID]);
    expect(resultRules[0].every((id: string) => id.startsWith('ElectionBaseline-') || id === WAIVER_PROBLEM_RULE_ID)).toBe(true);
    for (const run of log.runs) {
      expect(run.tool.driver).toMatchObject({ name: 'election-audit', version: '0.1.0', informationUri: expect.stringMatching(/^https:\/\//) });
    }
  });

  test('each run\'s properties carry the audit\'s control statuses (every pack\'s findings), the same in every run', () => {
    const report = sampleAuditReport();
    const log = sarifOf(report);
    for (const run of log.runs) expect(run.properties.controlStatuses).toEqual(controlStatusRecords(report));
    expect(log.runs[0].properties.controlStatuses).toContainEqual(expect.objectContaining({ id: 'NIST-800-53-r5:AU-9(2)', status: 'not-satisfied', openErrors: 3 }));
  });

  test('each run says what no rule of the packs that ran judged: a note per template in its invocation, and the list in its properties', () => {
    const report = sampleAuditReport();
    const log = sarifOf(report);
    for (const run of log.runs) {
      expect(run.tool.driver.notifications).toEqual([expect.objectContaining({ id: NOT_JUDGED_NOTIFICATION_ID, defaultConfiguration: { level: 'note' } })]);
      const notes = run.invocations[0].toolExecutionNotifications;
      expect(notes.map((n: Sarif) => n.message.text)).toEqual([
        'cdk.out/RegistrationPortal.template.json: 1 resource(s) judged by no rule of the packs that ran: AWS::CloudFront::OriginAccessControl (1).',
        'vendor/county-results.yaml: 3 resource(s) judged by no rule of the packs that ran: AWS::Glue::Database (1), Custom::VoterRollImport (2).',
      ]);
      expect(notes[1]).toMatchObject({
        descriptor: { id: NOT_JUDGED_NOTIFICATION_ID, index: 0 },
        level: 'note',
        locations: [{ physicalLocation: { artifactLocation: { uri: 'vendor/county-results.yaml' } } }],
        properties: { stack: 'county-results', unjudged: [{ type: 'AWS::Glue::Database', resources: 1 }, { type: 'Custom::VoterRollImport', resources: 2 }] },
      });
      expect(run.invocations[0].executionSuccessful).toBe(true);
      expect(run.properties.unjudgedResources).toBe(4);
      expect(run.properties.unjudged).toEqual(report.templates.filter((t) => t.unjudged.length > 0).map((t) => ({ template: t.template, stack: t.stack, types: t.unjudged })));
    }
    // Every resource judged: no notes, no descriptor, an empty list.
    const clean = sarifOf(emptyReport()).runs[0];
    expect(clean.invocations[0].toolExecutionNotifications).toBeUndefined();
    expect(clean.tool.driver.notifications).toBeUndefined();
    expect(clean.properties).toMatchObject({ unjudgedResources: 0, unjudged: [] });
  });

  test('describes each rule with its help text, default level and control ids as tags, and results point at it by index', () => {
    const log = sarifOf(sampleAuditReport());
    const election = log.runs[0];
    const tls = election.tool.driver.rules.find((r: Sarif) => r.id === 'ElectionBaseline-S3BucketTlsOnly');
    expect(tls).toMatchObject({
      shortDescription: { text: 'The S3 bucket does not deny requests made without TLS.' },
      fullDescription: { text: expect.stringContaining('aws:SecureTransport') },
      help: { text: expect.stringMatching(/Controls: NIST-800-53-r5:SC-8\(1\), CISA-CPG:2\.K\.[\s\S]*cannot be waived/) },
      defaultConfiguration: { level: 'error' },
      properties: { tags: expect.arrayContaining(['NIST-800-53-r5:SC-8(1)', 'CISA-CPG:2.K']) },
    });
    const records = election.tool.driver.rules.find((r: Sarif) => r.id === 'ElectionBaseline-S3RecordsObjectLock');
    expect(records.properties.tags).toEqual(expect.arrayContaining(['52-USC-20701', 'NIST-800-53-r5:AU-9(2)']));
    for (const run of log.runs) {
      for (const result of run.results) {
        expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      }
    }
  });

  test('locates a result at its template (line when known) and at the resource\'s logical id and type', () => {
    const log = sarifOf(sampleAuditReport());
    const tls = log.runs[0].results.find((r: Sarif) => r.ruleId === 'ElectionBaseline-S3BucketTlsOnly');
    expect(tls.level).toBe('error');
    expect(tls.locations).toEqual([{
      physicalLocation: { artifactLocation: { uri: 'cdk.out/ElectionResults.template.json' }, region: { startLine: 42 } },
      logicalLocations: [{ name: 'ResultsBucket', fullyQualifiedName: 'ElectionResults/ResultsBucket', kind: 'resource', properties: { resourceType: 'AWS::S3::Bucket' } }],
    }]);
    const yaml = log.runs[0].results.find((r: Sarif) => r.ruleId === 'ElectionBaseline-S3RecordsObjectLock');
    expect(yaml.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'vendor/county-results.yaml' } });
  });

  test('an acknowledged finding is a result with an accepted suppression carrying the waiver\'s reason, origin, approver and expiry', () => {
    const log = sarifOf(sampleAuditReport());
    const fromConstruct = log.runs[0].results.find((r: Sarif) => r.suppressions);
    expect(fromConstruct.suppressions).toEqual([{
      kind: 'external',
      status: 'accepted',
      justification: 'This is the access-log bucket; CloudTrail data events (audit trail stack) record every read of it.',
      properties: { madeAt: 'construct:ElectionResults/AccessLogs/Resource', origin: 'library' },
    }]);
    // A waiver in the template's own metadata is in the analysed artifact itself.
    const [fromMetadata, , expiring] = log.runs[1].results;
    expect(fromMetadata.suppressions).toEqual([{
      kind: 'inSource',
      status: 'accepted',
      justification: expect.stringContaining('recurse'),
      properties: { madeAt: 'metadata:cdk.out/ElectionResults.template.json#AccessLogsBucket', origin: 'agency', approvedBy: 'County CISO (M. Okafor)', expires: '2027-06-30' },
    }]);
    // A waiver about to expire still holds: accepted, and says so.
    expect(expiring.suppressions).toEqual([{
      kind: 'external',
      status: 'accepted',
      justification: expect.stringContaining('log archive account'),
      properties: { madeAt: 'construct:RegistrationPortal/VoterExport', origin: 'agency', approvedBy: 'County CISO (M. Okafor)', expires: '2026-11-20', expiry: 'expiring' },
    }]);
  });

  test('an open finding keeps a rejected suppression when the waiver naming it holds nothing, and none otherwise', () => {
    const log = sarifOf(sampleAuditReport());
    const open = log.runs.flatMap((run: Sarif) => run.results).filter((r: Sarif) => r.properties?.status === 'open');
    const records = open.find((r: Sarif) => r.ruleId === 'ElectionBaseline-S3RecordsObjectLock');
    expect(records.suppressions).toEqual([{
      kind: 'inSource',
      status: 'rejected',
      justification: 'vendor says ok',
      properties: { madeAt: 'metadata:vendor/county-results.yaml#RecordsBucket', origin: 'agency', problem: expect.stringContaining('cannot be waived') },
    }]);
    expect(open.filter((r: Sarif) => r !== records).every((r: Sarif) => r.suppressions === undefined)).toBe(true);
    // An expired waiver joined to its finding (madeAt = waivedAt) is rejected too.
    const report = sampleAuditReport();
    const reopened = { ...report, findings: report.findings.map((f) => (f.ruleId.startsWith('NIST') && f.stack === 'RegistrationPortal' ? { ...f, waivedAt: 'construct:RegistrationPortal/VoterExport/Resource' } : f)) };
    const nist = sarifOf(reopened).runs[2].results[0];
    expect(nist.suppressions[0]).toMatchObject({ status: 'rejected', properties: { expires: '2026-10-31', expiry: 'expired', approvedBy: 'Elections Director (A. Chen)' } });
    const validate = sarifValidator();
    expect(validate(sarifOf(reopened))).toBe(true);
  });

  test('a waiver that expires within 30 days is a warning result of its own, with its approver and date', () => {
    const log = sarifOf(sampleAuditReport());
    const results = log.runs.flatMap((run: Sarif) => run.results).filter((r: Sarif) => r.ruleId === WAIVER_EXPIRING_RULE_ID);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      level: 'warning',
      message: { text: expect.stringMatching(/^Waiver of AwsSolutions-S1 made at construct:RegistrationPortal\/VoterExport: it expires on 2026-11-20, within 30 days\./) },
      properties: { approvedBy: 'County CISO (M. Okafor)', expires: '2026-11-20', expiry: 'expiring', origin: 'agency' },
    });
    expect(results[0].properties.problem).toBeUndefined();
    expect(log.runs[1].tool.driver.rules[results[0].ruleIndex]).toMatchObject({ id: WAIVER_EXPIRING_RULE_ID, defaultConfiguration: { level: 'warning' } });
  });

  test('a waiver with a problem is an error result of its own, in the run of the pack whose rule it waives', () => {
    const log = sarifOf(sampleAuditReport());
    const problems = log.runs.flatMap((run: Sarif) => run.results).filter((r: Sarif) => r.ruleId === WAIVER_PROBLEM_RULE_ID);
    expect(problems).toHaveLength(2);
    expect(log.runs[0].results).toContainEqual(problems[0]);
    expect(log.runs[2].results).toContainEqual(problems[1]);
    expect(problems[1]).toMatchObject({ properties: { expires: '2026-10-31', expiry: 'expired', approvedBy: 'Elections Director (A. Chen)', problem: expect.stringContaining('expired') } });
    expect(problems[0]).toMatchObject({
      level: 'error',
      message: { text: expect.stringMatching(/ElectionBaseline-S3RecordsObjectLock.*cannot be waived.*"vendor says ok"/) },
      properties: { madeAt: 'metadata:vendor/county-results.yaml#RecordsBucket', reason: 'vendor says ok' },
    });
    expect(problems[0].locations[0].logicalLocations[0].name).toBe('RecordsBucket');
  });

  test('keeps a granular cdk-nag finding\'s id, and gives every result a stable fingerprint', () => {
    const log = sarifOf(sampleAuditReport());
    const iam5 = log.runs[1].results.find((r: Sarif) => r.ruleId === 'AwsSolutions-IAM5');
    expect(iam5.properties.findingId).toBe('Action::s3:*');
    expect(iam5.message.text).toContain('[Action::s3:*]');
    expect(renderSarif(sampleAuditReport())).toBe(renderSarif(sampleAuditReport()));
    const prints = log.runs.flatMap((run: Sarif) => run.results).map((r: Sarif) => Object.values(r.partialFingerprints)[0]);
    expect(new Set(prints).size).toBe(prints.length);
  });

  test('encodes template paths as URI references', () => {
    const log = sarifOf(hostileAuditReport());
    const uris = log.runs.flatMap((run: Sarif) => run.results).map((r: Sarif) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toContain('vendor/%3Cb%3Eodd%3C/b%3E%20name.json');
    const absolute = sampleAuditReport();
    const moved: AuditReport = { ...absolute, findings: absolute.findings.map((f) => ({ ...f, template: `/srv/audit/${f.template}` })) };
    expect(sarifOf(moved).runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('file:///srv/audit/cdk.out/ElectionResults.template.json');
  });
});
