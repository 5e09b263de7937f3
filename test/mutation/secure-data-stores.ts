import { Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { DATA_CLASS_TAG, DataClass } from '../../lib/baseline/data-class';
import { MIN_DATABASE_BACKUP_RETENTION_DAYS } from '../../lib/baseline/data-store-baseline';
import { DEFAULT_RECORDS_RETENTION_DAYS } from '../../lib/baseline/records-retention';

/**
 * The relational and file stores a careful vendor adds beside our
 * constructs, built from aws-cdk-lib L2 constructs with their secure
 * settings, in isolated subnets under the agency's key: an Aurora voter roll
 * and an RDS records database (private, a week of backups, deletion
 * protection), a voter-PII EFS file system, and a records backup vault locked
 * in compliance mode. Only the application's security group reaches them.
 * The mutation suite weakens it to prove the rds, efs, backup and
 * database-port rules catch each.
 */
export function secureDataStores(stack: Stack): Construct {
  const scope = new Construct(stack, 'DataStores');
  const key = new kms.Key(scope, 'Key', { enableKeyRotation: true, removalPolicy: RemovalPolicy.RETAIN });
  const vpc = new ec2.Vpc(scope, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }] });
  const isolated = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
  const app = new ec2.SecurityGroup(scope, 'App', { vpc, description: 'application tier' });
  const classify = (c: Construct, dataClass: DataClass) => Tags.of(c).add(DATA_CLASS_TAG, dataClass);

  const roll = new rds.DatabaseCluster(scope, 'VoterRoll', {
    engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
    writer: rds.ClusterInstance.provisioned('Writer', { publiclyAccessible: false }),
    vpc, vpcSubnets: isolated, storageEncryptionKey: key,
    credentials: rds.Credentials.fromSecret(adminSecret(scope, 'RollAdmin', key)),
    backup: { retention: Duration.days(MIN_DATABASE_BACKUP_RETENTION_DAYS) },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  classify(roll, DataClass.VOTER_PII);
  roll.connections.allowDefaultPortFrom(app);

  const records = new rds.DatabaseInstance(scope, 'Records', {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
    vpc, vpcSubnets: isolated, storageEncryptionKey: key,
    credentials: rds.Credentials.fromSecret(adminSecret(scope, 'RecordsAdmin', key)),
    backupRetention: Duration.days(MIN_DATABASE_BACKUP_RETENTION_DAYS),
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  classify(records, DataClass.ELECTION_RECORDS);
  records.connections.allowDefaultPortFrom(app);

  const files = new efs.FileSystem(scope, 'Files', { vpc, vpcSubnets: isolated, encrypted: true, kmsKey: key, removalPolicy: RemovalPolicy.RETAIN });
  classify(files, DataClass.VOTER_PII);
  files.connections.allowDefaultPortFrom(app);

  const vault = new backup.BackupVault(scope, 'Vault', {
    encryptionKey: key,
    blockRecoveryPointDeletion: true,
    lockConfiguration: { minRetention: Duration.days(DEFAULT_RECORDS_RETENTION_DAYS), changeableFor: Duration.days(3) },
    removalPolicy: RemovalPolicy.RETAIN,
  });
  classify(vault, DataClass.ELECTION_RECORDS);
  return scope;
}

/** The master credentials, generated at the Secrets Manager default length (CDK's own database secret is 30 characters). */
function adminSecret(scope: Construct, id: string, key: kms.IKey): secretsmanager.Secret {
  return new secretsmanager.Secret(scope, id, {
    encryptionKey: key,
    generateSecretString: {
      secretStringTemplate: JSON.stringify({ username: 'electionadmin' }),
      generateStringKey: 'password',
      passwordLength: 32,
      excludeCharacters: ' %+~`#$&*()|[]{}:;<>?!\'/@"\\',
    },
  });
}
