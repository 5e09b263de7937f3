import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

const SCHEMAS = path.join(__dirname, '..', '..', 'schemas');

type Schema = { [key: string]: unknown };

/** A schema file as published. */
export function readSchema(file: string): Schema {
  return JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), 'utf8')) as Schema;
}

/** Keywords whose meaning changed between draft-04 and draft-07, found anywhere in a schema. */
export function draft04OnlyKeywords(schema: unknown, at = '#'): string[] {
  if (Array.isArray(schema)) return schema.flatMap((item, i) => draft04OnlyKeywords(item, `${at}/${i}`));
  if (schema === null || typeof schema !== 'object') return [];
  const object = schema as Schema;
  const found: string[] = [];
  for (const keyword of ['exclusiveMinimum', 'exclusiveMaximum']) {
    if (typeof object[keyword] === 'boolean') found.push(`${at}/${keyword}`);
  }
  if ('dependencies' in object) found.push(`${at}/dependencies`);
  for (const [key, value] of Object.entries(object)) {
    if (MAPS_OF_SCHEMAS.has(key) && value !== null && typeof value === 'object') {
      // The keys of these maps are names chosen by the schema's author, not keywords.
      for (const [name, sub] of Object.entries(value)) found.push(...draft04OnlyKeywords(sub, `${at}/${key}/${name}`));
    } else {
      found.push(...draft04OnlyKeywords(value, `${at}/${key}`));
    }
  }
  return found;
}

const MAPS_OF_SCHEMAS = new Set(['properties', 'patternProperties', 'definitions']);

function newAjv(): Ajv {
  // Strict mode also lints the schema itself: SARIF's puts `required` in `anyOf` branches without repeating the
  // properties there (valid JSON Schema), so that one lint is off. It changes nothing in how data is validated.
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, unicodeRegExp: true });
  addFormats(ajv);
  return ajv;
}

let sarif: ValidateFunction | undefined;
let oscal: ValidateFunction | undefined;
let oscalComponent: ValidateFunction | undefined;

/**
 * The OASIS SARIF 2.1.0 schema declares draft-04, which Ajv 8 does not
 * implement; it uses no keyword whose meaning changed since (asserted in the
 * tests), so it is compiled under draft-07 rules with its draft-04 header
 * (`$schema`, `id`) removed. Every keyword it has is enforced.
 */
export function sarifValidator(): ValidateFunction {
  if (!sarif) {
    const { $schema: _schema, id: _id, ...body } = readSchema('sarif-2.1.0.schema.json');
    sarif = newAjv().compile(body);
  }
  return sarif;
}

/** The NIST OSCAL 1.1.2 assessment-results schema, as published (draft-07). */
export function oscalValidator(): ValidateFunction {
  if (!oscal) oscal = newAjv().compile(readSchema('oscal-assessment-results-1.1.x.schema.json'));
  return oscal;
}

/** The NIST OSCAL 1.1.2 component-definition schema, as published (draft-07). */
export function oscalComponentValidator(): ValidateFunction {
  if (!oscalComponent) oscalComponent = newAjv().compile(readSchema('oscal-component-definition-1.1.x.schema.json'));
  return oscalComponent;
}

let auditReport: ValidateFunction | undefined;

/** The JSON report's own schema (draft 2020-12), as shipped in schemas/. */
export function auditReportValidator(): ValidateFunction {
  if (!auditReport) {
    const ajv = new Ajv2020({ allErrors: true });
    addFormats(ajv);
    auditReport = ajv.compile(readSchema('election-audit-report.schema.json'));
  }
  return auditReport;
}

/** Ajv's errors as readable lines, for a failing expectation. */
export function errorsOf(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
