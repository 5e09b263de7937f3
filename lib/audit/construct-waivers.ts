import * as path from 'path';
import { CfnResource, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { WaiverIndex } from '../pack/waivers';
import { acknowledgmentCandidates, ConstructResource, ConstructWaivers } from './acknowledgment-candidates';

/**
 * The CDK acknowledgments made under `root` above every stack: on the App, a
 * Stage, or a construct that groups stacks. CDK writes construct metadata into
 * the cloud assembly stack by stack (`<stack>.metadata.json`), so these are the
 * only ones the assembly does not carry (see assembly-waivers.ts). Read from
 * the live tree, each covers every resource below it, as the packs honor it at
 * synth. Call it after `app.synth()`, which fixes the template files.
 */
export function waiversAboveStacks(root: IConstruct): ConstructWaivers {
  const nodes = new Map(root.node.findAll().map((node): [string, IConstruct] => [node.node.path, node]));
  const above = WaiverIndex.collect(root).made().filter((waiver) => {
    const node = nodes.get(waiver.path);
    return node !== undefined && !node.node.scopes.some((scope) => Stack.isStack(scope));
  });
  if (above.length === 0) return new Map();
  const resources: ConstructResource[] = [];
  for (const node of nodes.values()) {
    if (!CfnResource.isCfnResource(node)) continue;
    const stack = Stack.of(node);
    resources.push({ path: node.node.path, file: templateFileOf(stack), logicalId: stack.resolve(node.logicalId) as string });
  }
  return acknowledgmentCandidates(above, resources, () => undefined);
}

/** Where CDK wrote a stack's template: its Stage's assembly directory (nested stacks included). */
function templateFileOf(stack: Stack): string {
  return path.resolve(Stage.of(stack)?.outdir ?? '.', stack.templateFile);
}
