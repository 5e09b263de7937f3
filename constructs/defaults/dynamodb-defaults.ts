import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as kms from 'aws-cdk-lib/aws-kms';
import { PITR_RECOVERY_DAYS } from '../../lib/baseline/data-store-baseline';

/**
 * The DynamoDB baseline on one screen. Every table this library makes starts
 * here; each setting names the threat it answers.
 */
export interface HardenedTableOptions {
  readonly encryptionKey: kms.IKey;
  readonly partitionKey: dynamodb.Attribute;
}

export function hardenedTableProps(options: HardenedTableOptions): dynamodb.TableProps {
  return {
    partitionKey: options.partitionKey,
    // Voter PII under a key the agency controls: ransomware and insiders must also hold the key (NIST SC-28, SC-12).
    encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
    encryptionKey: options.encryptionKey,
    // Any write or delete of the last 35 days can be undone, second by second (ransomware; NIST CP-9, CP-10).
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: PITR_RECOVERY_DAYS },
    // Neither a console click nor a compromised deploy role can drop the table (NIST CP-9; 52 U.S.C. 20701).
    deletionProtection: true,
    // A stack delete or a replacing update keeps the table.
    removalPolicy: RemovalPolicy.RETAIN,
    // On-demand: a registration-deadline surge is never refused for want of provisioned capacity (NIST SC-5).
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  };
}
