import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { isDeprecatedRuntime } from '../../baseline/lambda-runtimes';
import { ElectionRule } from '../../pack/election-rule';
import { TemplateResource } from '../../pack/template-model';

/** Functions run on a runtime AWS still patches. */
export const LambdaSupportedRuntime: ElectionRule = {
  name: 'LambdaSupportedRuntime',
  level: NagMessageLevel.ERROR,
  info: 'The Lambda function runs on a deprecated runtime that AWS no longer patches.',
  explanation:
    'A deprecated runtime gets no security patches and keeps every flaw found since, in code that reads voter ' +
    'PII. Passes: a runtime whose AWS deprecation date has not passed; container images are not judged.',
  rationale:
    'AWS stops patching both the language runtime and the operating system, so a function on nodejs14.x or ' +
    'python3.7 also risks the results it publishes (CISA CPG 1.E: mitigate known vulnerabilities; NIST SA-22 ' +
    'unsupported components, SI-2 flaw remediation). The pack lists the runtimes whose AWS deprecation date ' +
    'has passed (nodejs through nodejs20.x, python2.7 through python3.10, ruby2.5, ruby2.7, ruby3.2, java8, ' +
    'dotnetcore1.0 through dotnet8, go1.x, provided); a newer or unknown identifier passes. A Runtime from a ' +
    'parameter or an import cannot be checked and fails. A container image function (PackageType Image) has ' +
    'no Runtime: patch its base image. Waive it only for the weeks of a planned migration, naming the target ' +
    'runtime and date.',
  controls: ['NIST-800-53-r5:SA-22', 'NIST-800-53-r5:SI-2', 'CISA-CPG:1.E', 'CIS-v8:2.2'],
  resourceTypes: ['AWS::Lambda::Function'],
  waivable: true,
  faultPath: () => 'Properties.Runtime',
  check: lambdaSupportedRuntime,
};

function lambdaSupportedRuntime(resource: TemplateResource): NagRuleCompliance {
  const { Runtime: runtime, PackageType: packageType } = resource.properties;
  if (runtime === undefined) return packageType === 'Image' ? NagRuleCompliance.NOT_APPLICABLE : NagRuleCompliance.NON_COMPLIANT;
  if (typeof runtime !== 'string') return NagRuleCompliance.NON_COMPLIANT;
  return isDeprecatedRuntime(runtime) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
