import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { ControlCatalogue } from '../lib/controls/catalogue';
import { ElectionBaselineChecks } from '../lib/election-baseline-checks';
import { ELECTION_RULES } from '../lib/rules';
import { ElectionRecordsBucket } from '../constructs/election-records-bucket';
import { newStack, packViolations } from './helpers/pack-harness';

describe('the rule list', () => {
  test('every rule has a unique name, one-line info, an explanation, types and catalogued controls', () => {
    const names = ELECTION_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of ELECTION_RULES) {
      expect(rule.info).not.toMatch(/\n/);
      expect(rule.explanation.length).toBeGreaterThan(80);
      expect(rule.resourceTypes.length).toBeGreaterThan(0);
      expect(rule.controls.length).toBeGreaterThan(0);
      for (const id of rule.controls) expect(ControlCatalogue.has(id)).toBe(true);
    }
  });

  test('every rule lives in a file named after it and has a test file that mirrors it', () => {
    for (const rule of ELECTION_RULES) {
      const files = fs.readdirSync(path.join(__dirname, '../lib/rules'), { recursive: true }) as string[];
      const file = files.find((f) => path.basename(f) === `${rule.name}.ts`);
      expect(file).toMatch(new RegExp(`^[a-z0-9]+/${rule.name}\\.ts$`));
      expect(fs.existsSync(path.join(__dirname, 'rules', file!.replace(/\.ts$/, '.test.ts')))).toBe(true);
    }
  });

  test('ElectionBaselineChecks.rules() describes every rule as data', () => {
    const rules = ElectionBaselineChecks.rules();
    expect(rules.map((r) => r.ruleId)).toEqual(ELECTION_RULES.map((r) => `ElectionBaseline-${r.name}`));
    expect(rules.find((r) => r.ruleId === 'ElectionBaseline-S3RecordsObjectLock')).toMatchObject({ pack: 'election', level: 'error', waivable: false, controls: expect.arrayContaining(['52-USC-20701']) });
  });
});

describe('a plain bucket', () => {
  test('fails validation with ElectionBaseline violations that name its construct path', () => {
    const { stack } = newStack();
    new s3.Bucket(stack, 'Plain');
    const ids = packViolations(stack).filter((v) => v.path === 'Test/Plain/Resource').map((v) => v.ruleId).sort();
    expect(ids).toEqual([
      'ElectionBaseline-DataStoreClassified',
      'ElectionBaseline-S3BucketCustomerManagedKey',
      'ElectionBaseline-S3BucketNoAcls',
      'ElectionBaseline-S3BucketPublicAccessBlocked',
      'ElectionBaseline-S3BucketServerAccessLogs',
      'ElectionBaseline-S3BucketTlsOnly',
      'ElectionBaseline-S3BucketVersioning',
      'ElectionBaseline-S3RecordsObjectLock',
    ]);
  });

  test('makes synthesis fail when the pack is registered on the app', () => {
    const app = new App();
    Validations.of(app).addPlugins(new ElectionBaselineChecks(app));
    const stack = new Stack(app, 'Plain');
    new s3.Bucket(stack, 'Bucket');
    expect(() => app.synth()).toThrow(/ElectionBaseline-DataStoreClassified[\s\S]*Plain\/Bucket\/Resource|Validation failed/);
  });

  test('a ruleset acknowledgment waives a waivable rule at synth', () => {
    const { stack } = newStack();
    const bucket = new s3.Bucket(stack, 'Plain');
    Validations.of(bucket).acknowledge({ id: 'ElectionBaseline-S3BucketVersioning', reason: 'Scratch bucket for a test of acknowledgments' });
    const ids = packViolations(stack).map((v) => v.ruleId);
    expect(ids).not.toContain('ElectionBaseline-S3BucketVersioning');
    expect(ids).toContain('ElectionBaseline-S3BucketTlsOnly');
  });
});

describe('the same verdict at synth and on the bare template', () => {
  function includeTemplate(template: object): Stack {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ebc-'));
    const file = path.join(dir, 'template.json');
    fs.writeFileSync(file, JSON.stringify(template));
    const stack = new Stack(new App(), 'Audited');
    new CfnInclude(stack, 'Template', { templateFile: file });
    return stack;
  }

  test('a compliant records bucket passes both ways; a weakened one fails the same rules both ways', () => {
    const { app, stack } = newStack();
    const records = new ElectionRecordsBucket(stack, 'Records');
    const plain = new s3.Bucket(stack, 'Plain', { versioned: true });
    const template = app.synth().getStackByName(stack.stackName).template;
    const synthIds = packViolations(stack).map((v) => v.ruleId).sort();
    const bare = includeTemplate(template);
    const bareIds = packViolations(bare).map((v) => v.ruleId).sort();
    expect(bareIds).toEqual(synthIds);
    const plainId = stack.getLogicalId(plain.node.defaultChild as s3.CfnBucket);
    expect(synthIds.length).toBeGreaterThan(0);
    expect(packViolations(bare).every((v) => v.path === `Audited/Template/${plainId}`)).toBe(true);
    const recordsId = stack.getLogicalId(records.bucket.node.defaultChild as s3.CfnBucket);
    expect(packViolations(bare).some((v) => v.path === `Audited/Template/${recordsId}`)).toBe(false);
  });
});

