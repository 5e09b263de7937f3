import { isObject } from '../baseline/intrinsics';
import { renderSymbolic } from '../baseline/symbolic-text';
import { StackTemplate } from './template-model';

/**
 * Renders an ARN or name written with intrinsics (`Fn::GetAtt`, `Ref`,
 * `Fn::Join`, `Fn::Sub`) as text, so that policy resources can be matched
 * against buckets with IAM's wildcard rules whichever way a template spells
 * them. A bucket of the template renders as its literal `BucketName`, or as
 * `<bucket:LogicalId>` when CloudFormation names it. Returns undefined for
 * anything that cannot be rendered (a parameter, an import): callers fail closed.
 */
export function renderText(value: unknown, template: StackTemplate): string | undefined {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return undefined;
  if (typeof value.Ref === 'string') return renderRef(value.Ref, template);
  const getAtt = value['Fn::GetAtt'];
  if (getAtt !== undefined) {
    const [id, attribute] = Array.isArray(getAtt) ? getAtt : String(getAtt).split('.');
    return typeof id === 'string' && typeof attribute === 'string' ? renderAttribute(id, attribute, template) : undefined;
  }
  const join = value['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts = (join[1] as unknown[]).map((part) => renderText(part, template));
    return parts.every((p) => p !== undefined) ? parts.join(join[0]) : undefined;
  }
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string') return renderSub(sub, template);
  return undefined;
}

/** The text a bucket of the template renders as. */
export function bucketNameText(bucketLogicalId: string, template: StackTemplate): string {
  const name = template.get(bucketLogicalId)?.properties.BucketName;
  return typeof name === 'string' ? name : `<bucket:${bucketLogicalId}>`;
}

const PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::AccountId': '<account>',
  'AWS::Region': '<region>',
  'AWS::StackName': '<stack-name>',
};

function renderRef(id: string, template: StackTemplate): string | undefined {
  if (id in PSEUDO) return PSEUDO[id];
  return template.get(id)?.type === 'AWS::S3::Bucket' ? bucketNameText(id, template) : undefined;
}

function renderAttribute(id: string, attribute: string, template: StackTemplate): string | undefined {
  if (template.get(id)?.type !== 'AWS::S3::Bucket') return undefined;
  if (attribute === 'Arn') return `arn:aws:s3:::${bucketNameText(id, template)}`;
  return undefined;
}

function renderSub(text: string, template: StackTemplate): string | undefined {
  let failed = false;
  const rendered = text.replace(/\$\{([^}!][^}]*)\}/g, (_, expression: string) => {
    const [id, attribute] = expression.split('.');
    const value = attribute ? renderAttribute(id, attribute, template) : renderRef(id, template);
    if (value === undefined) failed = true;
    return value ?? '';
  });
  return failed ? undefined : rendered;
}

/**
 * Text for telling whether two values are surely the same at deploy, and
 * whether a policy resource surely covers an ARN (`surelyCovers`). Written as
 * `renderText` writes it, except that what the template does not spell out
 * (a parameter, the account, a resource's attribute, an unnamed bucket) is one
 * opaque token: the same token on both sides is the same value. A bucket
 * stands as its `BucketName` rendered the same way, so `!Ref Bucket`,
 * `!GetAtt Bucket.Arn` and the expression its `BucketName` is built from
 * (`!Sub ${Name}-${AWS::AccountId}`, `!Ref NameParameter`, a `Fn::Join`)
 * all render alike. Undefined for what cannot be rendered (`Fn::If`, an import).
 */
export function sameValueText(value: unknown, template: StackTemplate): string | undefined {
  return renderSymbolic(value, template, (id, attribute) => referenceToken(id, attribute, template), true);
}

/** The text a bucket's name renders as in `sameValueText`. */
export function bucketNameToken(bucketLogicalId: string, template: StackTemplate): string {
  const name = template.get(bucketLogicalId)?.properties.BucketName;
  if (typeof name === 'string') return name;
  if (name === undefined || RENDERING.has(bucketLogicalId)) return token(`bucket:${bucketLogicalId}`);
  RENDERING.add(bucketLogicalId);
  try {
    return sameValueText(name, template) ?? token(`bucket:${bucketLogicalId}`);
  } finally {
    RENDERING.delete(bucketLogicalId);
  }
}

/**
 * Whether an IAM resource pattern (with `*` and `?`), as `sameValueText`
 * renders it, covers `text` whatever its tokens stand for: a token matches only
 * itself or a `*`, never `?` or literal characters (`arn:aws:s3:::county-*`
 * may or may not cover a generated name). Case-insensitive, as the pack's
 * other ARN matching.
 */
export function surelyCovers(pattern: string, text: string): boolean {
  const tokens = new Map<string, string>();
  const atomize = (s: string) =>
    s.replace(TOKEN, (whole) => {
      if (!tokens.has(whole)) tokens.set(whole, String.fromCharCode(ATOM_BASE + tokens.size));
      return tokens.get(whole)!;
    });
  const atomicPattern = atomize(pattern);
  const atomicText = atomize(text);
  if (tokens.size > ATOM_LIMIT) return false;
  const regex = atomicPattern
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '[^\uE000-\uF8FF]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${regex}$`, 'is').test(atomicText);
}

/** Buckets whose name is being rendered: a name built from another bucket's, in a cycle, stays opaque. */
const RENDERING = new Set<string>();

/** Tokens are delimited by private-use characters that no ARN or bucket name carries. */
const TOKEN = /\uE000[^\uE001]*\uE001/g;
const ATOM_BASE = 0xe100;
const ATOM_LIMIT = 0xf8ff - ATOM_BASE;

function token(name: string): string {
  return `\uE000${name}\uE001`;
}

function referenceToken(id: string, attribute: string | undefined, template: StackTemplate): string {
  if (id === 'AWS::Partition' || id === 'AWS::URLSuffix') return PSEUDO[id];
  if (template.get(id)?.type === 'AWS::S3::Bucket') {
    if (attribute === undefined) return bucketNameToken(id, template);
    if (attribute === 'Arn') return `arn:aws:s3:::${bucketNameToken(id, template)}`;
  }
  return token(attribute ? `${id}.${attribute}` : id);
}
