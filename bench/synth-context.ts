import { App, IPolicyValidationContext } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';

/** The context CDK's validation hands a pack at synth, for an app whose assembly is already written. */
export function synthContext(app: App, assembly: CloudAssembly): IPolicyValidationContext {
  const stackTemplates = assembly.stacks.map((s) => ({
    stackConstructPath: s.hierarchicalId,
    templatePath: s.templateFullPath,
    accountId: undefined,
    region: undefined,
  }));
  return { appConstruct: app, templatePaths: stackTemplates.map((s) => s.templatePath), stackTemplates };
}
