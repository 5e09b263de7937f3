import { App, Stack } from 'aws-cdk-lib';
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
