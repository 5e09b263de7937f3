import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as events from 'aws-cdk-lib/aws-events';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { SecurityHubStandard } from '../../constructs/defaults/security-monitoring-defaults';
import { LogArchiveBucket } from '../../constructs/log-archive-bucket';
import { SecurityMonitoring, SecurityMonitoringProps } from '../../constructs/security-monitoring';
import { matchesEventPattern } from '../helpers/event-pattern';
import { WaiverIndex } from '../../lib/pack/waivers';
import { newStack, packViolations } from '../helpers/pack-harness';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

const FINDINGS = path.join(__dirname, '../fixtures/findings');

function finding(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(FINDINGS, `${name}.json`), 'utf8'));
}

function monitoringStack(props: SecurityMonitoringProps = {}) {
  const { stack } = newStack();
  const monitoring = new SecurityMonitoring(stack, 'Monitoring', props);
  return { stack, monitoring, template: Template.fromStack(stack) };
}

/** The event patterns exactly as the template gives them to EventBridge. */
function renderedPatterns(template: Template): Record<string, unknown>[] {
  return Object.values(template.findResources('AWS::Events::Rule')).map((r) => r.Properties.EventPattern);
}

describe('SecurityMonitoring defaults', () => {
  const { stack, monitoring, template } = monitoringStack();

  test('GuardDuty: enabled, S3 and the other protection plans on, Runtime Monitoring off, updates every 15 minutes', () => {
    template.hasResourceProperties('AWS::GuardDuty::Detector', {
      Enable: true,
      FindingPublishingFrequency: 'FIFTEEN_MINUTES',
      Features: [
        { Name: 'S3_DATA_EVENTS', Status: 'ENABLED' },
        { Name: 'EKS_AUDIT_LOGS', Status: 'ENABLED' },
        { Name: 'EBS_MALWARE_PROTECTION', Status: 'ENABLED' },
        { Name: 'RDS_LOGIN_EVENTS', Status: 'ENABLED' },
        { Name: 'LAMBDA_NETWORK_LOGS', Status: 'ENABLED' },
        { Name: 'RUNTIME_MONITORING', Status: 'DISABLED' },
      ],
    });
    // Features and the legacy DataSources cannot both be set.
    expect(Object.values(template.findResources('AWS::GuardDuty::Detector'))[0].Properties.DataSources).toBeUndefined();
  });

  test("Security Hub: AWS's default standards off, FSBP and CIS v3.0.0 on, by Region- and partition-agnostic ARNs", () => {
    template.hasResourceProperties('AWS::SecurityHub::Hub', { EnableDefaultStandards: false, ControlFindingGenerator: 'SECURITY_CONTROL', AutoEnableControls: true });
    const hubId = stack.getLogicalId(monitoring.hub!);
    const standards = Object.values(template.findResources('AWS::SecurityHub::Standard'));
    expect(standards.map((s) => s.Properties.StandardsArn)).toEqual([
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':securityhub:', { Ref: 'AWS::Region' }, '::standards/aws-foundational-security-best-practices/v/1.0.0']] },
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':securityhub:', { Ref: 'AWS::Region' }, '::standards/cis-aws-foundations-benchmark/v/3.0.0']] },
    ]);
    for (const standard of standards) expect(standard.DependsOn).toContain(hubId);
  });

  test('AWS Config: every resource type, global ones included, continuously, into the write-once archive', () => {
    template.hasResourceProperties('AWS::Config::ConfigurationRecorder', {
      RecordingGroup: { AllSupported: true, IncludeGlobalResourceTypes: true },
      RecordingMode: { RecordingFrequency: 'CONTINUOUS' },
      RoleARN: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig']] },
    });
    const archive = monitoring.archive!;
    template.hasResourceProperties('AWS::Config::DeliveryChannel', {
      S3BucketName: { Ref: stack.getLogicalId(archive.bucket.node.defaultChild as never) },
      S3KmsKeyArn: { 'Fn::GetAtt': [stack.getLogicalId(archive.encryptionKey.node.defaultChild as never), 'Arn'] },
      S3KeyPrefix: Match.absent(),
    });
    template.hasResourceProperties('AWS::S3::Bucket', { ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE' } } } });
    template.hasResource('AWS::Config::DeliveryChannel', { DependsOn: Match.arrayWith([stack.getLogicalId(monitoring.recorder!)]) });
  });

  test('managed Config rules mirror the baseline, each after the recorder', () => {
    const rules = Object.values(template.findResources('AWS::Config::ConfigRule'));
    expect(rules.map((r) => r.Properties.Source.SourceIdentifier).sort()).toEqual([
      'API_GW_ASSOCIATED_WITH_WAF', 'CLOUDFRONT_VIEWER_POLICY_HTTPS', 'CLOUDWATCH_LOG_GROUP_ENCRYPTED', 'CLOUD_TRAIL_ENABLED',
      'CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED', 'CW_LOGGROUP_RETENTION_PERIOD_CHECK', 'DYNAMODB_PITR_ENABLED', 'MULTI_REGION_CLOUD_TRAIL_ENABLED',
      'S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED', 'S3_BUCKET_PUBLIC_READ_PROHIBITED', 'S3_BUCKET_SSL_REQUESTS_ONLY', 'S3_DEFAULT_ENCRYPTION_KMS',
      'WAFV2_LOGGING_ENABLED',
    ]);
    for (const rule of rules) expect(rule.DependsOn).toContain(stack.getLogicalId(monitoring.recorder!));
    template.hasResourceProperties('AWS::Config::ConfigRule', {
      Source: { Owner: 'AWS', SourceIdentifier: 'CW_LOGGROUP_RETENTION_PERIOD_CHECK' },
      InputParameters: { MinRetentionTime: 365 },
    });
  });

  test('findings go to an encrypted, TLS-only topic that EventBridge may use', () => {
    const topicId = stack.getLogicalId(monitoring.alertTopic.node.defaultChild as never);
    for (const rule of Object.values(template.findResources('AWS::Events::Rule'))) {
      expect(rule.Properties.Targets).toEqual([expect.objectContaining({ Arn: { Ref: topicId } })]);
    }
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sns:Publish' }),
        ]),
      },
    });
  });

  test.each([
    ['ElectionBaseline', (s: Stack) => packViolations(s)],
    ['AwsSolutions', (s: Stack) => new AwsSolutionsChecks().validateScope(s).violations],
    ['NIST.800.53.R5', (s: Stack) => new NIST80053R5Checks().validateScope(s).violations],
  ])('passes %s', (_, violations) => {
    expect(violations(stack)).toEqual([]);
  });
});

