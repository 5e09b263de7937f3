import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { TemplateResource } from '../../pack/template-model';

/**
 * The resources that are themselves a security control: the web ACL and its
 * attachments, logging and log delivery, the trail, detection services,
 * alarms and their routes, and the policies that lock buckets and topics.
 */
const SECURITY_CONTROL_TYPES = [
  'AWS::WAFv2::WebACL',
  'AWS::WAFv2::WebACLAssociation',
  'AWS::WAFv2::LoggingConfiguration',
  'AWS::CloudTrail::Trail',
  'AWS::GuardDuty::Detector',
  'AWS::SecurityHub::Hub',
  'AWS::SecurityHub::Standard',
  'AWS::Config::ConfigurationRecorder',
  'AWS::Config::DeliveryChannel',
  'AWS::Config::ConfigRule',
  'AWS::S3::BucketPolicy',
  'AWS::SNS::TopicPolicy',
  'AWS::Logs::MetricFilter',
  'AWS::Logs::DeliverySource',
  'AWS::Logs::DeliveryDestination',
  'AWS::Logs::Delivery',
  'AWS::CloudWatch::Alarm',
  'AWS::Events::Rule',
  'AWS::ApiGateway::RequestValidator',
  'AWS::Shield::Protection',
];

/** A security control is created whatever the template's parameters say. */
export const SecurityControlUnconditional: ElectionRule = {
  name: 'SecurityControlUnconditional',
  level: NagMessageLevel.ERROR,
  info: 'A security control (web ACL or its association, logging, trail, detector, alarm, findings route or bucket/topic policy) carries a CloudFormation Condition, so it may not be created.',
  explanation:
    'A Condition turns a security control into a parameter: false at deploy time, the control is silently absent ' +
    'while the template shows it. Passes: security controls without a Condition.',
  rationale:
    'A Condition on a resource decides at deploy time whether it exists at all. A web ACL association, a ' +
    'trail, a GuardDuty detector, an alarm or a bucket policy under a condition that evaluates false is gone, ' +
    'while every rule that reads the template still sees it configured. An auditor reviewing a vendor ' +
    'template cannot tell which way the condition will go, so the rule fails closed on any condition. Waive ' +
    'it only for a control that is deliberately deployed in some environments and not others, naming the ' +
    'condition and where the control comes from instead.',
  controls: ['NIST-800-53-r5:CM-6', 'NIST-800-53-r5:CA-7', 'NIST-800-53-r5:AU-12', 'CISA-CPG:2.O', 'CIS-v8:4.1'],
  resourceTypes: SECURITY_CONTROL_TYPES,
  waivable: true,
  faultPath: () => 'Condition',
  check: securityControlUnconditional,
};

function securityControlUnconditional(resource: TemplateResource): NagRuleCompliance {
  return resource.condition === undefined ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