describe('waivers an auditor can trust', () => {
  test('a waiver of a rule that cannot be waived is refused as fatal, and synth fails', () => {
    const app = new App();
    Validations.of(app).addPlugins(new ElectionBaselineChecks(app));
    const stack = new Stack(app, 'Waived');
    const records = new ElectionRecordsBucket(stack, 'Records');
    (records.bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride('ObjectLockConfiguration.Rule.DefaultRetention.Mode', 'GOVERNANCE');
    Validations.of(records).acknowledge({ id: 'ElectionBaseline-S3RecordsObjectLock', reason: 'Vendor needs to purge test uploads before canvass' });
    const report = new ElectionBaselineChecks().validateScope(app);
    const refused = report.violations.find((v) => v.ruleName === 'ElectionBaseline-S3RecordsObjectLock' && v.severity === 'fatal');
    expect(refused).toMatchObject({ severity: 'fatal', violatingResources: [{ constructPath: 'Waived/Records' }] });
    expect(refused!.description).toContain('The waiver made at Waived/Records');
    expect(refused!.description).toContain('cannot be waived');
    expect(() => app.synth()).toThrow();
  });

  test('the namespaced form of the id is refused too', () => {
    const { stack } = newStack();
    const records = new ElectionRecordsBucket(stack, 'Records');
    (records.bucket.node.defaultChild as s3.CfnBucket).addPropertyOverride('ObjectLockEnabled', false);
    Validations.of(stack).acknowledge({ id: 'ElectionBaseline::ElectionBaseline-S3RecordsObjectLock', reason: 'Stack-wide waiver written the CDK way' });
    expect(packViolations(stack)).toContainEqual({ ruleId: 'ElectionBaseline-S3RecordsObjectLock', path: 'Test' });
  });

  test('a waiver of a non-waivable rule is refused even while the rule passes: it would cover the day it fails', () => {
    const { stack } = newStack();
    const records = new ElectionRecordsBucket(stack, 'Records');
    Validations.of(records).acknowledge({ id: 'ElectionBaseline-S3RecordsObjectLock', reason: 'Belt and braces: recorded for the auditor' });
    const report = new ElectionBaselineChecks().validateScope(stack);
    expect(report.violations).toEqual([expect.objectContaining({
      ruleName: 'ElectionBaseline-S3RecordsObjectLock',
      severity: 'fatal',
      violatingResources: [{ constructPath: 'Test/Records', locations: ['Metadata'] }],
    })]);
  });

  test('a waiver of any pack with a reason under 20 characters is fatal', () => {
    const { stack } = newStack();
    const records = new ElectionRecordsBucket(stack, 'Records');
    Validations.of(records.bucket).acknowledge({ id: 'AwsSolutions-S1', reason: 'not needed' });
    const report = new ElectionBaselineChecks().validateScope(stack);
    expect(report.success).toBe(false);
    expect(report.violations).toEqual([expect.objectContaining({
      ruleName: 'ElectionBaseline-WaiverReasonTooShort',
      severity: 'fatal',
      violatingResources: [{ constructPath: 'Test/Records/Bucket', locations: ['Metadata'] }],
    })]);
    expect(report.violations[0].description).toContain("The waiver of AwsSolutions-S1 gives the reason 'not needed'");
  });

  test.each([
    ['twenty zero-width spaces', '\u200B'.repeat(20)],
    ['white space and bidi marks around two words', `\u202A${' '.repeat(20)}not needed\u202C${'\u00A0'.repeat(10)}`],
    ['twenty dots', '.'.repeat(20)],
    ['one long word', 'acknowledgedacknowledged'],
  ])('a waiver whose reason is padding (%s) is fatal: an auditor cannot check it', (_, reason) => {
    const { stack } = newStack();
    const records = new ElectionRecordsBucket(stack, 'Records');
    Validations.of(records.bucket).acknowledge({ id: 'AwsSolutions-S1', reason });
    const report = new ElectionBaselineChecks().validateScope(stack);
    expect(report.violations.map((v) => v.ruleName)).toEqual(['ElectionBaseline-WaiverReasonTooShort']);
  });
});

describe('messages', () => {
  test('a non-waivable violation says so; a waivable one does not; verbose adds the explanation and controls', () => {
    const { stack } = newStack();
    new s3.Bucket(stack, 'Plain');
    const plain = new ElectionBaselineChecks().validateScope(stack).violations;
    const byId = (id: string) => plain.find((v) => v.ruleName === `ElectionBaseline-${id}`)!.description;
    expect(byId('S3RecordsObjectLock')).toMatch(/This rule cannot be waived\.$/);
    expect(byId('S3BucketVersioning')).toBe('The bucket does not have versioning enabled.');
    const verbose = new ElectionBaselineChecks(undefined, { verbose: true }).validateScope(stack).violations;
    const description = verbose.find((v) => v.ruleName === 'ElectionBaseline-S3RecordsObjectLock')!.description;
    expect(description).toContain('52 U.S.C. 20701 requires election records to be kept 22 months');
    expect(description).toContain('Controls: 52-USC-20701 (Retention and preservation');
  });
});
