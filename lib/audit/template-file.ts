import * as path from 'path';
import { isObject, JsonObject } from '../baseline/intrinsics';
import { parseCloudFormationYaml } from './cfn-yaml';
import { AuditInputError, firstLine } from './input-error';
import { checkParsedShape, readInputFile } from './input-limits';
import { jsonResourceLines } from './json-lines';
import { expandLanguageExtensions, usesLanguageExtensions } from './language-extensions';
import { expandSam, usesSam } from './sam/transform';
import { ConstructResource, ConstructWaivers } from './acknowledgment-candidates';

/** Where a template comes from, before it is read. */
export interface TemplateSource {
  /** The file to read. */
  readonly file: string;
  /** The name reports give it: as given on the command line, or the assembly path joined with the manifest's file name. */
  readonly display: string;
  /** The stack name: the assembly's artifact id, or the file name without its extensions. */
  readonly stack: string;
  /** In a cloud assembly: the templates its asset manifests publish (nested stacks), by S3 object key. */
  readonly assetTemplates?: ReadonlyMap<string, string>;
  /** In a cloud assembly: the account the stack deploys to, from the manifest's `environment`; undefined for `unknown-account`. */
  readonly account?: string;
  /** In a cloud assembly: the CDK acknowledgments its construct metadata records, by absolute template path. */
  readonly acknowledgments?: ConstructWaivers;
  /** In a cloud assembly: every resource of it by construct path, template and logical id, from its construct metadata. */
  readonly constructResources?: readonly ConstructResource[];
}

/** A template read, parsed and checked to be CloudFormation. */
export interface LoadedTemplate extends TemplateSource {
  /** The whole template, in CloudFormation's JSON form. */
  readonly template: JsonObject;
  /** The `Resources` section; every entry is an object with a string `Type`. */
  readonly resources: Record<string, JsonObject>;
  /** Whether the file is JSON (else YAML). */
  readonly json: boolean;
  /** 1-based line of each resource's logical id in the file (for a resource a `Fn::ForEach` made, the loop's line). */
  readonly lines: ReadonlyMap<string, number>;
  /**
   * Whether `template` differs from the file: the `AWS::LanguageExtensions`
   * transform was expanded (see expandLanguageExtensions), so the packs judge
   * a copy. @default false
   */
  readonly expanded?: boolean;
  /**
   * For a SAM template (`Transform: AWS::Serverless-2016-10-31`), each
   * resource the SAM transform made (`MyFunctionRole`, `MyFunctionUrl`,
   * `ServerlessRestApiProdStage` ...) and the logical id of the resource the
   * template declares that it came from (`MyFunction`). @default none
   */
  readonly madeFrom?: ReadonlyMap<string, string>;
  /** What the SAM expansion did not expand as SAM would (see expandSam), one sentence each. @default none */
  readonly expansionNotes?: readonly string[];
}

/** `votes.template.json` → `votes`. */
export function stackNameOf(file: string): string {
  return path.basename(file).replace(/(\.(json|ya?ml|template))+$/i, '') || path.basename(file);
}

/**
 * Reads one template file: JSON by extension or by its first character, YAML
 * otherwise. Whatever the file holds, the result is a template whose logical
 * ids CloudFormation would accept, or an AuditInputError.
 */
export function readTemplate(source: TemplateSource): LoadedTemplate {
  const text = readInputFile(source.file, source.display);
  if (text.trim() === '') throw new AuditInputError(`${source.display}: an empty file, not a CloudFormation template`);
  const json = isJson(source.file, text);
  if (json && text.startsWith('\ufeff')) {
    // cloudformation-include and the packs read the file itself, with JSON.parse, which refuses the mark.
    throw new AuditInputError(`${source.display}: JSON that starts with a byte-order mark, which JSON readers refuse; save it as UTF-8 without one`);
  }
  const parsed = json ? parseJson(text, source.display) : parseYaml(text, source.display);
  checkParsedShape(parsed.value, source.display);
  const extended = withLanguageExtensions(parsed.value, parsed.lines);
  const { value, lines, expanded, madeFrom, notes } = withSam(extended.value, extended.lines, source.display, extended.expanded);
  if (!isObject(value) || !('Resources' in value)) {
    throw new AuditInputError(`${source.display}: not a CloudFormation template (it has no Resources object)`);
  }
  if (!isObject(value.Resources)) {
    throw new AuditInputError(`${source.display}: not a CloudFormation template (its Resources is ${kindOf(value.Resources)}, not an object)`);
  }
  checkLogicalIds(value, source.display);
  for (const [logicalId, body] of Object.entries(value.Resources)) {
    if (!isObject(body) || typeof body.Type !== 'string' || body.Type === '') {
      throw new AuditInputError(`${source.display}: resource '${logicalId}' has no Type, so it is not a CloudFormation resource`);
    }
  }
  return {
    ...source, template: value, resources: value.Resources as Record<string, JsonObject>, json, lines,
    ...(expanded ? { expanded } : {}), ...(madeFrom ? { madeFrom } : {}), ...(notes && notes.length > 0 ? { expansionNotes: notes } : {}),
  };
}

