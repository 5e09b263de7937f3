import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';

/** One violation as the pack reports it. */
export interface Violation {
  readonly ruleId: string;
  readonly path: string;
}

/** A fresh env-agnostic app and stack. */
export function newStack(id = 'Test'): { app: App; stack: Stack } {
  const app = new App();
  return { app, stack: new Stack(app, id) };
}

/** Runs ElectionBaselineChecks on `scope`, as synth would, and flattens its violations. */
export function packViolations(scope: App | Stack): Violation[] {
  const report = new ElectionBaselineChecks().validateScope(scope);
  return report.violations.flatMap((v) => v.violatingResources.map((r) => ({ ruleId: v.ruleName, path: r.constructPath ?? '' })));
}

/** The construct paths that violate one rule. */
export function pathsViolating(scope: App | Stack, ruleName: string): string[] {
  return packViolations(scope).filter((v) => v.ruleId === `ElectionBaseline-${ruleName}`).map((v) => v.path);
}

/**
 * Every IAM action granted by the identity policies (inline and managed) of a
 * stack, sorted; with `role`, only those of the policies attached to it.
 */
export function actionsGrantedIn(stack: Stack, role?: iam.Role): string[] {
  const template = Template.fromStack(stack);
  const policies = { ...template.findResources('AWS::IAM::Policy'), ...template.findResources('AWS::IAM::ManagedPolicy') };
  const roleRef = role && JSON.stringify({ Ref: stack.getLogicalId(role.node.defaultChild as iam.CfnRole) });
  return Object.values(policies)
    .filter((p) => roleRef === undefined || (p.Properties.Roles ?? []).some((r: unknown) => JSON.stringify(r) === roleRef))
    .flatMap((p) => p.Properties.PolicyDocument.Statement)
    .flatMap((s: { Action: string | string[] }) => [s.Action].flat())
    .sort();
}

/** A role a grant can be given to. */
export function lambdaRole(stack: Stack, id = 'Role'): iam.Role {
  return new iam.Role(stack, id, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
}
