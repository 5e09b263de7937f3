import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isObject } from '../../pack/intrinsics';
import { hasWildcardPrincipal, policyStatements } from '../../pack/policy-document';
import { TemplateResource, UNRESOLVED } from '../../pack/template-model';

/** No key policy lets everyone use the key unconditionally. */
export const KmsKeyPolicyNoOpenPrincipal: ElectionRule = {
  name: 'KmsKeyPolicyNoOpenPrincipal',
  level: NagMessageLevel.ERROR,
  info: 'The KMS key policy allows a wildcard principal without a condition.',
  explanation:
    'A key policy is the last line between an attacker holding the ciphertext and the records or voter data ' +
    'it protects. An Allow for "*" with no condition (such as aws:PrincipalAccount or kms:ViaService) opens ' +
    'the key to every AWS account. A key policy the template does not resolve fails the rule.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:SC-12', 'CISA-CPG:2.K'],
  resourceTypes: ['AWS::KMS::Key'],
  waivable: false,
  check: kmsKeyPolicyNoOpenPrincipal,
};

function kmsKeyPolicyNoOpenPrincipal(resource: TemplateResource): NagRuleCompliance {
  let policy = resource.properties.KeyPolicy;
  if (typeof policy === 'string') {
    try {
      policy = JSON.parse(policy);
    } catch {
      return NagRuleCompliance.NON_COMPLIANT;
    }
  }
  const statements = policyStatements(policy);
  if (statements === UNRESOLVED) return NagRuleCompliance.NON_COMPLIANT;
  const open = statements.some(
    (s) => s.Effect === 'Allow' && hasWildcardPrincipal(s) && !(isObject(s.Condition) && Object.keys(s.Condition).length > 0),
  );
  return open ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
