import * as fs from 'fs';
import * as path from 'path';
import { ArtifactMetadataEntryType } from 'aws-cdk-lib/cloud-assembly-schema';
import { CDK_TEMPLATE_FILE_KEY } from 'aws-cdk-lib/cx-api';
import { isObject } from '../baseline/intrinsics';
import { Waiver, waiversInMetadata } from '../pack/waivers';
import { AuditInputError, firstLine } from './input-error';
import { readInputFile } from './input-limits';
import { acknowledgmentCandidates, constructAncestors, ConstructResource, ConstructWaivers } from './acknowledgment-candidates';

/** Where one stack artifact of a cloud assembly records its construct metadata. */
export interface RecordedStack {
  /** The assembly directory its file names resolve against. */
  readonly dir: string;
  /** The manifest's `templateFile` of the stack. */
  readonly templateFile: string;
  /** The stack's construct path (the artifact's `displayName`), when the manifest gives one. */
  readonly stackPath?: string;
  /** The artifact's inline `metadata`: construct path (`/Stack/A/B`) → entries. */
  readonly inline?: unknown;
  /** The artifact's `additionalMetadataFile`, already resolved inside the assembly, with its name in messages. */
  readonly metadataFile?: { readonly file: string; readonly display: string };
}

/** What a cloud assembly's construct metadata records for the audit: its acknowledgments, and where each resource is. */
export interface AssemblyRecord {
  /** The CDK acknowledgments as waiver candidates, by absolute template path. */
  readonly acknowledgments: ConstructWaivers;
  /** Every resource by construct path, template and logical id: how a finding made at synth is placed in a template. */
  readonly resources: readonly ConstructResource[];
}

/**
 * The CDK acknowledgments (`Validations.of(c).acknowledge(...)`) that a cloud
 * assembly records, as waiver candidates by template, and the resources they cover. CDK writes each stack's
 * construct metadata, nested stacks included, keyed by construct path:
 * `aws:cdk:acknowledged-rules` entries are the waivers, `aws:cdk:logicalId`
 * entries place each resource, and `aws:cdk:templateFile` marks where a
 * (nested) stack's template begins. Acknowledgments made above every stack (on
 * the App or a Stage) are in no stack's metadata, so they are not here.
 */
export function assemblyRecord(stacks: readonly RecordedStack[]): AssemblyRecord {
  const templateAt = new Map<string, string>();
  for (const stack of stacks) {
    if (stack.stackPath !== undefined) templateAt.set(stack.stackPath, path.resolve(stack.dir, stack.templateFile));
  }
  const placed: Array<{ path: string; logicalId: string }> = [];
  const waivers: Waiver[] = [];
  for (const stack of stacks) {
    for (const [key, entries] of metadataOf(stack)) {
      const constructPath = key.replace(/^\//, '');
      for (const entry of entries) {
        if (!isObject(entry) || typeof entry.data !== 'string') continue;
        if (entry.type === CDK_TEMPLATE_FILE_KEY) templateAt.set(constructPath, path.resolve(stack.dir, entry.data));
        if (entry.type === ArtifactMetadataEntryType.LOGICAL_ID) placed.push({ path: constructPath, logicalId: entry.data });
      }
      waivers.push(...waiversInMetadata(entries, constructPath));
    }
  }
  // A construct belongs to the template of its nearest (nested) stack; resource logical ids repeat across them.
  const templateOf = (constructPath: string): string | undefined =>
    constructAncestors(constructPath).map((at) => templateAt.get(at)).find((file) => file !== undefined);
  const resources = placed.flatMap(({ path: at, logicalId }): ConstructResource[] => {
    const file = templateOf(at);
    return file === undefined ? [] : [{ path: at, file, logicalId }];
  });
  return { acknowledgments: acknowledgmentCandidates(waivers, resources, templateOf), resources };
}

/** A stack's metadata, inline in the manifest and in its file (the schema allows both): construct path → entries. */
function metadataOf(stack: RecordedStack): Array<[string, readonly unknown[]]> {
  const sources = [stack.inline, stack.metadataFile && readMetadataFile(stack.metadataFile.file, stack.metadataFile.display)];
  return sources.flatMap((metadata) => (isObject(metadata) ? Object.entries(metadata) : []))
    .filter((entry): entry is [string, unknown[]] => Array.isArray(entry[1]));
}

/** The parsed file; undefined when it is missing (the stack then records no waivers). */
function readMetadataFile(file: string, display: string): unknown {
  if (!fs.existsSync(file)) return undefined;
  const text = readInputFile(file, display);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AuditInputError(`${display}: malformed construct metadata file: ${firstLine(error)}`);
  }
}
