import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isObject } from '../baseline/intrinsics';
import { LoadedTemplate } from './template-file';

/** The JSON files one template is judged from. */
export interface JudgedFiles {
  /** What cloudformation-include loads into a construct tree (see IncludeCopies). */
  readonly include: string;
  /** What the election pack judges: the template as written (the language extensions expanded), in JSON. */
  readonly judged: string;
}

/**
 * cloudformation-include reads a template from a file, and knows neither
 * CDK's newer `Fn::GetStackOutput` (weak cross-stack references), nor
 * booleans written `"True"`/`"False"` (CloudFormation accepts any case), nor
 * our YAML reading or language-extension expansion. A template that needs any
 * of these is handed to it as a JSON copy in a private temporary directory
 * that `dispose()` removes, and to the election pack as a JSON copy as
 * written; the reports still name the original file and its lines.
 */
export class IncludeCopies {
  private dir?: string;
  private count = 0;

  /** The JSON files for `template`: the original when it is JSON that both read as is, else copies. */
  public filesFor(template: LoadedTemplate): JudgedFiles {
    const asWritten = template.json && !template.expanded;
    const forInclude = includable(template.template);
    const judged = asWritten ? template.file : this.write(template.template);
    const include = forInclude.changed ? this.write(forInclude.value) : judged;
    return { include, judged };
  }

  /** Removes the copies. */
  public dispose(): void {
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }

  private write(value: unknown): string {
    this.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'election-audit-'));
    const file = path.join(this.dir, `${++this.count}.template.json`);
    fs.writeFileSync(file, JSON.stringify(value));
    return file;
  }
}

/** The template as cloudformation-include can load it: weak references imported, resources' booleans in lower case. */
function includable(template: Record<string, unknown>): { value: unknown; changed: boolean } {
  const withImports = usesStackOutputs(template.Resources) ? withImportedOutputs(template) as Record<string, unknown> : template;
  const resources = lowerCaseBooleans(withImports.Resources);
  const changed = withImports !== template || resources !== withImports.Resources;
  return { value: changed ? { ...withImports, Resources: resources } : template, changed };
}

/**
 * `"True"`/`"FALSE"` become `"true"`/`"false"`, the only spellings
 * cloudformation-include's type checks accept; the same object when there is
 * none, so that an unchanged template needs no copy.
 */
function lowerCaseBooleans(value: unknown): unknown {
  if (typeof value === 'string') return /^(true|false)$/i.test(value) ? value.toLowerCase() : value;
  if (Array.isArray(value)) {
    const items = value.map(lowerCaseBooleans);
    return items.some((item, index) => item !== value[index]) ? items : value;
  }
  if (!isObject(value)) return value;
  const entries = Object.entries(value).map(([key, item]) => [key, lowerCaseBooleans(item)] as const);
  return entries.some(([key, item]) => item !== value[key]) ? Object.fromEntries(entries) : value;
}

function usesStackOutputs(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(usesStackOutputs);
  if (!isObject(value)) return false;
  return 'Fn::GetStackOutput' in value || Object.values(value).some(usesStackOutputs);
}

/**
 * `{ Fn::GetStackOutput: { StackName, OutputName } }` becomes the intrinsic
 * cfn-include knows with the same meaning for a judge: a value another stack
 * decides, `{ Fn::ImportValue: 'StackName:OutputName' }`.
 */
function withImportedOutputs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withImportedOutputs);
  if (!isObject(value)) return value;
  const output = value['Fn::GetStackOutput'];
  if (Object.keys(value).length === 1 && isObject(output)) {
    const { StackName, OutputName } = output;
    const name = typeof StackName === 'string' && typeof OutputName === 'string'
      ? `${StackName}:${OutputName}`
      : { 'Fn::Join': [':', [withImportedOutputs(StackName), withImportedOutputs(OutputName)]] };
    return { 'Fn::ImportValue': name };
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withImportedOutputs(item)]));
}
