import { Body } from './template-fixtures';

/** Fixtures for the OpenSearch, SQS and ELB listener rules: each a template that meets the baseline. */

const TAG = 'election:data-class';
const CERT = 'arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab';

/** A voter-PII search domain in a VPC, under its own key, node-to-node encrypted, HTTPS with TLS 1.2. */
export function domainTemplate(dataClass = 'voter-pii', type = 'AWS::OpenSearchService::Domain'): Record<string, Body> {
  return {
    Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } },
    Domain: {
      Type: type,
      Properties: {
        EncryptionAtRestOptions: { Enabled: true, KmsKeyId: { Ref: 'Key' } },
        NodeToNodeEncryptionOptions: { Enabled: true },
        DomainEndpointOptions: { EnforceHTTPS: true, TLSSecurityPolicy: 'Policy-Min-TLS-1-2-PFS-2023-10' },
        VPCOptions: { SubnetIds: ['subnet-0abc', 'subnet-0def'], SecurityGroupIds: ['sg-0abc'] },
        AccessPolicies: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/search' }, Action: 'es:ESHttp*', Resource: '*' }],
        },
        Tags: [{ Key: TAG, Value: dataClass }],
      },
    },
  };
}

/** The TLS-only statement CDK writes for a queue's `enforceSSL`. */
export function queueTlsStatement(): Record<string, unknown> {
  return {
    Effect: 'Deny',
    Principal: { AWS: '*' },
    Action: 'sqs:*',
    Resource: { 'Fn::GetAtt': ['Queue', 'Arn'] },
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/** A queue of `dataClass` under its own key, with the TLS-only queue policy CDK writes for `enforceSSL`. */
export function queueTemplate(dataClass = 'voter-pii'): Record<string, Body> {
  return {
    Key: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } },
    Queue: { Type: 'AWS::SQS::Queue', Properties: { KmsMasterKeyId: { 'Fn::GetAtt': ['Key', 'Arn'] }, Tags: [{ Key: TAG, Value: dataClass }] } },
    QueuePolicy: {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: { Queues: [{ Ref: 'Queue' }], PolicyDocument: { Version: '2012-10-17', Statement: [queueTlsStatement()] } },
    },
  };
}

/** An ALB with an HTTPS listener (TLS 1.3 policy) and an HTTP listener that redirects to it, and an NLB with a TLS listener. */
export function listenerTemplate(): Record<string, Body> {
  return {
    Alb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'application', Scheme: 'internet-facing' } },
    Nlb: { Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer', Properties: { Type: 'network' } },
    Https: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: {
        LoadBalancerArn: { Ref: 'Alb' },
        Protocol: 'HTTPS',
        Port: 443,
        Certificates: [{ CertificateArn: CERT }],
        SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }],
      },
    },
    Http: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: {
        LoadBalancerArn: { Ref: 'Alb' },
        Protocol: 'HTTP',
        Port: 80,
        DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
      },
    },
    Tls: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: {
        LoadBalancerArn: { Ref: 'Nlb' },
        Protocol: 'TLS',
        Port: 443,
        Certificates: [{ CertificateArn: CERT }],
        SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: 'Targets' } }],
      },
    },
    Targets: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Protocol: 'TCP', Port: 443 } },
  };
}

/** A classic load balancer with an HTTPS listener under the TLS 1.2 predefined policy, named by the listener. */
export function classicTemplate(): Record<string, Body> {
  return {
    Classic: {
      Type: 'AWS::ElasticLoadBalancing::LoadBalancer',
      Properties: {
        Listeners: [{ LoadBalancerPort: '443', InstancePort: '443', Protocol: 'HTTPS', InstanceProtocol: 'HTTPS', SSLCertificateId: CERT, PolicyNames: ['Tls12'] }],
        Policies: [{ PolicyName: 'Tls12', PolicyType: 'SSLNegotiationPolicyType', Attributes: [{ Name: 'Reference-Security-Policy', Value: 'ELBSecurityPolicy-TLS-1-2-2017-01' }] }],
      },
    },
  };
}
