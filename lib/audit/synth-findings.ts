import { IPolicyValidationContext, IPolicyValidationPlugin, PolicyValidationPluginReport, PolicyViolation } from 'aws-cdk-lib';
import { NagPack } from 'cdk-nag';
import { withVerdictsObserved } from './coverage';
import { AuditPackName } from './model';
import { packOfRule } from './packs';

/**
 * What the packs registered on an app found during its synth, kept so the
 * report set written after the synth need not load every template back into
 * a construct tree (cloudformation-include) and judge it again:
 * `writeSynthAuditReports(app, assembly, { synthFindings })`.
 *
 *     const synthFindings = new SynthFindings();
 *     Validations.of(app).addPlugins(...packs.map((pack) => synthFindings.record(pack)));
 *
 * The recorded pack keeps its name and returns its report to CDK unchanged,
 * so the synth passes and fails as before. A cdk-nag pack leaves out what an
 * acknowledgment covers, and the report must list those findings as waived;
 * so, right after, the pack judges the same tree once more with
 * acknowledgments set aside, on the tree CDK has already prepared, and that
 * is what is kept, with the resources its rules gave a verdict on (what the
 * report counts as judged).
 */
export class SynthFindings {
  private readonly reports = new Map<AuditPackName, readonly PolicyViolation[]>();
  private readonly judged = new Map<AuditPackName, ReadonlySet<string>>();

  /** `plugin` as registered in its place; one of no pack the audit knows, or not a cdk-nag pack, is returned as it is. */
  public record(plugin: IPolicyValidationPlugin): IPolicyValidationPlugin {
    const pack = packOfPlugin(plugin.name);
    if (!pack || !(plugin instanceof NagPack) || !canSetAcknowledgmentsAside(plugin)) return plugin;
    return {
      name: plugin.name,
      version: plugin.version,
      ruleIds: plugin.ruleIds,
      validate: (context: IPolicyValidationContext): PolicyValidationPluginReport => {
        const report = plugin.validate(context);
        // One call judges every stack of the synth; a second synth replaces the first.
        const judged = new Set<string>();
        this.reports.set(pack, withAcknowledgmentsAside(plugin, () => withVerdictsObserved(plugin, judged, () => plugin.validate(context))).violations);
        this.judged.set(pack, judged);
        return report;
      },
    };
  }

  /** The violations `pack` reported in the last synth, acknowledged ones included, or undefined when it was not recorded. */
  public violations(pack: AuditPackName): readonly PolicyViolation[] | undefined {
    return this.reports.get(pack);
  }

  /**
   * The construct paths of the resources a rule of `pack` gave a verdict on in
   * the last synth (see `lib/audit/coverage.ts`), or undefined when it was not recorded.
   */
  public judgedPaths(pack: AuditPackName): ReadonlySet<string> | undefined {
    return this.judged.get(pack);
  }
}

/** A pack's plugin name (`ElectionBaseline`, `AwsSolutions`, `NIST.800.53.R5`) as the audit names the pack. */
function packOfPlugin(name: string): AuditPackName | undefined {
  return packOfRule(`${name}-`);
}

/**
 * cdk-nag v3 drops an acknowledged finding in its (private) `isAcknowledged`
 * check; a pack of a version without it is not recorded, and the report set
 * judges the templates again instead.
 */
type AcknowledgmentCheck = { isAcknowledged?: unknown };

function canSetAcknowledgmentsAside(pack: NagPack): boolean {
  return typeof (pack as unknown as AcknowledgmentCheck).isAcknowledged === 'function';
}

function withAcknowledgmentsAside<T>(pack: NagPack, run: () => T): T {
  const instance = pack as unknown as AcknowledgmentCheck;
  instance.isAcknowledged = () => false;
  try {
    return run();
  } finally {
    delete instance.isAcknowledged;
  }
}
