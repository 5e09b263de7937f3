import * as fs from 'fs';
import * as path from 'path';
import { accountOfEnvironment } from '../pack/accounts';
import { isObject, JsonObject } from '../baseline/intrinsics';
import { assemblyRecord, RecordedStack } from './assembly-waivers';
import { stackSetTemplateFile } from './deployments';
import { AuditInputError, firstLine } from './input-error';
import { openError, readInputFile } from './input-limits';
import { LoadedTemplate, readTemplate, stackNameOf, TemplateSource } from './template-file';

/**
 * Reads every template the command line names: a template file (JSON or
 * YAML), or a cloud assembly directory, which means every stack template its
 * manifest lists (nested assemblies of Stages too) and every nested stack
 * template those reference, with the CDK acknowledgments its construct
 * metadata records (see assembly-waivers.ts). Paths resolve against `cwd`;
 * reports name them as given.
 */
export function loadTemplates(args: readonly string[], cwd: string): LoadedTemplate[] {
  const loaded: LoadedTemplate[] = [];
  const seen = new Set<string>();
  const load = (source: TemplateSource) => {
    if (seen.has(source.file)) return;
    seen.add(source.file);
    const template = readTemplate(source);
    loaded.push(template);
    for (const nested of nestedStacksOf(template)) load(nested);
  };
  for (const arg of args) {
    const file = path.resolve(cwd, arg);
    if (statOf(file, arg).isDirectory()) {
      const recorded: RecordedStack[] = [];
      const stacks = assemblyStacks(file, displayPath(arg), new Set(), recorded);
      if (stacks.length === 0) throw new AuditInputError(`${arg}: the cloud assembly lists no stack templates`);
      const { acknowledgments, resources: constructResources } = assemblyRecord(recorded);
      stacks.forEach((stack) => load({ ...stack, acknowledgments, constructResources }));
    } else {
      load({ file, display: arg, stack: stackNameOf(file) });
    }
  }
  // After every listed stack, so a template an assembly lists keeps its own stack name: each is judged once.
  for (const template of [...loaded]) stackSetTemplatesOf(template).forEach(load);
  return loaded;
}

/** The templates a template's stack sets deploy, when they are files of its cloud assembly (a TemplateURL asset). */
function stackSetTemplatesOf(holder: LoadedTemplate): TemplateSource[] {
  return Object.entries(holder.resources).flatMap(([logicalId, resource]) => {
    const found = resource.Type === 'AWS::CloudFormation::StackSet' ? stackSetTemplateFile(holder, resource) : undefined;
    if (!found || !fs.existsSync(found.file)) return [];
    const { assetTemplates, acknowledgments, constructResources } = holder;
    return [{ ...found, stack: `${holder.stack}/${logicalId}`, assetTemplates, acknowledgments, constructResources }];
  });
}

/** What the path is, or an AuditInputError saying why it cannot be examined (a dangling link, a loop of links). */
function statOf(file: string, display: string): fs.Stats {
  try {
    return fs.statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) {
      throw new AuditInputError(`${display}: a symbolic link to a missing file`);
    }
    throw openError(error, display);
  }
}

/** `./cdk.out/` → `cdk.out`, with forward slashes. */
function displayPath(arg: string): string {
  return path.posix.normalize(arg.split(path.sep).join('/')).replace(/\/+$/, '') || '.';
}

/**
 * The stack templates a cloud assembly's manifest lists, nested assemblies
 * included, each stack's construct metadata added to `recorded`. Every file it
 * names must lie within the assembly, and no assembly may nest itself
 * (`visited` holds the real paths on the way down).
 */
function assemblyStacks(dir: string, display: string, visited: ReadonlySet<string>, recorded: RecordedStack[]): TemplateSource[] {
  if (!statOf(dir, display).isDirectory()) throw new AuditInputError(`${display}: not a directory, so not a cloud assembly`);
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.lstatSync(manifestFile, { throwIfNoEntry: false })) {
    throw new AuditInputError(`${display}: a directory, but not a cloud assembly (it has no manifest.json)`);
  }
  const real = fs.realpathSync(dir);
  if (visited.has(real)) throw new AuditInputError(`${display}: a cloud assembly that nests itself`);
  const inside = new Set([...visited, real]);
  let manifest: unknown;
  try {
    manifest = JSON.parse(readInputFile(manifestFile, `${display}/manifest.json`));
  } catch (error) {
    if (error instanceof AuditInputError) throw error;
    throw new AuditInputError(`${display}/manifest.json: malformed cloud assembly manifest: ${firstLine(error)}`);
  }
  const artifacts = isObject(manifest) && isObject(manifest.artifacts) ? manifest.artifacts : {};
  const assetTemplates = templateAssets(dir, artifacts);
  const sources: TemplateSource[] = [];
  for (const [id, artifact] of Object.entries(artifacts)) {
    if (!isObject(artifact) || !isObject(artifact.properties)) continue;
    const { templateFile, directoryName } = artifact.properties;
    if (artifact.type === 'aws:cloudformation:stack' && typeof templateFile === 'string') {
      const file = withinAssembly(dir, templateFile, `${display}/manifest.json: stack '${id}'`);
      const account = accountOfEnvironment(artifact.environment);
      sources.push({ file, display: path.posix.join(display, templateFile), stack: id, assetTemplates, account });
      recorded.push(recordedStack(dir, display, id, artifact, templateFile));
    } else if (artifact.type === 'cdk:cloud-assembly' && typeof directoryName === 'string') {
      const nested = withinAssembly(dir, directoryName, `${display}/manifest.json: nested assembly '${id}'`);
      sources.push(...assemblyStacks(nested, path.posix.join(display, directoryName), inside, recorded));
    }
  }
  return sources;
}