/**
 * The template with the SAM transform expanded when it declares it (after the
 * language extensions, as CloudFormation runs them in that order), each
 * resource SAM made placed at the line of the resource it came from.
 */
function withSam(value: unknown, lines: Map<string, number>, display: string, expanded: boolean): {
  value: unknown; lines: Map<string, number>; expanded: boolean; madeFrom?: ReadonlyMap<string, string>; notes?: readonly string[];
} {
  if (!isObject(value) || !usesSam(value)) return { value, lines, expanded };
  const expansion = expandSam(value, display);
  for (const [made, from] of expansion.origins) {
    const line = lines.get(from);
    if (line !== undefined) lines.set(made, line);
  }
  return { value: expansion.template, lines, expanded: true, madeFrom: expansion.origins, notes: expansion.notes };
}

/** The template with the language extensions expanded when it declares them, each resource a loop made placed at the loop's line. */
function withLanguageExtensions(value: unknown, lines: Map<string, number>): { value: unknown; lines: Map<string, number>; expanded: boolean } {
  if (!isObject(value) || !usesLanguageExtensions(value)) return { value, lines, expanded: false };
  const expansion = expandLanguageExtensions(value);
  for (const [made, loop] of expansion.origins) {
    const line = lines.get(loop);
    if (line !== undefined) lines.set(made, line);
  }
  return { value: expansion.template, lines, expanded: true };
}

/** The sections whose keys are logical ids. */
const LOGICAL_ID_SECTIONS = ['Resources', 'Parameters', 'Conditions', 'Mappings', 'Outputs'];

/**
 * What CloudFormation accepts as a name in each section: logical ids are 1 to
 * 255 letters and digits; condition names may hold other printable
 * characters (the AWS VPC Quick Start has `AdditionalPrivateSubnets&3AZCondition`).
 */
const NAME_RULES: Record<string, { readonly pattern: RegExp; readonly allowed: string }> = {
  Conditions: { pattern: /^[\x21-\x7e]{1,255}$/, allowed: 'a condition name must be 1 to 255 printable ASCII characters, without spaces' },
};
const LOGICAL_ID_RULE = { pattern: /^[A-Za-z0-9]{1,255}$/, allowed: 'a logical id must be 1 to 255 letters and digits (A-Za-z0-9)' };

/**
 * CloudFormation's rule for names (see NAME_RULES; `__proto__` is refused
 * before, by checkParsedShape). Names every JavaScript object answers to (`constructor`,
 * `toString`, …) pass it, but cloudformation-include looks ids up in plain
 * objects and would find the built-in instead of the resource, so they are
 * refused too rather than judged wrongly.
 */
function checkLogicalIds(template: JsonObject, display: string): void {
  for (const section of LOGICAL_ID_SECTIONS) {
    const entries = template[section];
    if (!isObject(entries)) continue;
    const rule = NAME_RULES[section] ?? LOGICAL_ID_RULE;
    for (const id of Object.keys(entries)) {
      const what = `${section === 'Resources' ? 'resource' : `${section} entry`} '${printable(id)}'`;
      if (!rule.pattern.test(id)) throw new AuditInputError(`${display}: ${what}: ${rule.allowed}`);
      if (id in Object.prototype) {
        throw new AuditInputError(`${display}: ${what}: a name every JavaScript object has, which cloudformation-include cannot load`);
      }
    }
  }
}

/** An id as a message can show it: control characters escaped, at most 80 characters. */
function printable(id: string): string {
  const escaped = JSON.stringify(id).slice(1, -1);
  return escaped.length > 80 ? `${escaped.slice(0, 77)}...` : escaped;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return `a ${typeof value}`;
}

function isJson(file: string, text: string): boolean {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.json') return true;
  if (extension === '.yaml' || extension === '.yml') return false;
  return text.replace(/^\ufeff/, '').trimStart().startsWith('{');
}

function parseJson(text: string, display: string): { value: unknown; lines: Map<string, number> } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new AuditInputError(`${display}: malformed JSON${jsonErrorLine(text, error)}: ${firstLine(error).replace(/ in JSON at position \d+.*$/, '')}`);
  }
  return { value, lines: jsonResourceLines(text) };
}

/** ` at line N`, from the position V8 puts in its JSON.parse message. */
function jsonErrorLine(text: string, error: unknown): string {
  const match = /position (\d+)/.exec(firstLine(error));
  if (!match) return /end of JSON input/.test(firstLine(error)) ? ` at line ${text.split('\n').length} (the end)` : '';
  return ` at line ${text.slice(0, Number(match[1])).split('\n').length}`;
}

function parseYaml(text: string, display: string): { value: unknown; lines: Map<string, number> } {
  const { value, resourceLines } = parseCloudFormationYaml(text, display);
  return { value, lines: resourceLines };
}
