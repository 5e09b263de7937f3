import { foreignAccountRule } from '../../pack/foreign-account-rule';
import { accountFinding, UNRESOLVED_ACCOUNT } from '../../pack/foreign-accounts';
import { isIntrinsic, isObject } from '../../baseline/intrinsics';
import { StackTemplate, TemplateResource } from '../../pack/template-model';

/** A bucket replicates only into the agency's accounts. */
export const S3ReplicationNoForeignAccount = foreignAccountRule({
  name: 'S3ReplicationNoForeignAccount',
  subject: 'The bucket replication',
  info: "The bucket replicates to an AWS account that is neither the stack's own nor a trusted one (a replication rule's Destination.Account, or an access point ARN).",
  explanation:
    "Replication copies every new object to the destination: another account's bucket holds election data the agency " +
    'no longer controls. Passes: own or trusted accounts, buckets named without an account.',
  resourceTypes: ['AWS::S3::Bucket'],
  findings: replicationFindings,
  faultPath: () => 'Properties.ReplicationConfiguration',
});

/** One finding per foreign destination account; any part the template does not resolve is Account::unresolved. */
function replicationFindings(resource: TemplateResource, template: StackTemplate): string[] {
  const configuration = resource.properties.ReplicationConfiguration;
  if (configuration === undefined) return [];
  if (!isObject(configuration) || isIntrinsic(configuration) || !Array.isArray(configuration.Rules)) return [UNRESOLVED_ACCOUNT];
  const findings: (string | undefined)[] = [];
  for (const rule of configuration.Rules as unknown[]) {
    const destination = isObject(rule) && !isIntrinsic(rule) ? rule.Destination : undefined;
    if (!isObject(destination) || isIntrinsic(destination)) {
      findings.push(UNRESOLVED_ACCOUNT);
      continue;
    }
    if (destination.Account !== undefined) findings.push(accountFinding(destination.Account, template));
    findings.push(accountFinding(destination.Bucket, template));
  }
  return findings.filter((f): f is string => f !== undefined);
}
