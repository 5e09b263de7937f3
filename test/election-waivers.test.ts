import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { BUCKET_REPLICATION_ACK } from '../constructs/defaults/acknowledgments';
import { SecureBucket } from '../constructs/secure-bucket';
import { DataClass } from '../lib/baseline/data-class';
import { ElectionWaivers } from '../lib/election-waivers';
import { WaiverIndex } from '../lib/pack/waivers';

const REASON = 'CloudWatch PutMetricData has no resource-level permissions; the role writes results metrics only';

function roleInStack(): { app: App; stack: Stack; role: iam.Role } {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'election-waivers-')) });
  const stack = new Stack(app, 'County');
  const role = new iam.Role(stack, 'Publisher', { assumedBy: new iam.AccountPrincipal(stack.account) });
  return { app, stack, role };
}

const registerEntries = (scope: { node: { metadata: Array<{ type: string; data: unknown }> } }) =>
  scope.node.metadata.filter((m) => m.type === ElectionWaivers.METADATA_TYPE).map((m) => m.data);

describe('ElectionWaivers.of(scope).waive', () => {
  test('acknowledges the rule with CDK and records approver and expiry beside it', () => {
    const { role } = roleInStack();
    ElectionWaivers.of(role).waive({ id: 'AwsSolutions-IAM5[Resource::*]', reason: REASON, approvedBy: ' County CISO ', expires: '2027-06-30' });
    expect(role.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => m.data))
      .toEqual([{ 'Annotation::AwsSolutions-IAM5[Resource::*]': REASON }]);
    expect(registerEntries(role)).toEqual([{ id: 'AwsSolutions-IAM5[Resource::*]', approvedBy: 'County CISO', expires: '2027-06-30' }]);
    expect(WaiverIndex.collect(role).made()).toEqual([{
      ruleId: 'AwsSolutions-IAM5[Resource::*]', reason: REASON, path: 'County/Publisher', approvedBy: 'County CISO', expires: '2027-06-30', origin: 'agency',
    }]);
  });

  test('a waiver without approver or expiry is a plain acknowledgment, read back as the agency\'s', () => {
    const { role } = roleInStack();
    ElectionWaivers.of(role).waive({ id: 'NIST.800.53.R5-IAMNoInlinePolicy', reason: REASON });
    expect(registerEntries(role)).toEqual([]);
    expect(WaiverIndex.collect(role).made()).toEqual([{ ruleId: 'NIST.800.53.R5-IAMNoInlinePolicy', reason: REASON, path: 'County/Publisher', origin: 'agency' }]);
  });

  test('the register entry reaches the cloud assembly, by construct path, in the stack\'s metadata', () => {
    const { app, role } = roleInStack();
    ElectionWaivers.of(role).waive({ id: 'AwsSolutions-IAM5[Resource::*]', reason: REASON, approvedBy: 'Elections Director', expires: '2027-01-31' });
    const assembly = app.synth();
    const artifact = assembly.getStackByName('County');
    expect(artifact.findMetadataByType(ElectionWaivers.METADATA_TYPE)).toEqual([
      expect.objectContaining({ path: '/County/Publisher', data: { id: 'AwsSolutions-IAM5[Resource::*]', approvedBy: 'Elections Director', expires: '2027-01-31' } }),
    ]);
  });

  test('the library\'s own acknowledgments are recorded with origin library', () => {
    const { stack } = roleInStack();
    const bucket = new SecureBucket(stack, 'Exports', { dataClass: DataClass.VOTER_PII });
    const replication = WaiverIndex.collect(bucket).made().filter((w) => w.ruleId === BUCKET_REPLICATION_ACK.id);
    expect(replication.length).toBeGreaterThan(0);
    expect(replication.every((w) => w.origin === 'library' && w.reason === BUCKET_REPLICATION_ACK.reason)).toBe(true);
  });

  test.each([
    ['2027-02-30', "is '2027-02-30', not a calendar date"],
    ['2027-13-01', "is '2027-13-01', not a calendar date"],
    ['2027-6-30', "is '2027-6-30', not an ISO date YYYY-MM-DD"],
    ['06/30/2027', "is '06/30/2027', not an ISO date YYYY-MM-DD"],
    ['2027-06-30T00:00:00Z', "is '2027-06-30T00:00:00Z', not an ISO date YYYY-MM-DD"],
    ['', "is '', not an ISO date YYYY-MM-DD"],
  ])('expires %j throws at the call, naming the construct, the waiver and the value', (expires, given) => {
    const { role } = roleInStack();
    expect(() => ElectionWaivers.of(role).waive({ id: 'AwsSolutions-S1', reason: REASON, expires })).toThrow(
      `ElectionWaivers 'County/Publisher': expires of the waiver of AwsSolutions-S1 ${given}; give the last day it holds as an ISO date YYYY-MM-DD, e.g. 2027-06-30`,
    );
  });

  test('a blank approver or id throws; one bad waiver of several records none', () => {
    const { role } = roleInStack();
    expect(() => ElectionWaivers.of(role).waive({ id: 'AwsSolutions-S1', reason: REASON, approvedBy: '  ' })).toThrow(
      "ElectionWaivers 'County/Publisher': approvedBy of the waiver of AwsSolutions-S1 is '  '; name who approved it",
    );
    expect(() => ElectionWaivers.of(role).waive({ id: '', reason: REASON })).toThrow("ElectionWaivers 'County/Publisher': id is ''");
    expect(() => ElectionWaivers.of(role).waive(
      { id: 'AwsSolutions-S1', reason: REASON, expires: '2027-06-30' },
      { id: 'AwsSolutions-S2', reason: REASON, expires: 'soon' },
    )).toThrow("'soon', not an ISO date");
    expect(WaiverIndex.collect(role).made()).toEqual([]);
  });
});
