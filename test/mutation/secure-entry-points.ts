import { Duration, Stack, Tags } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as opensearch from 'aws-cdk-lib/aws-opensearchservice';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DATA_CLASS_TAG, DataClass } from '../../lib/baseline/data-class';
import { ELB_RECOMMENDED_POLICY } from '../../lib/baseline/tls-policies';

const CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:111122223333:certificate/1234abcd-12ab-34cd-56ef-1234567890ab';

/**
 * The entry points and stores a careful vendor adds beside our constructs,
 * built from aws-cdk-lib L2 constructs with their secure settings: an ALB
 * with an HTTPS listener and an HTTP-to-HTTPS redirect, an NLB with a TLS
 * listener, a voter-PII OpenSearch domain in a VPC under its own key, and a
 * voter-PII queue under its own key with a TLS-only policy. The mutation
 * suite weakens it to prove the elb, opensearch and sqs rules catch each.
 */
export function secureEntryPoints(stack: Stack): Construct {
  const scope = new Construct(stack, 'EntryPoints');
  const vpc = new ec2.Vpc(scope, 'Vpc', {
    maxAzs: 2,
    natGateways: 0,
    subnetConfiguration: [
      { name: 'public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
    ],
  });
  const certificate = acm.Certificate.fromCertificateArn(scope, 'Certificate', CERTIFICATE_ARN);
  const sslPolicy = ELB_RECOMMENDED_POLICY as elbv2.SslPolicy;

  const alb = new elbv2.ApplicationLoadBalancer(scope, 'Alb', { vpc, internetFacing: true });
  const portal = new elbv2.ApplicationTargetGroup(scope, 'Portal', { vpc, port: 443, protocol: elbv2.ApplicationProtocol.HTTPS, targetType: elbv2.TargetType.IP });
  alb.addListener('Https', { port: 443, certificates: [certificate], sslPolicy, defaultTargetGroups: [portal] });
  alb.addRedirect();

  const nlb = new elbv2.NetworkLoadBalancer(scope, 'Nlb', { vpc, internetFacing: true });
  const targets = new elbv2.NetworkTargetGroup(scope, 'Targets', { vpc, port: 443, protocol: elbv2.Protocol.TLS, targetType: elbv2.TargetType.IP });
  nlb.addListener('Tls', { port: 443, protocol: elbv2.Protocol.TLS, certificates: [certificate], sslPolicy, defaultTargetGroups: [targets] });

  const key = new kms.Key(scope, 'DataKey', { enableKeyRotation: true, pendingWindow: Duration.days(30) });
  const domain = new opensearch.Domain(scope, 'Search', {
    version: opensearch.EngineVersion.OPENSEARCH_2_11,
    vpc,
    vpcSubnets: [{ subnetType: ec2.SubnetType.PRIVATE_ISOLATED, onePerAz: true }],
    zoneAwareness: { enabled: true, availabilityZoneCount: 2 },
    capacity: { dataNodes: 2, multiAzWithStandbyEnabled: false },
    encryptionAtRest: { enabled: true, kmsKey: key },
    nodeToNodeEncryption: true,
    enforceHttps: true,
    tlsSecurityPolicy: opensearch.TLSSecurityPolicy.TLS_1_2_PFS,
  });
  Tags.of(domain).add(DATA_CLASS_TAG, DataClass.VOTER_PII);

  const queue = new sqs.Queue(scope, 'Intake', { encryption: sqs.QueueEncryption.KMS, encryptionMasterKey: key, enforceSSL: true });
  queue.addToResourcePolicy(
    new iam.PolicyStatement({ principals: [new iam.AccountRootPrincipal()], actions: ['sqs:SendMessage'], resources: [queue.queueArn] }),
  );
  Tags.of(queue).add(DATA_CLASS_TAG, DataClass.VOTER_PII);
  return scope;
}
