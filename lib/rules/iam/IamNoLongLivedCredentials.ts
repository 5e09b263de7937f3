import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';

/** Staff and workloads sign in through roles and single sign-on, never IAM users or access keys. */
export const IamNoLongLivedCredentials: ElectionRule = {
  name: 'IamNoLongLivedCredentials',
  level: NagMessageLevel.ERROR,
  info: 'The template creates an IAM user or an IAM access key: a long-lived credential.',
  explanation:
    'IAM user passwords and access keys never expire, and a leaked key works from anywhere without MFA. Passes: ' +
    'no AWS::IAM::User or AWS::IAM::AccessKey; staff use federation with MFA, workloads use roles.',
  rationale:
    'Keys leak from laptops, scripts and vendor portals, and a leaked key is how ransomware crews have ' +
    'entered county networks and cloud accounts, working until someone notices. Federation means IAM Identity ' +
    "Center or a federated identity provider; a role's credentials expire within hours. Waive it only for a " +
    'vendor integration that cannot assume a role (say, an older voter-registration or e-pollbook system), ' +
    'naming the vendor, how the key is stored and rotated, and the date it will be replaced.',
  controls: ['NIST-800-53-r5:IA-2', 'NIST-800-53-r5:IA-2(1)', 'NIST-800-53-r5:IA-5', 'NIST-800-53-r5:AC-2', 'CISA-CPG:2.H', 'CIS-v8:5.6', 'CIS-v8:6.7'],
  resourceTypes: ['AWS::IAM::User', 'AWS::IAM::AccessKey'],
  waivable: true,
  check: () => NagRuleCompliance.NON_COMPLIANT,
};