/** Where a stack artifact records its construct metadata: inline in the manifest, and in its `additionalMetadataFile`. */
function recordedStack(dir: string, display: string, id: string, artifact: JsonObject, templateFile: string): RecordedStack {
  const metadataFile = artifact.additionalMetadataFile;
  return {
    dir,
    templateFile,
    stackPath: typeof artifact.displayName === 'string' ? artifact.displayName : undefined,
    inline: artifact.metadata,
    metadataFile: typeof metadataFile === 'string' ? {
      file: withinAssembly(dir, metadataFile, `${display}/manifest.json: stack '${id}'`),
      display: path.posix.join(display, metadataFile),
    } : undefined,
  };
}

/**
 * `dir/name`, when it stays inside `dir`: a manifest or template that names a
 * file elsewhere (`../../home/me/.aws/config.json`, an absolute path) is
 * refused, so an audit reads only what the assembly holds.
 */
function withinAssembly(dir: string, name: string, what: string): string {
  const file = path.resolve(dir, name);
  const relative = path.relative(dir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new AuditInputError(`${what} names ${JSON.stringify(name)}, which is outside the cloud assembly`);
  }
  return file;
}

/**
 * The JSON files the assembly's asset manifests publish, by S3 object key
 * (`<hash>.json`): nested stack templates, which a parent's TemplateURL names
 * by that key even when CDK wrote no `aws:asset:path` metadata.
 */
function templateAssets(dir: string, artifacts: Record<string, unknown>): Map<string, string> {
  const assets = new Map<string, string>();
  for (const artifact of Object.values(artifacts)) {
    if (!isObject(artifact) || artifact.type !== 'cdk:asset-manifest' || !isObject(artifact.properties)) continue;
    const file = artifact.properties.file;
    if (typeof file !== 'string' || !fs.existsSync(path.join(dir, file))) continue;
    let manifest: unknown;
    try {
      manifest = JSON.parse(readInputFile(withinAssembly(dir, file, 'asset manifest'), file));
    } catch {
      continue;
    }
    const files = isObject(manifest) && isObject(manifest.files) ? manifest.files : {};
    for (const asset of Object.values(files)) {
      const source = isObject(asset) && isObject(asset.source) ? asset.source.path : undefined;
      if (typeof source !== 'string' || !source.endsWith('.template.json') || !isObject(asset) || !isObject(asset.destinations)) continue;
      for (const destination of Object.values(asset.destinations)) {
        if (isObject(destination) && typeof destination.objectKey === 'string') assets.set(destination.objectKey, source);
      }
    }
  }
  return assets;
}

/**
 * The nested stacks a template holds, found where CDK records their
 * templates: `Metadata['aws:asset:path']` of each `AWS::CloudFormation::Stack`.
 */
function nestedStacksOf(parent: LoadedTemplate): TemplateSource[] {
  const sources: TemplateSource[] = [];
  for (const [logicalId, resource] of Object.entries(parent.resources)) {
    if (resource.Type !== 'AWS::CloudFormation::Stack') continue;
    const assetPath = nestedTemplatePath(resource, parent.assetTemplates);
    if (assetPath === undefined) continue;
    const file = withinAssembly(path.dirname(parent.file), assetPath, `${parent.display}: nested stack '${logicalId}'`);
    if (!fs.existsSync(file)) {
      throw new AuditInputError(`${parent.display}: nested stack '${logicalId}' names template ${assetPath}, which is missing`);
    }
    sources.push({
      file,
      display: path.posix.join(path.posix.dirname(parent.display), assetPath),
      stack: `${parent.stack}/${logicalId}`,
      assetTemplates: parent.assetTemplates,
      acknowledgments: parent.acknowledgments,
      constructResources: parent.constructResources,
      account: parent.account,
    });
  }
  return sources;
}

/** The nested template's path in the assembly: from `aws:asset:path`, else from the asset its TemplateURL names. */
function nestedTemplatePath(resource: JsonObject, assets: ReadonlyMap<string, string> | undefined): string | undefined {
  const assetPath = isObject(resource.Metadata) ? resource.Metadata['aws:asset:path'] : undefined;
  if (typeof assetPath === 'string' && /\.json$/i.test(assetPath)) return assetPath;
  if (!assets || assets.size === 0 || !isObject(resource.Properties)) return undefined;
  const url = JSON.stringify(resource.Properties.TemplateURL ?? '');
  for (const [objectKey, source] of assets) if (url.includes(`/${objectKey}`)) return source;
  return undefined;
}
