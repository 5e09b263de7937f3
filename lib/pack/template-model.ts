import { NO_KNOWN_ACCOUNTS, TemplateAccounts } from './accounts';
import { bucketNameToken, sameValueText } from './arn-text';
import { asList, isIntrinsic, isObject, JsonObject, referencedLogicalId } from '../baseline/intrinsics';
import { S3_SERVER_ACCESS_LOGGING_SERVICE } from '../baseline/log-delivery-services';

/** One resource as the template carries it. */
export interface TemplateResource {
  /** The resource's logical id in its template. */
  readonly logicalId: string;
  /** The CloudFormation type, e.g. `AWS::S3::Bucket`. */
  readonly type: string;
  /** `Properties`, or an empty object. */
  readonly properties: JsonObject;
  /** `DeletionPolicy` as written (CloudFormation deletes when absent). */
  readonly deletionPolicy?: unknown;
  /** `UpdateReplacePolicy` as written. */
  readonly updateReplacePolicy?: unknown;
  /** `Metadata`, or an empty object. */
  readonly metadata: JsonObject;
  /** The name of the template condition that decides whether the resource is created; undefined when it always is. */
  readonly condition?: unknown;
}

/** A tag value that an intrinsic decides at deploy time. */
export const UNRESOLVED = Symbol('unresolved');

/** The value of tag `key`: a string, UNRESOLVED for an intrinsic, or undefined when the tag is absent. */
export function tagValue(resource: TemplateResource, key: string): string | typeof UNRESOLVED | undefined {
  const tags = resource.properties.Tags;
  if (tags === undefined) return undefined;
  if (isIntrinsic(tags)) return UNRESOLVED;
  if (Array.isArray(tags)) {
    let found: string | typeof UNRESOLVED | undefined;
    for (const tag of tags) {
      if (!isObject(tag)) return UNRESOLVED;
      if (typeof tag.Key !== 'string') return found ?? UNRESOLVED;
      if (tag.Key === key) found = typeof tag.Value === 'string' ? tag.Value : UNRESOLVED;
    }
    return found;
  }
  if (isObject(tags)) {
    const value = tags[key];
    if (value === undefined) return undefined;
    return typeof value === 'string' ? value : UNRESOLVED;
  }
  return UNRESOLVED;
}

/** Builds a TemplateResource from one entry of a template's `Resources`. */
export function toTemplateResource(logicalId: string, body: unknown): TemplateResource {
  const entry = isObject(body) ? body : {};
  return {
    logicalId,
    type: typeof entry.Type === 'string' ? entry.Type : '',
    properties: isObject(entry.Properties) ? entry.Properties : {},
    deletionPolicy: entry.DeletionPolicy,
    updateReplacePolicy: entry.UpdateReplacePolicy,
    metadata: isObject(entry.Metadata) ? entry.Metadata : {},
    condition: entry.Condition,
  };
}

/**
 * One stack's template, indexed once per validation pass so that rules that
 * look across resources (which policy guards which bucket) do not rescan the
 * stack for every resource, as cdk-nag's S3BucketSSLRequestsOnly does.
 */
export class StackTemplate {
  /** Builds the index from a template's `Resources` section. */
  public static fromResources(resources: Record<string, unknown>, accounts: TemplateAccounts = NO_KNOWN_ACCOUNTS, parameters: Record<string, unknown> = {}): StackTemplate {
    return new StackTemplate(Object.entries(resources).map(([id, body]) => toTemplateResource(id, body)), accounts, parameters);
  }

  private readonly byId = new Map<string, TemplateResource>();
  private readonly byType = new Map<string, TemplateResource[]>();
  private readonly bucketsByName = new Map<string, string>();
  private bucketPolicies?: Map<string, TemplateResource[]>;
  private bucketsByText?: Map<string, string>;
  private logDestinations?: Set<string>;

  /**
   * @param accounts the account the stack deploys to, when known, and the
   * accounts the pack trusts: what a literal account id may name without
   * naming an outsider (see `isForeignAccount`)
   * @param parameters the template's `Parameters` section, by name: what a
   * `Ref` to a parameter may hold (see `leastNumber`)
   */
  constructor(
    resources: readonly TemplateResource[],
    public readonly accounts: TemplateAccounts = NO_KNOWN_ACCOUNTS,
    private readonly parameters: Record<string, unknown> = {},
  ) {
    for (const resource of resources) {
      this.byId.set(resource.logicalId, resource);
      const list = this.byType.get(resource.type) ?? [];
      list.push(resource);
      this.byType.set(resource.type, list);
      const name = resource.properties.BucketName;
      if (resource.type === 'AWS::S3::Bucket' && typeof name === 'string') this.bucketsByName.set(name, resource.logicalId);
    }
  }

