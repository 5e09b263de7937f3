import { DataClass } from './data-class';

/**
 * Which data a stack delete may take with it. A staging stack's operational
 * data and public content can be rebuilt from source, so SecureBucket lets an
 * agency opt them out of RETAIN, reported as a waiver. Election records, voter
 * PII and audit logs cannot be rebuilt and must survive a `cdk destroy`
 * (52 U.S.C. 20701; NIST AU-11, CP-9): the rule S3SensitiveBucketRetained
 * fails them, and cannot be waived. Both read these lists.
 */
export const DISPOSABLE_DATA_CLASSES: readonly DataClass[] = [DataClass.OPERATIONAL, DataClass.PUBLIC_CONTENT];

/** The classes whose stores are kept on stack delete and replacement, whatever is waived. */
export const RETAINED_DATA_CLASSES: readonly DataClass[] = Object.values(DataClass).filter((c) => !DISPOSABLE_DATA_CLASSES.includes(c));
