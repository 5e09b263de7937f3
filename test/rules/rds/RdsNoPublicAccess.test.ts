import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as rds from 'aws-cdk-lib/aws-rds';
import { NagRuleCompliance } from 'cdk-nag';
import { RdsNoPublicAccess as rule } from '../../../lib/rules/rds/RdsNoPublicAccess';
import { auroraTemplate, instanceTemplate } from '../../helpers/data-store-fixtures';
import { withProps } from '../../helpers/edge-fixtures';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { judge } from '../../helpers/template-fixtures';

const instanceWith = (value: unknown) => withProps(instanceTemplate(), 'Db', (p) => { p.PubliclyAccessible = value; });
const multiAz = (value: unknown) =>
  auroraTemplate('voter-pii', { Engine: 'postgres', DBClusterInstanceClass: 'db.m6gd.large', PubliclyAccessible: value });

describe('RdsNoPublicAccess', () => {
  test('compliant: an instance, an Aurora instance and a Multi-AZ DB cluster with PubliclyAccessible false', () => {
    expect(judge(rule, instanceTemplate(), 'Db')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, instanceWith('false'), 'Db')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, auroraTemplate(), 'Writer')).toBe(NagRuleCompliance.COMPLIANT);
    expect(judge(rule, multiAz(false), 'Cluster')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['true', true],
    ["'true'", 'true'],
    ['absent (public when the VPC has an internet gateway)', undefined],
  ])('non-compliant: an instance with PubliclyAccessible %s, whatever its class', (_, value) => {
    expect(judge(rule, instanceWith(value), 'Db')).toBe(NagRuleCompliance.NON_COMPLIANT);
    const operational = withProps(instanceTemplate('operational'), 'Db', (p) => { p.PubliclyAccessible = value; });
    expect(judge(rule, operational, 'Db')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('non-compliant: an Aurora instance that leaves it out, a Multi-AZ DB cluster public or silent', () => {
    expect(judge(rule, withProps(auroraTemplate(), 'Writer', (p) => { delete p.PubliclyAccessible; }), 'Writer')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, multiAz(true), 'Cluster')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, multiAz(undefined), 'Cluster')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: an Aurora cluster (its instances decide) and the key', () => {
    expect(judge(rule, auroraTemplate(), 'Cluster')).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(judge(rule, auroraTemplate(), 'Key')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a parameter', { Ref: 'Public' }],
    ['Fn::If', { 'Fn::If': ['IsDev', true, false] }],
  ])('unresolvable: PubliclyAccessible from %s fails closed', (_, value) => {
    expect(judge(rule, instanceWith(value), 'Db')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('is not waivable', () => {
    expect(rule.waivable).toBe(false);
  });

  test('through the pack: CDK writes false for private subnets and true for publiclyAccessible', () => {
    const { stack } = newStack();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
    const engine = rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 });
    const isolated = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
    const privateDb = new rds.DatabaseInstance(stack, 'Private', { engine, vpc, vpcSubnets: isolated });
    const publicDb = new rds.DatabaseInstance(stack, 'Public', { engine, vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, publiclyAccessible: true });
    const paths = pathsViolating(stack, 'RdsNoPublicAccess');
    expect(paths).toContain(`${publicDb.node.path}/Resource`);
    expect(paths).not.toContain(`${privateDb.node.path}/Resource`);
  });
});
