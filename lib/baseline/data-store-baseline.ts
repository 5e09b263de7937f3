import { DataClass } from './data-class';

/**
 * The floors the pack holds databases, file systems and backup vaults to,
 * as plain data so a construct that builds one can refuse at synth exactly
 * what the rules fail.
 */

/**
 * The fewest days of automated backups a database of voter data or records
 * keeps. Seven days outlasts a long weekend and the days before an intrusion
 * is noticed (NIST CP-9; CISA CPG 2.R); RDS keeps one day by default.
 */
export const MIN_DATABASE_BACKUP_RETENTION_DAYS = 7;

/**
 * Days of DynamoDB point-in-time recovery every table keeps: the longest window, and the default, so a
 * ransomware overwrite found weeks later can still be rolled back (NIST CP-9, CP-10).
 * @see https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html (AWS limit: 1 to 35 days)
 */
export const PITR_RECOVERY_DAYS = 35;

/** The classes whose databases must keep backups and refuse deletion: the voter roll and the records of the election. */
export const BACKUP_REQUIRED_CLASSES: readonly DataClass[] = [DataClass.VOTER_PII, DataClass.ELECTION_RECORDS];

/** A TCP or UDP port a data service listens on, with the protocols (names and numbers) that reach it. */
export interface ServicePort {
  /** The port number. */
  readonly port: number;
  /** The service that listens on it, for messages. */
  readonly service: string;
  /** `IpProtocol` values that reach it, lower case. */
  readonly protocols: readonly string[];
}

const TCP = ['tcp', '6'];

/** The default ports of the database, cache, search and file services a county or vendor runs. */
export const DATABASE_PORTS: readonly ServicePort[] = [
  { port: 1433, service: 'SQL Server', protocols: TCP },
  { port: 1521, service: 'Oracle', protocols: TCP },
  { port: 2049, service: 'NFS (EFS)', protocols: [...TCP, 'udp', '17'] },
  { port: 3306, service: 'MySQL/Aurora', protocols: TCP },
  { port: 5432, service: 'PostgreSQL', protocols: TCP },
  { port: 5439, service: 'Redshift', protocols: TCP },
  { port: 6379, service: 'Redis', protocols: TCP },
  { port: 9200, service: 'OpenSearch', protocols: TCP },
  { port: 9300, service: 'OpenSearch', protocols: TCP },
  { port: 11211, service: 'Memcached', protocols: [...TCP, 'udp', '17'] },
  { port: 27017, service: 'MongoDB/DocumentDB', protocols: TCP },
];
