import { AspectPriority, CfnResource, IAspect } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { isObject } from '../baseline/intrinsics';
import { unqualifiedRuleId, Waiver, waiversInMetadata } from './waivers';

/**
 * Runs after cdk-nag's `WriteNagSuppressionsToCloudFormationAspect` (which
 * has the default priority): it must find the `cdk_nag` entries written.
 */
export const SUPPRESSION_REGISTER_PRIORITY = AspectPriority.DEFAULT + 100;

/**
 * Adds the waiver register's fields to the `Metadata.cdk_nag.rules_to_suppress`
 * entries that cdk-nag's `writeSuppressionsToCloudFormation` writes with only
 * `id` and `reason`: `approvedBy` and `expires` when the waiver has them, and
 * `origin: 'library'` for the library's own, so a template handed over
 * without its cloud assembly still carries who approved each waiver, until
 * when, and who made it. Each entry takes the fields of the acknowledgment
 * cdk-nag copied: the nearest one of that rule, from the resource upward.
 */
export class WriteWaiverRegisterToCloudFormation implements IAspect {
  public visit(node: IConstruct): void {
    if (!CfnResource.isCfnResource(node)) return;
    const cdkNag: unknown = node.getMetadata('cdk_nag');
    if (!isObject(cdkNag) || !Array.isArray(cdkNag.rules_to_suppress)) return;
    let changed = false;
    const entries = cdkNag.rules_to_suppress.map((entry: unknown) => {
      if (!isObject(entry) || typeof entry.id !== 'string') return entry;
      const waiver = nearestWaiver(node, unqualifiedRuleId(entry.id));
      const fields = {
        ...(waiver?.approvedBy !== undefined ? { approvedBy: waiver.approvedBy } : {}),
        ...(waiver?.expires !== undefined ? { expires: waiver.expires } : {}),
        ...(waiver?.origin === 'library' ? { origin: waiver.origin } : {}),
      };
      if (Object.keys(fields).length === 0) return entry;
      changed = true;
      return { ...entry, ...fields };
    });
    if (changed) node.addMetadata('cdk_nag', { ...cdkNag, rules_to_suppress: entries });
  }
}

/** The acknowledgment of `ruleId` nearest `node`, on it or an ancestor, as cdk-nag picks it. */
function nearestWaiver(node: IConstruct, ruleId: string): Waiver | undefined {
  for (let at: IConstruct | undefined = node; at !== undefined; at = at.node.scope) {
    const found = waiversInMetadata(at.node.metadata, at.node.path).find((w) => w.ruleId === ruleId);
    if (found) return found;
  }
  return undefined;
}
