/**
 * 52 U.S.C. 20701: officers of elections keep the records and papers of a
 * federal election for 22 months. In days, the floor is the longest span 22
 * months can cover; the default adds margin, since a retention cannot be
 * lengthened for objects already written without touching each version.
 */

/** The fewest days of retention that always covers 22 months. */
export const MIN_RECORDS_RETENTION_DAYS = 672;

/**
 * The longest Object Lock default retention S3 accepts: 100 years.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html (AWS limit)
 */
export const MAX_OBJECT_LOCK_DAYS = 36500;

/**
 * The days one year of Object Lock `Years` retention counts for when held to a
 * floor in days: the shortest year, so a retention in years is never credited
 * with more days than it may hold.
 */
export const DAYS_PER_RETENTION_YEAR = 365;

/** The default retention of election records: two years. */
export const DEFAULT_RECORDS_RETENTION_DAYS = 730;

/**
 * The fewest days audit logs are kept: 12 months of active storage (OMB
 * M-21-31; NIST AU-11), the floor of LogArchiveBucket and of log groups.
 */
export const MIN_AUDIT_LOG_RETENTION_DAYS = 365;
