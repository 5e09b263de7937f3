/**
 * What a data store holds. Every data store carries it as the tag
 * `election:data-class`, and the rule pack judges the store by it: records and
 * PII need a customer-managed key, records need Object Lock, and so on.
 */
export enum DataClass {
  /**
   * Election results and records kept under 52 U.S.C. 20701 for 22 months:
   * Object Lock COMPLIANCE, customer-managed key.
   */
  ELECTION_RECORDS = 'election-records',
  /** Voter personally identifiable information (registrations, driver's licence and SSN digits). */
  VOTER_PII = 'voter-pii',
  /** Audit logs: CloudTrail, access logs, WAF logs (NIST AU-9, CISA CPG 2.U). */
  AUDIT_LOGS = 'audit-logs',
  /** Content meant for the public, such as the results site, served only through CloudFront. */
  PUBLIC_CONTENT = 'public-content',
  /** Operational data with no records, PII or audit value. */
  OPERATIONAL = 'operational',
}

/** The tag key that carries a data store's class. */
export const DATA_CLASS_TAG = 'election:data-class';

const VALUES = new Set<string>(Object.values(DataClass));

/** Whether `value` is one of the data class tag strings. */
export function isDataClass(value: unknown): value is DataClass {
  return typeof value === 'string' && VALUES.has(value);
}

/** The allowed values, for error messages. */
export function dataClassValues(): string {
  return [...VALUES].map((v) => `'${v}'`).join(', ');
}
