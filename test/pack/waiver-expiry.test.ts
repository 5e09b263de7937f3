import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, CfnWaitConditionHandle, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SecureBucket } from '../../constructs/secure-bucket';
import { DataClass } from '../../lib/baseline/data-class';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';
import { ElectionWaivers } from '../../lib/election-waivers';

const REASON = 'The county replaces this handle with the vendor feed in the spring release, ticket ELEC-2231';
const EXPIRED = ElectionBaselineChecks.WAIVER_EXPIRED_RULE_ID;
const EXPIRING = ElectionBaselineChecks.WAIVER_EXPIRING_RULE_ID;

/** A stack no rule judges, with one waiver on its only resource. */
function waivedHandle(expires?: string, approvedBy?: string): { app: App; stack: Stack } {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'waiver-expiry-')) });
  const stack = new Stack(app, 'County');
  const handle = new CfnWaitConditionHandle(stack, 'Handle');
  ElectionWaivers.of(handle).waive({ id: 'AwsSolutions-S1', reason: REASON, expires, approvedBy });
  return { app, stack };
}

const waiverViolations = (app: App, asOf?: string) =>
  new ElectionBaselineChecks(undefined, { asOf }).validateScope(app).violations.filter((v) => [EXPIRED, EXPIRING].includes(v.ruleName));