  /** The resource with this logical id, if the template holds it. */
  public get(logicalId: string): TemplateResource | undefined {
    return this.byId.get(logicalId);
  }

  /** The definition of the template parameter with this name (Type, MinValue, ...), if the template declares it. */
  public parameter(name: string): unknown {
    return Object.prototype.hasOwnProperty.call(this.parameters, name) ? this.parameters[name] : undefined;
  }

  /** Every resource of the template, in template order. */
  public all(): readonly TemplateResource[] {
    return [...this.byId.values()];
  }

  /** Every resource of this CloudFormation type. */
  public ofType(type: string): readonly TemplateResource[] {
    return this.byType.get(type) ?? [];
  }

  /**
   * The bucket policies attached to the bucket with this logical id. A policy
   * whose `Bucket` is not a reference to a bucket of this template is listed
   * under `UNRESOLVED_BUCKET`, so a rule can fail closed on it.
   */
  public bucketPoliciesFor(bucketLogicalId: string): readonly TemplateResource[] {
    return this.policiesByBucket().get(bucketLogicalId) ?? [];
  }

  /**
   * The logical id of the bucket a value names: a `Ref` to a bucket of this
   * template, its literal `BucketName`, or the same parameter, Sub or Join its
   * `BucketName` is written with (see `sameValueText`). Undefined when it names
   * something this template cannot resolve.
   */
  public bucketIdOf(value: unknown): string | undefined {
    const id = referencedLogicalId(value);
    if (id !== undefined && this.get(id) !== undefined) return this.get(id)?.type === 'AWS::S3::Bucket' ? id : undefined;
    if (typeof value === 'string') return this.bucketsByName.get(value) ?? this.bucketsByNameText().get(value);
    // A parameter, Sub or Join: the bucket whose BucketName is the same expression, as AWS's own samples write it.
    const text = sameValueText(value, this);
    return text === undefined ? undefined : this.bucketsByNameText().get(text);
  }

  /**
   * Buckets that receive server access logs: named as another bucket's
   * logging destination, or granting `logging.s3.amazonaws.com` PutObject in
   * their bucket policy.
   */
  public isServerAccessLogDestination(bucketLogicalId: string): boolean {
    if (!this.logDestinations) {
      this.logDestinations = new Set();
      for (const bucket of this.ofType('AWS::S3::Bucket')) {
        const destination = this.bucketIdOf(asObject(bucket.properties.LoggingConfiguration).DestinationBucketName);
        if (destination !== undefined && destination !== bucket.logicalId) this.logDestinations.add(destination);
      }
      for (const [bucketId, policies] of this.policiesByBucket()) {
        if (policies.some(grantsLogDelivery)) this.logDestinations.add(bucketId);
      }
    }
    return this.logDestinations.has(bucketLogicalId);
  }

  private bucketsByNameText(): Map<string, string> {
    if (!this.bucketsByText) {
      this.bucketsByText = new Map();
      for (const bucket of this.ofType('AWS::S3::Bucket')) {
        const text = bucketNameToken(bucket.logicalId, this);
        if (!this.bucketsByText.has(text)) this.bucketsByText.set(text, bucket.logicalId);
      }
    }
    return this.bucketsByText;
  }

  private policiesByBucket(): Map<string, TemplateResource[]> {
    if (!this.bucketPolicies) {
      this.bucketPolicies = new Map();
      for (const policy of this.ofType('AWS::S3::BucketPolicy')) {
        const key = this.bucketIdOf(policy.properties.Bucket) ?? UNRESOLVED_BUCKET;
        const list = this.bucketPolicies.get(key) ?? [];
        list.push(policy);
        this.bucketPolicies.set(key, list);
      }
    }
    return this.bucketPolicies;
  }
}

/** The key under which bucket policies on an unresolvable bucket are indexed. */
export const UNRESOLVED_BUCKET = '<unresolved bucket>';

function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

function grantsLogDelivery(policy: TemplateResource): boolean {
  const statements = asList(asObject(policy.properties.PolicyDocument).Statement);
  return statements.some((statement) => {
    if (!isObject(statement) || statement.Effect !== 'Allow') return false;
    const services = asList(asObject(statement.Principal).Service);
    const actions = asList(statement.Action);
    return services.includes(S3_SERVER_ACCESS_LOGGING_SERVICE) && actions.some((a) => a === 's3:PutObject');
  });
}
