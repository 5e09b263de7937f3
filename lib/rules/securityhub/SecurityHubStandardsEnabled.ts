import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { oncePerTemplate } from '../../pack/attachments';
import { ElectionRule } from '../../pack/election-rule';
import { literalBoolean } from '../../baseline/intrinsics';
import { renderSymbolic } from '../../baseline/symbolic-text';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** The hub runs the broad AWS baseline and a benchmark of account-level logging and IAM checks. */
export const SecurityHubStandardsEnabled: ElectionRule = {
  name: 'SecurityHubStandardsEnabled',
  level: NagMessageLevel.ERROR,
  info:
    'The Security Hub hub does not enable AWS Foundational Security Best Practices and a CIS AWS Foundations ' +
    'Benchmark (or NIST SP 800-53 Rev. 5) standard, by its default standards or AWS::SecurityHub::Standard resources of the template.',
  explanation:
    'A hub without standards runs no checks, so a public bucket or root key goes unreported. Passes: ' +
    'EnableDefaultStandards true or absent, or a Standard for FSBP and CIS (or NIST 800-53).',
  rationale:
    'An open security group goes unreported too, and each of these lets ransomware or an AA20-304A-style ' +
    'actor into county systems. AWS Foundational Security Best Practices covers the services; the CIS AWS ' +
    'Foundations Benchmark (or NIST SP 800-53 Rev. 5) adds the account-level CloudTrail, IAM and monitoring ' +
    'checks. With EnableDefaultStandards true or absent AWS enables both; otherwise each Standard is matched ' +
    'by its StandardsArn. A standard whose ARN the template does not resolve does not count. Waive it only ' +
    'where the agency is audited against other standards, naming them.',
  controls: ['NIST-800-53-r5:CA-7', 'NIST-800-53-r5:CM-6', 'NIST-800-53-r5:RA-5', 'NIST-800-53-r5:SI-4', 'CISA-CPG:1.E', 'CIS-v8:4.1', 'CIS-v8:13.1'],
  resourceTypes: ['AWS::SecurityHub::Hub'],
  waivable: true,
  faultPath: () => 'Properties.EnableDefaultStandards',
  check: securityHubStandardsEnabled,
};

const FOUNDATIONAL = /[:/]standards\/aws-foundational-security-best-practices\/v\/[0-9.]+$/;
const BENCHMARKS = [/[:/](standards|ruleset)\/cis-aws-foundations-benchmark\/v\/[0-9.]+$/, /[:/]standards\/nist-800-53\/v\/5\.[0-9.]+$/];

function securityHubStandardsEnabled(resource: TemplateResource, template: StackTemplate): NagRuleCompliance {
  const defaults = resource.properties.EnableDefaultStandards;
  if (defaults === undefined || literalBoolean(defaults) === true) return NagRuleCompliance.COMPLIANT;
  const arns = standardsArns(template);
  const enabled = arns.some((arn) => FOUNDATIONAL.test(arn)) && arns.some((arn) => BENCHMARKS.some((b) => b.test(arn)));
  return enabled ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}

/** The StandardsArn of each `AWS::SecurityHub::Standard` the template renders. */
const standardsArns = oncePerTemplate((template) => template
  .ofType('AWS::SecurityHub::Standard')
  .map((standard) => renderSymbolic(standard.properties.StandardsArn, template))
  .filter((arn): arn is string => arn !== undefined));
