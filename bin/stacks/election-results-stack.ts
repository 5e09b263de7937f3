import { Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { createHardenedKey } from '../../constructs/defaults/kms-defaults';
import { ElectionRecordsBucket } from '../../constructs/election-records-bucket';
import { SecureBucket } from '../../constructs/secure-bucket';
import { DataClass } from '../../lib/baseline/data-class';
import { ReferenceAppSettings } from '../settings';

/** Properties of the reference results stack. */
export interface ElectionResultsStackProps extends StackProps {
  readonly settings: ReferenceAppSettings;
}

/**
 * Where a county keeps its certified results and records: a WORM records
 * bucket, a bucket for canvass working files, and an alert when anyone
 * touches the records bucket's lock or policy.
 */
export class ElectionResultsStack extends Stack {
  /** Certified results and records, write-once for the retention period. */
  public readonly records: ElectionRecordsBucket;
  /** Canvass working files: operational, versioned, encrypted. */
  public readonly canvass: SecureBucket;
  /** Security alerts: KMS-encrypted, TLS-only; subscribed by the `alertEmail` setting. */
  public readonly alertTopic: sns.Topic;

  constructor(scope: Construct, id: string, props: ElectionResultsStackProps) {
    super(scope, id, props);
    const { settings } = props;

    this.records = new ElectionRecordsBucket(this, 'ResultsRecords', {
      retention: Duration.days(settings.recordsRetentionDays),
    });
    // Working files (canvass spreadsheets, adjudication exports) share the records bucket's access-log bucket.
    this.canvass = new SecureBucket(this, 'CanvassWorkingFiles', {
      dataClass: DataClass.OPERATIONAL,
      serverAccessLogsBucket: this.records.serverAccessLogsBucket,
    });

    this.alertTopic = this.createAlertTopic(settings);
    this.alertOnRecordsBucketChanges();
  }

  private createAlertTopic(settings: ReferenceAppSettings): sns.Topic {
    const key = createHardenedKey(this, 'AlertTopicKey', `Encrypts security alerts of ${settings.agencyName}`);
    // EventBridge must encrypt messages it publishes to the topic.
    key.grant(new iam.ServicePrincipal('events.amazonaws.com'), 'kms:GenerateDataKey*', 'kms:Decrypt');
    const topic = new sns.Topic(this, 'SecurityAlerts', {
      displayName: `${settings.agencyName} security alerts`,
      masterKey: key,
      enforceSSL: true,
    });
    if (settings.alertEmail) topic.addSubscription(new subscriptions.EmailSubscription(settings.alertEmail));
    return topic;
  }

  /** Anyone changing the records bucket's lock, policy, encryption or public access is news (needs a CloudTrail trail). */
  private alertOnRecordsBucketChanges(): void {
    new events.Rule(this, 'RecordsBucketChanged', {
      description: 'Alerts when the election records bucket lock, policy, encryption or public access changes',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['AWS API Call via CloudTrail'],
        detail: {
          eventSource: ['s3.amazonaws.com'],
          eventName: [
            'PutBucketPolicy', 'DeleteBucketPolicy', 'PutObjectLockConfiguration', 'PutBucketVersioning',
            'PutBucketEncryption', 'DeleteBucketEncryption', 'PutBucketPublicAccessBlock', 'DeleteBucketPublicAccessBlock',
            'PutBucketOwnershipControls', 'PutBucketLogging', 'PutBucketLifecycle', 'DeleteBucketLifecycle',
          ],
          requestParameters: { bucketName: [this.records.bucket.bucketName] },
        },
      },
      targets: [new targets.SnsTopic(this.alertTopic)],
    });
  }
}
