import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildReferenceApp } from '../../bin/reference-app';

/** The context `cdk synth` runs with (weak cross-stack references among it), plus `context`. */
const CDK_JSON_CONTEXT = JSON.parse(fs.readFileSync(path.join(__dirname, '../../cdk.json'), 'utf8')).context;

function securityBaseline(context: Record<string, unknown> = {}) {
  const stacks = buildReferenceApp(new App({ context: { ...CDK_JSON_CONTEXT, ...context } }));
  return { ...stacks, template: Template.fromStack(stacks.securityBaseline) };
}

describe('the reference security baseline stack', () => {
  const { securityBaseline: stack, template } = securityBaseline({ alertEmail: 'soc@county.example.gov' });

  test('is env-agnostic and holds one of each account-level service', () => {
    expect(Stack.of(stack).environment).toBe('aws://unknown-account/unknown-region');
    for (const type of ['AWS::CloudTrail::Trail', 'AWS::GuardDuty::Detector', 'AWS::SecurityHub::Hub', 'AWS::Config::ConfigurationRecorder', 'AWS::Config::DeliveryChannel', 'AWS::SNS::Topic']) {
      template.resourceCountIs(type, 1);
    }
  });

  test('trail and Config share one write-once archive', () => {
    const archiveId = stack.getLogicalId(stack.archive.bucket.node.defaultChild as never);
    template.hasResourceProperties('AWS::CloudTrail::Trail', { S3BucketName: { Ref: archiveId }, IsMultiRegionTrail: true, EnableLogFileValidation: true });
    template.hasResourceProperties('AWS::Config::DeliveryChannel', { S3BucketName: { Ref: archiveId } });
  });

  test('alarms and findings reach the alert email through one topic', () => {
    const topicId = stack.getLogicalId(stack.alarms.topic.node.defaultChild as never);
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'soc@county.example.gov', TopicArn: { Ref: topicId } });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmActions: [{ Ref: topicId }] });
    for (const rule of Object.values(template.findResources('AWS::Events::Rule'))) {
      expect(rule.Properties.Targets).toEqual([expect.objectContaining({ Arn: { Ref: topicId } })]);
    }
  });

  test("the results stack's records bucket is watched: data events and its own alarm, by a weak cross-stack reference", () => {
    const output = (name: string) => ({ 'Fn::GetStackOutput': { StackName: 'ElectionResults', Region: { Ref: 'AWS::Region' }, OutputName: expect.stringContaining(name) } });
    const trail = Object.values(template.findResources('AWS::CloudTrail::Trail'))[0];
    expect(trail.Properties.EventSelectors).toContainEqual({
      DataResources: [{ Type: 'AWS::S3::Object', Values: [{ 'Fn::Join': ['', [output('ResultsRecordsBucket'), '/']] }] }],
      IncludeManagementEvents: false,
      ReadWriteType: 'All',
    });
    const filter = Object.values(template.findResources('AWS::Logs::MetricFilter'))
      .find((f) => f.Properties.MetricTransformations[0].MetricName === 'RecordsBucketProtectionChanges')!;
    expect(filter.Properties.FilterPattern['Fn::Join'][1]).toContainEqual(output('ResultsRecordsBucket'));
    expect(JSON.stringify(template.toJSON())).not.toContain('Fn::ImportValue');
  });

  test('no alert email means no subscription', () => {
    securityBaseline().template.resourceCountIs('AWS::SNS::Subscription', 0);
  });
});
