import { Props, Template } from './edge-fixtures';

/** Fixtures for the data-store rules (issue 12): bare templates of RDS, EFS and Backup that meet the baseline, to weaken one setting at a time. */

const OWN_KEY = { 'Fn::GetAtt': ['Key', 'Arn'] };
const KEY = { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } };
const classTag = (dataClass: string) => [{ Key: 'election:data-class', Value: dataClass }];

/** An Aurora cluster of `dataClass` with one instance, as CDK's DatabaseCluster renders them. */
export function auroraTemplate(dataClass = 'voter-pii', cluster: Props = {}): Template {
  return {
    Key: KEY,
    Cluster: {
      Type: 'AWS::RDS::DBCluster',
      Properties: {
        Engine: 'aurora-postgresql',
        DBSubnetGroupName: { Ref: 'Subnets' },
        StorageEncrypted: true,
        KmsKeyId: OWN_KEY,
        BackupRetentionPeriod: 7,
        DeletionProtection: true,
        Tags: classTag(dataClass),
        ...cluster,
      },
    },
    Writer: {
      Type: 'AWS::RDS::DBInstance',
      Properties: { DBClusterIdentifier: { Ref: 'Cluster' }, DBInstanceClass: 'db.r6g.large', Engine: 'aurora-postgresql', PubliclyAccessible: false },
    },
  };
}

/** A standalone RDS instance of `dataClass`. */
export function instanceTemplate(dataClass = 'voter-pii', instance: Props = {}): Template {
  return {
    Key: KEY,
    Db: {
      Type: 'AWS::RDS::DBInstance',
      Properties: {
        Engine: 'postgres',
        DBInstanceClass: 'db.t4g.medium',
        AllocatedStorage: '20',
        DBSubnetGroupName: { Ref: 'Subnets' },
        PubliclyAccessible: false,
        StorageEncrypted: true,
        KmsKeyId: OWN_KEY,
        BackupRetentionPeriod: 7,
        DeletionProtection: true,
        Tags: classTag(dataClass),
        ...instance,
      },
    },
  };
}

/** The file-system policy CDK writes by default: root and write access only through a mount target. */
export function mountTargetPolicy(): Props {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['elasticfilesystem:ClientRootAccess', 'elasticfilesystem:ClientWrite'],
        Condition: { Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } },
      },
    ],
  };
}

/** An EFS file system of `dataClass` under a key of the template, with CDK's default policy. */
export function fileSystemTemplate(dataClass = 'voter-pii', fs: Props = {}): Template {
  return {
    Key: KEY,
    Fs: {
      Type: 'AWS::EFS::FileSystem',
      Properties: { Encrypted: true, KmsKeyId: OWN_KEY, FileSystemPolicy: mountTargetPolicy(), FileSystemTags: classTag(dataClass), ...fs },
    },
  };
}

/** A deny-deletion statement for everyone: what a careful vault policy holds. */
export function denyDeleteStatement(): Props {
  return { Effect: 'Deny', Principal: { AWS: '*' }, Action: ['backup:DeleteRecoveryPoint', 'backup:DeleteBackupVault'], Resource: '*' };
}

/** A backup vault of `dataClass` under a key of the template, locked in compliance mode for `days`. */
export function vaultTemplate(dataClass = 'election-records', days = 730, vault: Props = {}): Template {
  return {
    Key: KEY,
    Vault: {
      Type: 'AWS::Backup::BackupVault',
      Properties: {
        BackupVaultName: 'records',
        EncryptionKeyArn: OWN_KEY,
        LockConfiguration: { MinRetentionDays: days, ChangeableForDays: 3 },
        AccessPolicy: { Version: '2012-10-17', Statement: [denyDeleteStatement()] },
        BackupVaultTags: { 'election:data-class': dataClass },
        ...vault,
      },
    },
  };
}
