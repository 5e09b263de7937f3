import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isObject } from '../pack/intrinsics';
import { LoadedTemplate } from './template-file';

/**
 * cloudformation-include reads a template from a file, and knows neither
 * CDK's newer `Fn::GetStackOutput` (weak cross-stack references) nor our YAML
 * reading. A template that needs either is handed to it, and to the packs, as
 * a JSON copy in a private temporary directory that `dispose()` removes; the
 * reports still name the original file and its lines.
 */
export class IncludeCopies {
  private dir?: string;
  private count = 0;

  /** The JSON file to load for `template`: the original when it is JSON that cfn-include reads as is, else a copy. */
  public fileFor(template: LoadedTemplate): string {
    const needsCopy = !template.json || usesStackOutputs(template.resources);
    if (!needsCopy) return template.file;
    this.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'election-audit-'));
    const file = path.join(this.dir, `${++this.count}.template.json`);
    fs.writeFileSync(file, JSON.stringify(withImportedOutputs(template.template)));
    return file;
  }

  /** Removes the copies. */
  public dispose(): void {
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
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
