/**
 * How an IAM statement names a KMS key known only by its alias: IAM cannot
 * put an alias in `Resource` (an alias ARN grants nothing on the key), so the
 * statement names the keys of one account and Region (`key/*`) and this
 * condition narrows them to the one key that carries the alias. SecureBucket
 * grants on such a key this way; IamNoAdminAccess reads it as one key.
 */

/** The condition operator: any of the key's aliases equals a listed one. */
export const KEY_ALIAS_OPERATOR = 'ForAnyValue:StringEquals';

/** The condition key: the aliases the key carries. */
export const KEY_ALIAS_CONDITION_KEY = 'kms:ResourceAliases';