describe('the findings rules, evaluated on sample findings as EventBridge would', () => {
  const { template } = monitoringStack();
  const patterns = renderedPatterns(template);
  const routed = (event: Record<string, unknown>) => patterns.filter((p) => matchesEventPattern(p as Record<string, unknown>, event)).length;

  test.each([
    ['guardduty-high-s3-exfiltration', 1],
    ['guardduty-critical-ransomware', 1],
    ['guardduty-threshold-seven', 1],
    ['guardduty-medium-recon', 0],
    ['guardduty-low-port-probe', 0],
    ['securityhub-critical-public-bucket', 1],
    ['securityhub-high-inspector-cve', 1],
    // Security Hub's copy of a GuardDuty finding: the GuardDuty rule already sent it.
    ['securityhub-high-guardduty-copy', 0],
    ['securityhub-high-resolved', 0],
    ['securityhub-high-archived', 0],
    ['securityhub-medium', 0],
  ])('%s is sent %i time(s)', (name, times) => {
    expect(routed(finding(name))).toBe(times);
  });

  test('a weakened GuardDuty pattern (any severity) would page on a port probe', () => {
    const weakened = { source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'] };
    expect(matchesEventPattern(weakened, finding('guardduty-low-port-probe'))).toBe(true);
  });
});

describe('the EventBridge matcher used above', () => {
  test.each([
    [{ detail: { severity: [{ numeric: ['>=', 7] }] } }, { detail: { severity: 6.9 } }, false],
    [{ detail: { severity: [{ numeric: ['>=', 7] }] } }, { detail: { severity: '8' } }, false],
    [{ detail: { name: [{ 'anything-but': 'GuardDuty' }] } }, { detail: {} }, false],
    [{ detail: { name: [{ 'anything-but': 'GuardDuty' }] } }, { detail: { name: 'Inspector' } }, true],
    [{ detail: { name: [{ exists: false }] } }, { detail: {} }, true],
    [{ detail: { f: { a: ['x'], b: ['y'] } } }, { detail: { f: [{ a: 'x' }, { b: 'y' }] } }, true],
    [{ detail: { tags: ['red'] } }, { detail: { tags: ['blue', 'red'] } }, true],
    [{ source: ['aws.guardduty'] }, { source: 'aws.securityhub' }, false],
  ])('%j on %j is %s', (pattern, event, expected) => {
    expect(matchesEventPattern(pattern as Record<string, unknown>, event)).toBe(expected);
  });

  test('an unknown matcher is an error, not a silent miss', () => {
    expect(() => matchesEventPattern({ a: [{ wildcard: 'x*' }] }, { a: 'xy' })).toThrow('unsupported matcher wildcard');
  });
});

describe('SecurityMonitoring switches and props', () => {
  test('each singleton can be left to the organization; the findings rules stay', () => {
    const { monitoring, template } = monitoringStack({ enableGuardDuty: false, enableSecurityHub: false, enableConfig: false });
    for (const type of ['AWS::GuardDuty::Detector', 'AWS::SecurityHub::Hub', 'AWS::SecurityHub::Standard', 'AWS::Config::ConfigurationRecorder',
      'AWS::Config::DeliveryChannel', 'AWS::Config::ConfigRule', 'AWS::S3::Bucket']) {
      template.resourceCountIs(type, 0);
    }
    expect([monitoring.detector, monitoring.hub, monitoring.recorder, monitoring.deliveryChannel, monitoring.archive]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    template.resourceCountIs('AWS::Events::Rule', 2);
  });

  test('a given archive and topic are shared, not duplicated', () => {
    const { stack } = newStack();
    const archive = new LogArchiveBucket(stack, 'Archive');
    const alertTopic = new sns.Topic(stack, 'Shared', { enforceSSL: true });
    const monitoring = new SecurityMonitoring(stack, 'Monitoring', { archive, alertTopic });
    const template = Template.fromStack(stack);
    expect(monitoring.archive).toBe(archive);
    expect(monitoring.alertTopic).toBe(alertTopic);
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.hasResourceProperties('AWS::Config::DeliveryChannel', { S3BucketName: { Ref: stack.getLogicalId(archive.bucket.node.defaultChild as never) } });
  });

  test('the SOC receives the findings too, by bus and by topic', () => {
    const { stack } = newStack();
    const socEventBus = events.EventBus.fromEventBusArn(stack, 'Soc', 'arn:aws:events:us-east-1:444455556666:event-bus/soc');
    new SecurityMonitoring(stack, 'Monitoring', { enableConfig: false, socEventBus, socTopicArn: 'arn:aws:sns:us-east-1:444455556666:soc-alerts' });
    const rules = Object.values(Template.fromStack(stack).findResources('AWS::Events::Rule'));
    for (const rule of rules) {
      const arns = rule.Properties.Targets.map((t: { Arn: unknown }) => t.Arn);
      expect(arns).toEqual(expect.arrayContaining(['arn:aws:events:us-east-1:444455556666:event-bus/soc', 'arn:aws:sns:us-east-1:444455556666:soc-alerts']));
      expect(arns).toHaveLength(3);
    }
  });

  test('opting out of global types or the baseline standards is reported as a waiver, never hidden; the defaults waive nothing', () => {
    const waivedRules = (props: SecurityMonitoringProps) => {
      const { stack } = newStack();
      new SecurityMonitoring(stack, 'Monitoring', props);
      // The pack stays clean: each opt-out is waived by an acknowledgment the audit lists.
      expect(packViolations(stack)).toEqual([]);
      return WaiverIndex.collect(stack).made().map((w) => w.ruleId).filter((id) => /ConfigRecorder|SecurityHub/.test(id));
    };
    expect(waivedRules({})).toEqual([]);
    expect(waivedRules({ securityHubStandards: [SecurityHubStandard.AWS_FOUNDATIONAL_SECURITY_BEST_PRACTICES, SecurityHubStandard.NIST_800_53_REV_5] })).toEqual([]);
    expect(waivedRules({ includeGlobalResourceTypes: false })).toEqual(['ElectionBaseline-ConfigRecorderAllResources']);
    expect(waivedRules({ securityHubStandards: [SecurityHubStandard.CIS_AWS_FOUNDATIONS_3_0_0] })).toEqual(['ElectionBaseline-SecurityHubStandardsEnabled']);
  });

  test('Runtime Monitoring, NIST 800-53 and a service-linked role on request', () => {
    const { template } = monitoringStack({
      guardDutyRuntimeMonitoring: true,
      securityHubStandards: [SecurityHubStandard.NIST_800_53_REV_5],
      createConfigServiceLinkedRole: true,
    });
    const features = Object.values(template.findResources('AWS::GuardDuty::Detector'))[0].Properties.Features as guardduty.CfnDetector.CFNFeatureConfigurationProperty[];
    expect(features).toContainEqual(expect.objectContaining({ Name: 'RUNTIME_MONITORING', Status: 'ENABLED' }));
    template.resourceCountIs('AWS::SecurityHub::Standard', 1);
    template.hasResourceProperties('AWS::SecurityHub::Standard', { StandardsArn: { 'Fn::Join': ['', Match.arrayWith(['::standards/nist-800-53/v/5.0.0'])] } });
    template.hasResourceProperties('AWS::IAM::ServiceLinkedRole', { AWSServiceName: 'config.amazonaws.com' });
  });

  test.each([
    [{ socTopicArn: 'arn:aws:sqs:us-east-1:444455556666:soc' }, ValidationErrorCode.INVALID_VALUE, 'socTopicArn', "SecurityMonitoring 'Test/Monitoring': socTopicArn is 'arn:aws:sqs:us-east-1:444455556666:soc'"],
    [{ securityHubStandards: ['pci-dss/v/3.2.1' as SecurityHubStandard] }, ValidationErrorCode.INVALID_VALUE, 'securityHubStandards', "securityHubStandards contains 'pci-dss/v/3.2.1'"],
    [{ enableConfig: false, createConfigServiceLinkedRole: true }, ValidationErrorCode.CONFLICTING_PROPS, 'enableConfig', 'enableConfig is false'],
  ] as Array<[Partial<SecurityMonitoringProps>, ValidationErrorCode, string, string]>)('bad input %o is a clear error', (props, code, prop, message) => {
    expectValidationError(() => monitoringStack(props), { code, prop, message });
  });
});
