import { CfnResource } from './construct-templates';
import type { Mutation } from './mutations';
import { has, Json, list, obj, props } from './template-edits';

/**
 * Weakenings of the relational and file stores vendors add (issue 12): RDS
 * and Aurora, EFS, Backup vaults and the security groups in front of them, as
 * built by the SecureDataStoresA case. Each edits one setting the way a
 * hurried escape hatch or hand edit would.
 */

const DATA_CLASS_TAG = 'election:data-class';

const standalone = (r: CfnResource) => props(r).DBClusterIdentifier === undefined;
const lock = (r: CfnResource): Json => obj(props(r).LockConfiguration);
const everyone = (action: string): Json => ({ Effect: 'Allow', Principal: { AWS: '*' }, Action: action, Resource: '*' });
const withoutClassTag = (tags: unknown) => list(tags).filter((t) => t.Key !== DATA_CLASS_TAG);

/** Replaces an ingress rule's source security group with a CIDR, as opening a port "for testing" does. */
function fromAnywhere(r: CfnResource, cidr: Json): void {
  delete props(r).SourceSecurityGroupId;
  Object.assign(props(r), cidr);
}

export const DATA_STORE_MUTATIONS: readonly Mutation[] = [
  // RDS and Aurora
  { name: 'rds: instance publicly accessible', type: 'AWS::RDS::DBInstance', edit: (r) => (props(r).PubliclyAccessible = true) },
  { name: 'rds: PubliclyAccessible left out', type: 'AWS::RDS::DBInstance', edit: (r) => delete props(r).PubliclyAccessible },
  { name: 'rds: cluster storage unencrypted', type: 'AWS::RDS::DBCluster', edit: (r) => (props(r).StorageEncrypted = false) },
  { name: 'rds: cluster key dropped (aws/rds)', type: 'AWS::RDS::DBCluster', edit: (r) => delete props(r).KmsKeyId },
  { name: 'rds: instance storage unencrypted', type: 'AWS::RDS::DBInstance', applies: standalone, edit: (r) => (props(r).StorageEncrypted = false) },
  { name: 'rds: instance key swapped for alias/aws/rds', type: 'AWS::RDS::DBInstance', applies: standalone, edit: (r) => (props(r).KmsKeyId = 'alias/aws/rds') },
  { name: 'rds: cluster backups cut to 1 day', type: 'AWS::RDS::DBCluster', edit: (r) => (props(r).BackupRetentionPeriod = 1) },
  { name: 'rds: instance backups turned off', type: 'AWS::RDS::DBInstance', applies: standalone, edit: (r) => (props(r).BackupRetentionPeriod = 0) },
  { name: 'rds: cluster deletion protection off', type: 'AWS::RDS::DBCluster', edit: (r) => (props(r).DeletionProtection = false) },
  { name: 'rds: instance deletion protection off', type: 'AWS::RDS::DBInstance', applies: standalone, edit: (r) => delete props(r).DeletionProtection },
  { name: 'rds: cluster data-class tag removed', type: 'AWS::RDS::DBCluster', edit: (r) => (props(r).Tags = withoutClassTag(props(r).Tags)) },
  { name: 'rds: cluster DeletionPolicy Delete', type: 'AWS::RDS::DBCluster', edit: (r) => (r.DeletionPolicy = 'Delete') },

  // EFS
  { name: 'efs: encryption off', type: 'AWS::EFS::FileSystem', edit: (r) => (props(r).Encrypted = false) },
  { name: 'efs: key dropped (aws/elasticfilesystem)', type: 'AWS::EFS::FileSystem', edit: (r) => delete props(r).KmsKeyId },
  {
    name: 'efs: file system policy lets everyone write',
    type: 'AWS::EFS::FileSystem',
    edit: (r) => (props(r).FileSystemPolicy = { Version: '2012-10-17', Statement: [everyone('elasticfilesystem:ClientWrite')] }),
  },
  { name: 'efs: data-class tag removed', type: 'AWS::EFS::FileSystem', edit: (r) => (props(r).FileSystemTags = withoutClassTag(props(r).FileSystemTags)) },

  // Backup vaults
  { name: 'backup: vault lock removed', type: 'AWS::Backup::BackupVault', edit: (r) => delete props(r).LockConfiguration },
  { name: 'backup: vault lock in governance mode', type: 'AWS::Backup::BackupVault', applies: has('LockConfiguration'), edit: (r) => delete lock(r).ChangeableForDays },
  { name: 'backup: vault lock minimum cut to 30 days', type: 'AWS::Backup::BackupVault', applies: has('LockConfiguration'), edit: (r) => (lock(r).MinRetentionDays = 30) },
  { name: 'backup: vault key dropped (aws/backup)', type: 'AWS::Backup::BackupVault', edit: (r) => delete props(r).EncryptionKeyArn },
  {
    name: 'backup: access policy lets everyone copy in',
    type: 'AWS::Backup::BackupVault',
    applies: has('AccessPolicy'),
    edit: (r) => list(obj(props(r).AccessPolicy).Statement).push(everyone('backup:CopyIntoBackupVault')),
  },
  {
    name: 'backup: data-class tag removed',
    type: 'AWS::Backup::BackupVault',
    applies: has('BackupVaultTags', DATA_CLASS_TAG),
    edit: (r) => delete obj(props(r).BackupVaultTags)[DATA_CLASS_TAG],
  },

  // The security groups in front of the stores
  {
    name: 'ec2 db: store ingress opened to 0.0.0.0/0',
    type: 'AWS::EC2::SecurityGroupIngress',
    applies: has('SourceSecurityGroupId'),
    edit: (r) => fromAnywhere(r, { CidrIp: '0.0.0.0/0' }),
  },
  {
    name: 'ec2 db: store ingress opened to ::/0',
    type: 'AWS::EC2::SecurityGroupIngress',
    applies: has('SourceSecurityGroupId'),
    edit: (r) => fromAnywhere(r, { CidrIpv6: '::/0' }),
  },
  {
    name: 'ec2 db: PostgreSQL from anywhere added to a security group',
    type: 'AWS::EC2::SecurityGroup',
    edit: (r) => (props(r).SecurityGroupIngress = [...list(props(r).SecurityGroupIngress), { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, CidrIp: '0.0.0.0/0' }]),
  },
];
