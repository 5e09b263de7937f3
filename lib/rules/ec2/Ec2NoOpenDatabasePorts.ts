import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { DATABASE_PORTS } from '../../baseline/data-store-baseline';
import { ElectionRule } from '../../pack/election-rule';
import { openIngressPath, opensToInternet } from '../../pack/security-group-ingress';
import { TemplateResource } from '../../pack/template-model';

/** No database, cache, search or file service port is open to the internet. */
export const Ec2NoOpenDatabasePorts: ElectionRule = {
  name: 'Ec2NoOpenDatabasePorts',
  level: NagMessageLevel.ERROR,
  info:
    'The security group lets the whole internet (0.0.0.0/0 or ::/0) reach a database, cache, search or NFS port ' +
    `(${DATABASE_PORTS.map((p) => p.port).join(', ')}).`,
  explanation:
    'Databases reachable from anywhere are scanned within minutes and brute-forced or exploited. Allow the port ' +
    'only from the application\'s security group or the office range; a source, protocol or port from a parameter fails.',
  controls: ['NIST-800-53-r5:SC-7', 'NIST-800-53-r5:AC-4', 'NIST-800-53-r5:CM-7', 'CISA-CPG:2.W', 'CIS-v8:4.4', 'CIS-v8:13.4'],
  resourceTypes: ['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress'],
  waivable: true,
  faultPath: (resource) => openIngressPath(resource, DATABASE_PORTS),
  check: ec2NoOpenDatabasePorts,
};

function ec2NoOpenDatabasePorts(resource: TemplateResource): NagRuleCompliance {
  return opensToInternet(resource, DATABASE_PORTS) ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
}
