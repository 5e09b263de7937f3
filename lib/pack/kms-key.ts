import { isObject, literalText } from '../baseline/intrinsics';
import { ReferenceText, renderSymbolic } from '../baseline/symbolic-text';
import { StackTemplate } from './template-model';

/** What a template can tell of the KMS key a resource is encrypted under. */
export enum KeyKind {
  /** A key of the template, a key ARN or id, or an alias outside `alias/aws/`: the agency decides who decrypts. */
  CUSTOMER_MANAGED = 'customer-managed',
  /** No key (the service's own or AWS-managed key), an `alias/aws/*` alias, or a value that names no key. */
  AWS_MANAGED = 'aws-managed',
  /** A parameter, an import, a dynamic reference or a condition the template does not resolve. */
  UNRESOLVABLE = 'unresolvable',
}

const PARTS = 'arn:aws[a-z-]*:kms:[a-z0-9-]+:\\d{12}:';
const KEY_ID = '(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})';
const ALIAS_NAME = 'alias/[A-Za-z0-9/_-]+';
const KEY = new RegExp(`^(?:${PARTS}key/[A-Za-z0-9-]+|${KEY_ID})$`);
const ALIAS = new RegExp(`^(?:${PARTS})?${ALIAS_NAME}$`);
const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;

/** Whether text is a KMS alias name (`alias/county-records`): one alias, no wildcard. */
export function isAliasName(text: string): boolean {
  return new RegExp(`^${ALIAS_NAME}$`).test(text);
}

/** Stand-ins that render a key or alias the template holds, and pseudo parameters, as literal text of the right shape. */
const SAMPLE_KEY_ID = '00000000-0000-0000-0000-000000000000';
const PSEUDO: Record<string, string> = { 'AWS::Partition': 'aws', 'AWS::Region': 'region', 'AWS::AccountId': '000000000000' };

/**
 * Classifies the key a property names: `{ Ref }` or `{ Fn::GetAtt }` of an
 * `AWS::KMS::Key` or `AWS::KMS::Alias` of the template, a key ARN or id, an
 * alias name or alias ARN (customer-managed unless under `alias/aws/`), and
 * such text built with `Fn::Join`/`Fn::Sub` from pseudo parameters. `Fn::If`
 * is judged by its worse branch. What the template cannot resolve is
 * UNRESOLVABLE, unless the part it can read already shows an AWS-managed alias.
 */
export function keyKind(value: unknown, template: StackTemplate): KeyKind {
  if (value === undefined) return KeyKind.AWS_MANAGED;
  const branches = isObject(value) ? value['Fn::If'] : undefined;
  if (Array.isArray(branches) && branches.length === 3) return worse(keyKind(branches[1], template), keyKind(branches[2], template));
  const text = renderSymbolic(value, template, keyReference(template));
  if (text === undefined || text.includes('{{resolve:')) {
    const visible = typeof value === 'string' ? value : isObject(value) ? literalText(value) : undefined;
    return visible !== undefined && AWS_MANAGED_ALIAS.test(visible) ? KeyKind.AWS_MANAGED : KeyKind.UNRESOLVABLE;
  }
  if (KEY.test(text)) return KeyKind.CUSTOMER_MANAGED;
  return ALIAS.test(text) && !AWS_MANAGED_ALIAS.test(text) ? KeyKind.CUSTOMER_MANAGED : KeyKind.AWS_MANAGED;
}

/** AWS_MANAGED over UNRESOLVABLE over CUSTOMER_MANAGED: a template that can deploy either way is judged by its weaker way. */
function worse(a: KeyKind, b: KeyKind): KeyKind {
  const order = [KeyKind.AWS_MANAGED, KeyKind.UNRESOLVABLE, KeyKind.CUSTOMER_MANAGED];
  return order[Math.min(order.indexOf(a), order.indexOf(b))];
}

/**
 * How a key, an alias or a pseudo parameter stands in rendered text: a key
 * as its id or ARN, an alias as its name (CloudFormation refuses to create
 * one under `alias/aws/`), any other resource as `{Id}`, which names no key.
 */
function keyReference(template: StackTemplate): ReferenceText {
  return (id, attribute) => {
    if (id.startsWith('AWS::')) return PSEUDO[id] ?? `<${id}>`;
    const resource = template.get(id);
    if (resource?.type === 'AWS::KMS::Key') {
      if (attribute === undefined || attribute === 'KeyId') return SAMPLE_KEY_ID;
      if (attribute === 'Arn') return `arn:aws:kms:region:000000000000:key/${SAMPLE_KEY_ID}`;
    }
    if (resource?.type === 'AWS::KMS::Alias' && attribute === undefined) {
      const name = resource.properties.AliasName;
      return typeof name === 'string' ? name : `alias/${id}`;
    }
    return attribute ? `{${id}.${attribute}}` : `{${id}}`;
  };
}
