import { CfnResource } from './construct-templates';
import type { Mutation } from './mutations';
import { has, Json, list, obj, props } from './template-edits';

/**
 * Weakenings of the entry points and stores vendors add (issue 12): ALB and
 * NLB listeners, OpenSearch domains and SQS queues, as built by the
 * SecureEntryPoints case. Each edits one setting the way a hurried escape
 * hatch or hand edit would.
 */

const TARGET_GROUP_ARN = 'arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/app/0123456789abcdef';
const DATA_CLASS_TAG = 'election:data-class';

const protocolIs = (protocol: string) => (r: CfnResource) => props(r).Protocol === protocol;
const redirects = (r: CfnResource) => list(props(r).DefaultActions).some((a) => a.Type === 'redirect');
const endpoint = (r: CfnResource): Json => (props(r).DomainEndpointOptions ??= {}) as Json;
const openStatement = (extra: Json = {}): Json => ({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'es:*', Resource: '*', ...extra });

/** Drops a listener's TLS settings, as switching it to a plain protocol does. */
function plain(r: CfnResource, protocol: string): void {
  props(r).Protocol = protocol;
  delete props(r).Certificates;
  delete props(r).SslPolicy;
}

export const ENTRY_POINT_MUTATIONS: readonly Mutation[] = [
  // ALB and NLB listeners
  { name: 'elb: HTTPS listener served as HTTP', type: 'AWS::ElasticLoadBalancingV2::Listener', applies: protocolIs('HTTPS'), edit: (r) => plain(r, 'HTTP') },
  {
    name: 'elb: HTTP redirect swapped for a forward',
    type: 'AWS::ElasticLoadBalancingV2::Listener', applies: redirects,
    edit: (r) => (props(r).DefaultActions = [{ Type: 'forward', TargetGroupArn: TARGET_GROUP_ARN }]),
  },
  {
    name: 'elb: HTTP redirect keeps the original protocol',
    type: 'AWS::ElasticLoadBalancingV2::Listener', applies: redirects,
    edit: (r) => (obj(list(props(r).DefaultActions)[0].RedirectConfig).Protocol = '#{protocol}'),
  },
  {
    name: 'elb: listener rule forwards plain HTTP',
    type: 'AWS::ElasticLoadBalancingV2::Listener', applies: redirects,
    edit: (_r, { template, logicalId }) => {
      template.Resources[`${logicalId}PlainRule`] = {
        Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
        Properties: {
          ListenerArn: { Ref: logicalId },
          Priority: 1,
          Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }],
          Actions: [{ Type: 'forward', TargetGroupArn: TARGET_GROUP_ARN }],
        },
      };
    },
  },
  { name: 'elb: SslPolicy removed', type: 'AWS::ElasticLoadBalancingV2::Listener', applies: has('SslPolicy'), edit: (r) => delete props(r).SslPolicy },
  { name: 'elb: SslPolicy accepting TLS 1.0', type: 'AWS::ElasticLoadBalancingV2::Listener', applies: has('SslPolicy'), edit: (r) => (props(r).SslPolicy = 'ELBSecurityPolicy-2016-08') },
  {
    name: 'elb: SslPolicy TLS 1.3 down to 1.0',
    type: 'AWS::ElasticLoadBalancingV2::Listener', applies: has('SslPolicy'),
    edit: (r) => (props(r).SslPolicy = 'ELBSecurityPolicy-TLS13-1-0-2021-06'),
  },
  { name: 'elb: TLS listener swapped for TCP pass-through', type: 'AWS::ElasticLoadBalancingV2::Listener', applies: protocolIs('TLS'), edit: (r) => plain(r, 'TCP') },

  // OpenSearch domains
  { name: 'opensearch: access policy open to *', type: 'AWS::OpenSearchService::Domain', edit: (r) => (props(r).AccessPolicies = { Version: '2012-10-17', Statement: [openStatement()] }) },
  {
    name: 'opensearch: access policy open to an IP range',
    type: 'AWS::OpenSearchService::Domain',
    edit: (r) => (props(r).AccessPolicies = { Version: '2012-10-17', Statement: [openStatement({ Condition: { IpAddress: { 'aws:SourceIp': '0.0.0.0/0' } } })] }),
  },
  { name: 'opensearch: encryption at rest off', type: 'AWS::OpenSearchService::Domain', edit: (r) => (props(r).EncryptionAtRestOptions = { Enabled: false }) },
  { name: 'opensearch: AWS-managed key', type: 'AWS::OpenSearchService::Domain', edit: (r) => delete obj(props(r).EncryptionAtRestOptions).KmsKeyId },
  { name: 'opensearch: node-to-node encryption off', type: 'AWS::OpenSearchService::Domain', edit: (r) => (props(r).NodeToNodeEncryptionOptions = { Enabled: false }) },
  { name: 'opensearch: HTTPS not enforced', type: 'AWS::OpenSearchService::Domain', edit: (r) => (endpoint(r).EnforceHTTPS = false) },
  { name: 'opensearch: TLS 1.0 policy', type: 'AWS::OpenSearchService::Domain', edit: (r) => (endpoint(r).TLSSecurityPolicy = 'Policy-Min-TLS-1-0-2019-07') },
  { name: 'opensearch: TLS policy removed', type: 'AWS::OpenSearchService::Domain', edit: (r) => delete endpoint(r).TLSSecurityPolicy },
  { name: 'opensearch: voter-PII domain moved out of the VPC', type: 'AWS::OpenSearchService::Domain', applies: has('VPCOptions'), edit: (r) => delete props(r).VPCOptions },
  {
    name: 'opensearch: data-class tag removed',
    type: 'AWS::OpenSearchService::Domain',
    edit: (r) => (props(r).Tags = list(props(r).Tags).filter((t) => t.Key !== DATA_CLASS_TAG)),
  },

  // SQS queues and their policies
  { name: 'sqs: KMS key removed', type: 'AWS::SQS::Queue', applies: has('KmsMasterKeyId'), edit: (r) => delete props(r).KmsMasterKeyId },
  {
    name: 'sqs: SQS-managed SSE instead of KMS',
    type: 'AWS::SQS::Queue', applies: has('KmsMasterKeyId'),
    edit: (r) => {
      delete props(r).KmsMasterKeyId;
      props(r).SqsManagedSseEnabled = true;
    },
  },
  { name: 'sqs: KMS key swapped for alias/aws/sqs', type: 'AWS::SQS::Queue', applies: has('KmsMasterKeyId'), edit: (r) => (props(r).KmsMasterKeyId = 'alias/aws/sqs') },
  {
    name: 'sqs: data-class tag removed',
    type: 'AWS::SQS::Queue',
    edit: (r) => (props(r).Tags = list(props(r).Tags).filter((t) => t.Key !== DATA_CLASS_TAG)),
  },
  {
    name: 'sqs: TLS-only deny dropped',
    type: 'AWS::SQS::QueuePolicy',
    edit: (r) => {
      const document = obj(props(r).PolicyDocument);
      document.Statement = list(document.Statement).filter((s) => !JSON.stringify(s.Condition ?? {}).includes('aws:SecureTransport'));
    },
  },
  {
    name: 'sqs: queue policy opened to *',
    type: 'AWS::SQS::QueuePolicy',
    edit: (r) => {
      const document = obj(props(r).PolicyDocument);
      document.Statement = [...list(document.Statement), { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sqs:ReceiveMessage', Resource: '*' }];
    },
  },
];
