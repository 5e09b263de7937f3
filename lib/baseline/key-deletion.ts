/**
 * How long a KMS key waits between a deletion request and its deletion. The
 * baseline's keys set it and ElectionBaseline-KmsKeyDeletionGuarded fails a
 * shorter one: a deleted key takes every record it encrypted with it.
 */

/**
 * The fewest days a customer-managed key waits before deletion: the KMS
 * maximum and default, time to notice and cancel a malicious request (NIST SC-12, CP-9).
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html (AWS limit: 7 to 30 days)
 */
export const MIN_KEY_PENDING_WINDOW_DAYS = 30;
