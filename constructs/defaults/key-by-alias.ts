import { ArnFormat, Stack, Token } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { IConstruct } from 'constructs';
import { KEY_ALIAS_CONDITION_KEY, KEY_ALIAS_OPERATOR } from '../../lib/baseline/key-alias-grant';

/**
 * The alias name of a key the app knows only by alias: `kms.Alias.fromAliasName`,
 * or `kms.Key.fromKeyArn` given an alias ARN. Undefined for a key known by its
 * key ARN, and for an alias the app creates (CDK grants on its target key).
 */
export function aliasOnlyName(key: kms.IKey): string | undefined {
  const aliasName = (key as Partial<kms.IAlias>).aliasName;
  if (typeof aliasName === 'string' && !Token.isUnresolved(aliasName)) return aliasName;
  if (Token.isUnresolved(key.keyArn)) return undefined;
  return /^arn:[^:]+:kms:[^:]*:[^:]*:(alias\/.+)$/.exec(key.keyArn)?.[1];
}

/**
 * What an IAM statement names to use a key known only by alias. IAM cannot
 * name a key by its alias (an alias ARN as `Resource` grants nothing on the
 * key), so the statement names the keys of the alias's account and Region,
 * narrowed by `kms:ResourceAliases` to the key that carries the alias, as
 * CDK's `@aws-cdk/aws-kms:applyImportedAliasPermissionsToPrincipal` does.
 */
export function keysCarryingAlias(scope: IConstruct, key: kms.IKey, aliasName: string): { arn: string; condition: Record<string, Record<string, string>> } {
  const stack = Stack.of(scope);
  const literal = Token.isUnresolved(key.keyArn) ? undefined : stack.splitArn(key.keyArn, ArnFormat.SLASH_RESOURCE_NAME);
  const arn = stack.formatArn({ service: 'kms', resource: 'key', resourceName: '*', region: literal?.region, account: literal?.account, partition: literal?.partition });
  return { arn, condition: { [KEY_ALIAS_OPERATOR]: { [KEY_ALIAS_CONDITION_KEY]: aliasName } } };
}
