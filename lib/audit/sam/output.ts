import { createHash } from 'crypto';
import { isIntrinsic, isObject, JsonObject } from '../../baseline/intrinsics';
import { AuditInputError } from '../input-error';

/**
 * What the SAM expansion shares: the resources it makes, where each comes
 * from, and the refusals SAM itself makes. Names follow the SAM translator
 * (github.com/aws/serverless-application-model, `samtranslator/model`), so
 * findings name a resource as the deployed stack does.
 */

/** A SAM resource being expanded. */
export interface SamResource {
  /** Its logical id. */
  readonly id: string;
  /** Its whole body (Type, Properties, attributes), Globals merged. */
  readonly body: JsonObject;
  /** Its Properties, Globals merged (an empty object when it has none). */
  readonly properties: JsonObject;
}

/** Where the expansion writes what one SAM resource makes. */
export class SamOutput {
  /** Every resource of the expanded template, by logical id. */
  public readonly resources: Record<string, JsonObject> = {};
  /** For each resource SAM made, the logical id of the SAM resource (or event's function) it came from. */
  public readonly origins = new Map<string, string>();
  /** What was not expanded as SAM would, one sentence each. */
  public readonly notes: string[] = [];
  /** The template's resources as written (implicit APIs added), which events may name. */
  public declared: JsonObject = {};
  /** Conditions SAM adds to the template (`NOT<Condition>` for a role made in an `Fn::If` else branch). */
  public readonly conditions: JsonObject = {};

  /** The template's parameter defaults by name, which SAM reads where it needs a value at transform time. */
  private readonly defaults: JsonObject;

  constructor(public readonly display: string, parameters: unknown = {}) {
    const entries = isObject(parameters) ? Object.entries(parameters) : [];
    this.defaults = Object.fromEntries(entries.filter(([, p]) => isObject(p) && p.Default !== undefined).map(([name, p]) => [name, (p as JsonObject).Default]));
  }

  /**
   * The value with each `Ref` to a parameter that has a default replaced by
   * the default, as SAM resolves the few properties it needs at transform
   * time (`resolve_parameter_refs`: alias names, tracing, API auth and domain);
   * CloudFormation passes SAM the deployed values, which only a deployment knows.
   */
  public resolve(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.resolve(item));
    if (!isObject(value)) return value;
    if (typeof value.Ref === 'string' && Object.keys(value).length === 1 && value.Ref in this.defaults) return this.defaults[value.Ref];
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.resolve(item)]));
  }

  /** Adds a resource made from `from`. */
  public add(from: string, logicalId: string, type: string, properties: JsonObject, attributes: JsonObject = {}): JsonObject {
    const body: JsonObject = { Type: type, Properties: withoutUndefined(properties), ...attributes };
    this.resources[logicalId] = body;
    this.origins.set(logicalId, from);
    return body;
  }

  /** SAM's refusal of a resource, naming the template, the resource and what SAM allows. */
  public refuse(resource: SamResource, message: string): AuditInputError {
    return new AuditInputError(`${this.display}: resource '${resource.id}' (${String(resource.body.Type)}): ${message} (the SAM transform refuses it)`);
  }
}

/**
 * The attributes SAM copies from a SAM resource to the resources it makes
 * (`_pass_through_attributes`); the main resource also gets `Metadata`,
 * `UpdatePolicy` and `DependsOn`.
 */
export function passThroughAttributes(resource: SamResource, main = false): JsonObject {
  const names = main ? ['Condition', 'DeletionPolicy', 'UpdateReplacePolicy', 'Metadata', 'UpdatePolicy', 'DependsOn'] : ['Condition', 'DeletionPolicy', 'UpdateReplacePolicy'];
  return Object.fromEntries(names.filter((name) => resource.body[name] !== undefined).map((name) => [name, resource.body[name]]));
}

/** `{ a: 1 }` → `[{ Key: 'a', Value: 1 }]`, SAM's `get_tag_list` (empty when there are none). */
export function tagList(tags: unknown): JsonObject[] {
  return isObject(tags) && !isIntrinsic(tags) ? Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) : [];
}

/**
 * SAM's `LogicalIdGenerator`: the prefix and the first 10 hex digits of the
 * SHA-1 of the data (a string as is, anything else as sorted, compact JSON).
 */
export function hashedLogicalId(prefix: string, data: unknown): string {
  const text = typeof data === 'string' ? data : sortedJson(data);
  return text === '' ? prefix : `${prefix}${createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 10)}`;
}

/** JSON with object keys sorted, as Python's `json.dumps(sort_keys=True)`, `indent` spaces deep (compact when 0). */
export function sortedJson(value: unknown, indent = 0): string {
  return JSON.stringify(sortKeys(value), null, indent || undefined);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys(value[key])]));
}

/** A deep copy of JSON data (the expansion never changes the template it reads). */
export function copyOf<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value)) as T;
}

/** The object without its undefined entries, as SAM leaves unset properties out. */
export function withoutUndefined(object: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}

/**
 * An S3 location SAM reads (`s3://bucket/key?versionId=v` or `{ Bucket, Key, Version }`)
 * as CloudFormation names it: `{ Bucket, Key, Version }` for APIs and state
 * machines, `{ S3Bucket, S3Key, S3ObjectVersion }` for Lambda code. A local
 * path (not yet packaged) is kept as the key; an intrinsic as written.
 */
export function s3Location(uri: unknown, style: 'Bucket' | 'S3Bucket'): unknown {
  if (isIntrinsic(uri)) return uri;
  const names = style === 'Bucket' ? ['Bucket', 'Key', 'Version'] : ['S3Bucket', 'S3Key', 'S3ObjectVersion'];
  let parts: unknown[];
  if (isObject(uri)) parts = [uri.Bucket, uri.Key, uri.Version];
  else {
    const match = typeof uri === 'string' ? /^s3:\/\/([^/]+)\/([^?]+)(?:\?versionId=(.+))?$/.exec(uri) : null;
    parts = match ? [match[1], match[2], match[3]] : [undefined, uri, undefined];
  }
  return withoutUndefined(Object.fromEntries(names.map((name, index) => [name, parts[index]])));
}

/** `arn:aws:iam::aws:policy/<name>`, the AWS managed policy ARN SAM writes (commercial partition). */
export function awsManagedPolicyArn(name: string): string {
  return `arn:aws:iam::aws:policy/${name}`;
}
