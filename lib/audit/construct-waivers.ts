import * as path from 'path';
import { CfnResource, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { WaiverIndex } from '../pack/waivers';
import { WaiverCandidate } from './waiver-candidates';

/** Waivers read from a construct tree at synth, by the absolute path of the template they apply to. */
export type ConstructWaivers = ReadonlyMap<string, readonly WaiverCandidate[]>;

/**
 * Reads every CDK acknowledgment made under `root` (cdk-nag v3's waivers,
 * `Validations.of(x).acknowledge(...)`) with the construct path where it was
 * made, and the resources of each template it covers: the construct's own
 * CloudFormation resources and everything below it. A waiver is listed with
 * every template it covers, and with its own stack's template when it covers
 * nothing. Call it after `app.synth()`, which fixes the template files.
 */
export function constructWaivers(root: IConstruct): ConstructWaivers {
  const resources: Array<{ path: string; file: string; logicalId: string }> = [];
  const nodes = new Map<string, IConstruct>();
  for (const node of root.node.findAll()) {
    nodes.set(node.node.path, node);
    if (CfnResource.isCfnResource(node)) {
      const stack = Stack.of(node);
      resources.push({ path: node.node.path, file: templateFileOf(stack), logicalId: stack.resolve(node.logicalId) as string });
    }
  }
  const byFile = new Map<string, WaiverCandidate[]>();
  for (const waiver of WaiverIndex.collect(root).made()) {
    const covered = new Map<string, Set<string>>();
    for (const resource of resources) {
      if (waiver.path !== '' && resource.path !== waiver.path && !resource.path.startsWith(`${waiver.path}/`)) continue;
      covered.set(resource.file, (covered.get(resource.file) ?? new Set()).add(resource.logicalId));
    }
    const node = nodes.get(waiver.path);
    const ownStack = node ? enclosingStack(node) : undefined;
    if (covered.size === 0 && ownStack && node !== root) covered.set(templateFileOf(ownStack), new Set());
    for (const [file, covers] of covered) {
      const list = byFile.get(file) ?? [];
      list.push({
        ruleId: waiver.ruleId,
        reason: waiver.reason,
        madeAt: `construct:${waiver.path === '' ? '/' : waiver.path}`,
        covers,
        nearness: waiver.path === '' ? 0 : waiver.path.split('/').length,
        coversGranularFindings: false,
      });
      byFile.set(file, list);
    }
  }
  return byFile;
}

function enclosingStack(node: IConstruct): Stack | undefined {
  return node.node.scopes.slice().reverse().find((scope): scope is Stack => Stack.isStack(scope));
}

/** Where CDK wrote a stack's template: its Stage's assembly directory (nested stacks included). */
function templateFileOf(stack: Stack): string {
  return path.resolve(Stage.of(stack)?.outdir ?? '.', stack.templateFile);
}
