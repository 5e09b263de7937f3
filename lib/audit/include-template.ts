import { Stack } from 'aws-cdk-lib';
import { CfnInclude } from 'aws-cdk-lib/cloudformation-include';
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
 * `templateFile` is the JSON it reads (see IncludeCopies). A template cfn-include refuses is an AuditInputError that names the
 * resource it could not load.
 */
export function includeTemplate(template: LoadedTemplate, templateFile: string): IncludedTemplate {
  const stack = scratchStack('Audit');
  let include: CfnInclude;
  try {
    include = new CfnInclude(stack, 'Template', { templateFile });
  } catch (error) {
    const culprit = failingResource(template, templateFile);
    const what = culprit ? `resource '${culprit}' (${template.resources[culprit].Type})` : 'the template';
    throw new AuditInputError(`${template.display}: cloudformation-include cannot load ${what}: ${firstLine(error)}`);
  }
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
function failingResource(template: LoadedTemplate, templateFile: string): string | undefined {
  const ids = Object.keys(template.resources);
  const loads = (parsed: number) => {
    try {
      new CfnInclude(scratchStack('Probe'), 'Template', { templateFile, dehydratedResources: ids.slice(parsed) });
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
