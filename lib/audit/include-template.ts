import { Stack } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
import { checkReadableIntrinsics, dehydratedResources } from './include-plan';
import { AuditInputError, firstLine } from './input-error';
import { scratchStack } from './scratch-app';
import { LoadedTemplate } from './template-file';

/** A template loaded into a construct tree of its own, and the logical id of each resource's construct path. */
export interface IncludedTemplate {
  readonly stack: Stack;
  readonly logicalIdByPath: ReadonlyMap<string, string>;
}

/**
 * Loads a template into a fresh App and Stack with cloudformation-include,
 * as the packs need a construct tree. The tree carries no CDK
 * acknowledgments (cfn-include keeps a resource's `Metadata` in the template,
 * not in construct metadata), so the packs report every violation, waived or
 * not, and the audit decides which waivers hold.
 *
 * `templateFile` is the JSON it reads (see IncludeCopies). Resources it cannot parse though CloudFormation deploys them are
 * loaded as written (see dehydratedResources). A template cfn-include refuses is an AuditInputError that names the resource it
 * could not load, or the path of an intrinsic CloudFormation refuses too (see checkReadableIntrinsics).
 */
export function includeTemplate(template: LoadedTemplate, templateFile: string): IncludedTemplate {
  checkReadableIntrinsics(template.template, template.display);
  const dehydrated = dehydratedResources(template.resources);
  const stack = scratchStack('Audit');
  let include: CfnInclude;
  try {
    include = new CfnInclude(stack, 'Template', { templateFile, dehydratedResources: dehydrated });
  } catch (error) {
    const culprit = failingResource(template, templateFile, dehydrated);
    const what = culprit ? `resource '${culprit}' (${template.resources[culprit].Type})` : 'the template';
    // A TypeError and its kin are a fault inside the library, not a reason: say so rather than pass it off as one.
    const cause = isInternal(error) ? `it failed inside while reading it (${firstLine(error)})` : firstLine(error);
    throw new AuditInputError(`${template.display}: cloudformation-include cannot load ${what}: ${cause}${macroHint(template.template.Transform)}`);
  }
  // cfn-include keeps the template's logical id on the resources it parses, not on dehydrated ones; the packs look ids up.
  for (const logicalId of dehydrated) include.getResource(logicalId).overrideLogicalId(logicalId);
  const logicalIdByPath = new Map<string, string>();
  for (const logicalId of Object.keys(template.resources)) logicalIdByPath.set(include.getResource(logicalId).node.path, logicalId);
  return { stack, logicalIdByPath };
}

/**
 * Finds the first resource cfn-include cannot load by bisection: resources
 * past the cut are loaded "dehydrated" (as raw CloudFormation, unparsed).
 * Undefined when the template fails with every resource dehydrated (the
 * fault is in its Parameters, Conditions, Mappings or Outputs).
 */
function failingResource(template: LoadedTemplate, templateFile: string, dehydrated: readonly string[]): string | undefined {
  const ids = Object.keys(template.resources).filter((id) => !dehydrated.includes(id));
  const loads = (parsed: number) => {
    try {
      new CfnInclude(scratchStack('Probe'), 'Template', { templateFile, dehydratedResources: [...dehydrated, ...ids.slice(parsed)] });
      return true;
    } catch {
      return false;
    }
  };
  if (!loads(0)) return undefined;
  let good = 0;
  let bad = ids.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (loads(middle)) good = middle;
    else bad = middle;
  }
  return ids[bad - 1];
}

function isInternal(error: unknown): boolean {
  return error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError;
}

/** The transforms the audit expands itself (see language-extensions.ts and the SAM expansion). */
const EXPANDED_TRANSFORMS = ['AWS::LanguageExtensions', 'AWS::Serverless-2016-10-31'];

/**
 * When the template declares a macro the audit cannot run (its own Lambda-backed macro, `AWS::Include` of a
 * snippet in S3), what it refuses may be what the macro rewrites: the template to audit is the processed one.
 */
function macroHint(transform: unknown): string {
  const names = (Array.isArray(transform) ? transform : [transform])
    .map((t) => (typeof t === 'string' ? t : typeof t === 'object' && t !== null ? (t as { Name?: unknown }).Name : undefined))
    .filter((name): name is string => typeof name === 'string' && !EXPANDED_TRANSFORMS.includes(name));
  if (names.length === 0) return '';
  return (
    ` (the template declares Transform ${names.map((n) => `'${n}'`).join(', ')}, which only CloudFormation runs: audit the processed ` +
    'template, `aws cloudformation get-template --template-stage Processed`)'
  );
}