describe('ElectionBaselineChecks judges waiver expiry on asOf', () => {
  test('an expired waiver (of any pack\'s rule) is fatal, naming the waiver, its rule and its date', () => {
    const { app } = waivedHandle('2026-10-31', 'County CISO');
    const report = new ElectionBaselineChecks(undefined, { asOf: '2026-11-03' }).validateScope(app);
    expect(report.success).toBe(false);
    expect(report.violations).toEqual([{
      ruleName: EXPIRED,
      description: 'The waiver of AwsSolutions-S1 made at County/Handle is refused: the waiver expired on 2026-10-31 (judged as of 2026-11-03): '
        + 'its findings are open. Fix the finding, or renew the waiver with a new approval and expires date.',
      severity: 'fatal',
      ruleMetadata: { waivedRule: 'AwsSolutions-S1', expires: '2026-10-31', asOf: '2026-11-03' },
      violatingResources: [{ constructPath: 'County/Handle', locations: ['Metadata'] }],
    }]);
  });

  test('a waiver that ends within 30 days is a warning that does not fail the pack', () => {
    const { app } = waivedHandle('2026-12-03', 'Elections Director');
    const report = new ElectionBaselineChecks(undefined, { asOf: '2026-11-03' }).validateScope(app);
    expect(report.success).toBe(true);
    expect(report.violations.map((v) => [v.ruleName, v.severity, v.description])).toEqual([[
      EXPIRING, 'warning',
      'The waiver of AwsSolutions-S1 made at County/Handle, approved by Elections Director, expires on 2026-12-03, within 30 days of 2026-11-03: '
        + 'fix the finding or renew the waiver before then.',
    ]]);
  });

  test.each([
    ['holds through its last day', '2026-11-03', '2026-11-03', [EXPIRING]],
    ['more than 30 days left', '2026-12-04', '2026-11-03', []],
    ['no expiry at all', undefined, '2026-11-03', []],
    ['the same waiver, judged a day later', '2026-11-03', '2026-11-04', [EXPIRED]],
  ])('%s', (_, expires, asOf, expected) => {
    expect(waiverViolations(waivedHandle(expires).app, asOf).map((v) => v.ruleName)).toEqual(expected);
  });

  test('an expiry that is not a date, written into metadata by hand, holds nothing', () => {
    const { app, stack } = waivedHandle();
    const handle = stack.node.findChild('Handle');
    handle.node.addMetadata(ElectionWaivers.METADATA_TYPE, { id: 'AwsSolutions-S1', expires: 'when the vendor ships' });
    expect(waiverViolations(app, '2026-11-03').map((v) => [v.ruleName, v.description])).toEqual([[
      EXPIRED,
      "The waiver of AwsSolutions-S1 made at County/Handle is refused: its expiry 'when the vendor ships' is not an ISO date YYYY-MM-DD, "
        + 'so it holds nothing. Fix the finding, or renew the waiver with a new approval and expires date.',
    ]]);
  });

  test('without asOf, it judges on today (UTC), or on the day of SOURCE_DATE_EPOCH', () => {
    const { app } = waivedHandle('2025-11-05');
    const saved = process.env.SOURCE_DATE_EPOCH;
    try {
      process.env.SOURCE_DATE_EPOCH = '1762387200'; // 2025-11-06
      expect(waiverViolations(app).map((v) => v.ruleName)).toEqual([EXPIRED]);
      process.env.SOURCE_DATE_EPOCH = '1762214400'; // 2025-11-04
      expect(waiverViolations(app).map((v) => v.ruleName)).toEqual([EXPIRING]);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  test.each(['2026-02-30', '11/03/2026', ''])('asOf %j throws, naming the value', (asOf) => {
    expect(() => new ElectionBaselineChecks(undefined, { asOf })).toThrow(`ElectionBaselineChecks: asOf '${asOf}' is not`);
  });

  test('an expired waiver fails cdk synth, and the validation report names it', () => {
    const { app } = waivedHandle('2026-10-31');
    Validations.of(app).addPlugins(new ElectionBaselineChecks(app, { asOf: '2026-11-03' }));
    expect(() => app.synth()).toThrow();
    const report = fs.readFileSync(path.join(app.outdir, 'validation-report.json'), 'utf8');
    expect(report).toContain('The waiver of AwsSolutions-S1 made at County/Handle is refused: the waiver expired on 2026-10-31');
  });
});

describe('writeSuppressionsToCloudFormation carries the register into the template', () => {
  // The register's aspect must run after cdk-nag's, whichever pack is made first.
  test.each([true, false])('each rules_to_suppress entry gets its waiver\'s approver, expiry and library origin (election pack first: %s)', (electionFirst) => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'waiver-expiry-')) });
    const options = { writeSuppressionsToCloudFormation: true };
    const election = () => new ElectionBaselineChecks(app, { ...options, asOf: '2026-11-03' });
    const solutions = () => new AwsSolutionsChecks(app, options);
    Validations.of(app).addPlugins(...(electionFirst ? [election(), solutions()] : [solutions(), election()]));
    const stack = new Stack(app, 'County');
    new SecureBucket(stack, 'Exports', { dataClass: DataClass.VOTER_PII });
    const role = new iam.Role(stack, 'Publisher', { assumedBy: new iam.AccountPrincipal(stack.account) });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['cloudwatch:PutMetricData'], resources: ['*'] }));
    ElectionWaivers.of(role).waive({ id: 'AwsSolutions-IAM5[Resource::*]', reason: REASON, approvedBy: 'County CISO', expires: '2027-06-30' });
    type Entry = { id: string; reason: string; origin?: string };
    const template = app.synth().getStackByName('County').template as { Resources: Record<string, { Metadata?: { cdk_nag?: { rules_to_suppress: Entry[] } } }> };
    const entries = Object.values(template.Resources).flatMap((r) => r.Metadata?.cdk_nag?.rules_to_suppress ?? []);
    expect(entries).toContainEqual({ id: 'AwsSolutions-IAM5[Resource::*]', reason: REASON, approvedBy: 'County CISO', expires: '2027-06-30' });
    const replication = entries.filter((e) => e.id === 'NIST.800.53.R5-S3BucketReplicationEnabled');
    expect(replication.length).toBeGreaterThan(0);
    expect(replication.every((e) => e.origin === 'library')).toBe(true);
    expect(entries.filter((e) => e.origin !== undefined && e.origin !== 'library')).toEqual([]);
  });
});
