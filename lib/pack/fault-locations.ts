import { CfnResource, PolicyValidationPluginReport, PolicyViolatingResource } from 'aws-cdk-lib';
import { IndexedResource } from './construct-template-index';
import { ElectionRule, PACK_NAME } from './election-rule';

/** Where cdk-nag places every finding: the resource's whole `Properties`. */
export const WHOLE_RESOURCE_LOCATION = 'Properties';

/**
 * The pack's report with each violation of a rule that names the property at
 * fault (`ElectionRule.faultPath`) located there (`Properties.BucketEncryption`)
 * instead of cdk-nag's `Properties`: CDK prints the location under each
 * finding at synth, and the audit carries it into a finding's `propertyPath`.
 */
export function withFaultLocations(
  report: PolicyValidationPluginReport,
  rules: readonly ElectionRule[],
  indexed: Iterable<[CfnResource, IndexedResource]>,
): PolicyValidationPluginReport {
  const byName = new Map(rules.filter((rule) => rule.faultPath).map((rule) => [`${PACK_NAME}-${rule.name}`, rule]));
  if (byName.size === 0) return report;
  let byPath: Map<string, IndexedResource> | undefined;
  const violations = report.violations.map((violation) => {
    const rule = byName.get(violation.ruleName.replace(/\[.*\]$/, ''));
    if (!rule) return violation;
    byPath ??= new Map([...indexed].map(([node, entry]) => [node.node.path, entry]));
    const at = byPath;
    return { ...violation, violatingResources: violation.violatingResources.map((r) => locate(r, rule, at.get(r.constructPath ?? ''))) };
  });
  return { ...report, violations };
}

function locate(resource: PolicyViolatingResource, rule: ElectionRule, entry: IndexedResource | undefined): PolicyViolatingResource {
  if (!entry || !sameAsCdkNag(resource.locations)) return resource;
  const path = faultPathOf(rule, entry);
  return path === undefined ? resource : { ...resource, locations: [path] };
}

/** The rule's fault path for the resource; a rule that cannot name one (or throws) leaves the whole resource. */
export function faultPathOf(rule: ElectionRule, { resource, template }: IndexedResource): string | undefined {
  try {
    return rule.faultPath?.(resource, template);
  } catch {
    return undefined;
  }
}

function sameAsCdkNag(locations: readonly string[] | undefined): boolean {
  return locations !== undefined && locations.length === 1 && locations[0] === WHOLE_RESOURCE_LOCATION;
}
