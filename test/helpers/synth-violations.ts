import { App, IPolicyValidationContext } from 'aws-cdk-lib';
import { NagPack } from 'cdk-nag';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';
import { Violation } from './pack-harness';

/**
 * Synthesizes `app` and runs `pack` the way `cdk synth` does: on the template
 * files just written, so escape-hatch overrides are judged exactly as deployed.
 */
export function synthViolations(app: App, pack: NagPack = new ElectionBaselineChecks()): Violation[] {
  const assembly = app.synth({ force: true });
  const known = (value: string) => (value.startsWith('unknown-') ? undefined : value);
  const context: IPolicyValidationContext & { appConstruct: App } = {
    templatePaths: assembly.stacks.map((s) => s.templateFullPath),
    stackTemplates: assembly.stacks.map((s) => ({
      stackConstructPath: s.hierarchicalId,
      templatePath: s.templateFullPath,
      accountId: known(s.environment.account),
      region: known(s.environment.region),
    })),
    appConstruct: app,
  };
  return pack.validate(context).violations.flatMap((v) => v.violatingResources.map((r) => ({ ruleId: v.ruleName, path: r.constructPath ?? '' })));
}

/** The construct paths that violate one rule of the election baseline, judged on the synthesized templates. */
export function synthPathsViolating(app: App, ruleName: string): string[] {
  return synthViolations(app).filter((v) => v.ruleId === `ElectionBaseline-${ruleName}`).map((v) => v.path);
}
