import { DataClass } from '../baseline/data-class';
import { oncePerTemplate } from './attachments';
import { requiredForClass } from './data-class-of';
import { tableRequiredForClass } from './dynamodb-table';
import { allowsAnyAction } from './policy-document';
import { renderSymbolic } from '../baseline/symbolic-text';
import { refersTo } from './references';
import { RolePermissions, statementResources } from './role-permissions';
import { StackTemplate, TemplateResource } from './template-model';

/**
 * Which voter-PII stores of a template a role's permissions can read. Reads are what return
 * stored items or objects: a role that may only write (PutItem, PutObject) reads nothing.
 */

/** DynamoDB actions that return items: by key, by query or scan, through PartiQL, from the stream, or as a whole-table export. */
export const DYNAMODB_READ_ACTIONS: readonly string[] = [
  'dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:PartiQLSelect',
  'dynamodb:GetRecords', 'dynamodb:ExportTableToPointInTime',
];

/** S3 actions that return an object's content. */
export const S3_READ_ACTIONS: readonly string[] = ['s3:GetObject', 's3:GetObjectVersion'];

const TABLE_TYPES = ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable'];
const VOTER_PII = [DataClass.VOTER_PII];

/** A store of the template: its kind decides which actions read it. */
export interface VoterPiiStore {
  readonly resource: TemplateResource;
  readonly service: 'dynamodb' | 's3';
}

/** The tables and buckets of class voter-pii, or of no declared class (judged as the most sensitive); found once per template. */
export const voterPiiStores: (template: StackTemplate) => readonly VoterPiiStore[] = oncePerTemplate((template) => {
  const tables = TABLE_TYPES.flatMap((t) => template.ofType(t)).filter((r) => tableRequiredForClass(r, VOTER_PII));
  const buckets = template.ofType('AWS::S3::Bucket').filter((r) => requiredForClass(r, VOTER_PII));
  return [...tables.map((resource) => ({ resource, service: 'dynamodb' as const })), ...buckets.map((resource) => ({ resource, service: 's3' as const }))];
});

/** The stores among `stores` that `permissions` can read; every one when the role is opaque. */
export function readableStores(permissions: RolePermissions, stores: readonly VoterPiiStore[], template: StackTemplate): VoterPiiStore[] {
  if (permissions.opaque) return [...stores];
  return stores.filter((store) => {
    const actions = store.service === 'dynamodb' ? DYNAMODB_READ_ACTIONS : S3_READ_ACTIONS;
    return permissions.statements.some((s) => allowsAnyAction({ ...s, Effect: 'Allow' }, actions) && coversStore(s, store, template));
  });
}

function coversStore(statement: Record<string, unknown>, store: VoterPiiStore, template: StackTemplate): boolean {
  const resources = statementResources(statement);
  if (resources === undefined) return true; // NotResource: everything it does not list
  return resources.some((value) => mayName(value, store, template));
}

/**
 * Whether one Resource entry may name the store (or its objects, indexes or stream): a reference
 * to it, `*`, or an ARN pattern of its service whose resource part matches its literal name.
 * A generated name may match any wildcard; a parameter or import may be anything (fail closed).
 */
function mayName(value: unknown, store: VoterPiiStore, template: StackTemplate): boolean {
  if (typeof value !== 'string' && refersTo(value, store.resource.logicalId)) return true;
  const rendered = renderSymbolic(value, template);
  if (rendered === undefined) return true;
  const text = rendered.replace(/<[^>]*>/g, '*'); // a pseudo parameter may be any text
  if (/\{[A-Za-z0-9]+(\.[A-Za-z0-9.]+)?\}/.test(text)) return false; // another resource of the template
  if (text === '*') return true;
  const fields = text.split(':');
  if (fields.length < 6 || fields[0] !== 'arn' || !glob(fields[2], store.service)) return false;
  const part = fields.slice(5).join(':');
  const name = storeName(store);
  if (name === undefined) return /[*?]/.test(part);
  const subjects = store.service === 'dynamodb' ? [`table/${name}`, `table/${name}/index/x`, `table/${name}/stream/x`] : [`${name}/x`];
  return subjects.some((subject) => glob(part, subject));
}

function storeName(store: VoterPiiStore): string | undefined {
  const name = store.service === 'dynamodb' ? store.resource.properties.TableName : store.resource.properties.BucketName;
  return typeof name === 'string' ? name : undefined;
}

/** An IAM resource pattern (`*`, `?`) against a literal, case-sensitively as IAM compares ARNs. */
function glob(pattern: string, subject: string): boolean {
  const source = pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`).test(subject);
}
