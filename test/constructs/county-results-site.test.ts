import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CountyBaselineStack } from '../../constructs/county-baseline-stack';
import { CountyStackSet } from '../../constructs/county-stack-set';
import { templateServices } from '../../constructs/defaults/stack-set-defaults';
import { SelfManagedCountyStackSet } from '../../constructs/self-managed-county-stack-set';
import { SelfManagedExecutionRole } from '../../constructs/self-managed-execution-role';
import { appWithThreePacks, openFindingsAtSynth } from '../helpers/three-packs';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

jest.setTimeout(120_000);

/** The county template with the results site, and the state's management stack rolling it out. */
function rollout(regions: string[]) {
  const app = new App();
  const template = new CountyBaselineStack(app, 'CountyBaseline', { resultsSite: true });
  const stack = new Stack(app, 'Management', { env: { account: '111111111111', region: 'us-east-1' } });
  const set = new CountyStackSet(stack, 'Counties', {
    template, organizationalUnitIds: ['ou-ab12-cdef3456'], regions, defaultAlertEmail: 'soc@state.example.gov',
  });
  return { stack, set };
}

describe('CountyBaselineStack with the results site', () => {
  const context = JSON.parse(fs.readFileSync(path.join(__dirname, '../../cdk.json'), 'utf8')).context;
  const app = appWithThreePacks({ context });
  const county = new CountyBaselineStack(app, 'County', { resultsSite: true });
  const t = Template.fromStack(county);

  test('holds a distribution behind a CLOUDFRONT web ACL, and asserts us-east-1 for the env-agnostic template', () => {
    expect(county.hasResultsSite).toBe(true);
    t.resourceCountIs('AWS::CloudFront::Distribution', 1);
    const [webAclId] = Object.keys(t.findResources('AWS::WAFv2::WebACL', { Properties: { Scope: 'CLOUDFRONT' } }));
    t.hasResourceProperties('AWS::CloudFront::Distribution', { DistributionConfig: { WebACLId: { 'Fn::GetAtt': [webAclId, 'Arn'] } } });
    expect(t.toJSON().Rules.ElectionBaselineEdgeRegion.Assertions[0].Assert).toEqual({ 'Fn::Equals': [{ Ref: 'AWS::Region' }, 'us-east-1'] });
  });

  test('stays bootstrapless: no assets, no BootstrapVersion parameter', () => {
    expect(Object.keys(t.toJSON().Parameters)).not.toContain('BootstrapVersion');
    t.resourceCountIs('AWS::Lambda::Function', 0);
  });

  test('synthesizes clean under the three packs', () => {
    expect(openFindingsAtSynth(app)).toEqual([]);
  });

  test('is off by default', () => {
    const plain = new CountyBaselineStack(new App(), 'Plain');
    expect(plain.hasResultsSite).toBe(false);
    expect(plain.results).toBeUndefined();
    Template.fromStack(plain).resourceCountIs('AWS::CloudFront::Distribution', 0);
  });
});

describe('rolling out a template with the results site', () => {
  test.each([
    [['us-east-1', 'us-west-2']],
    [['us-west-2']],
  ])('CountyStackSet refuses regions %j', (regions) => {
    expectValidationError(() => rollout(regions), {
      code: ValidationErrorCode.WRONG_PLACEMENT, prop: 'regions',
      message: `CountyStackSet 'Management/Counties': regions is ${JSON.stringify(regions)} for 'CountyBaseline', which has a results site; give ['us-east-1']`,
    });
  });

  test('SelfManagedCountyStackSet refuses another Region too', () => {
    const app = new App();
    const template = new CountyBaselineStack(app, 'CountyBaseline', { resultsSite: true, detectionManagedByOrganization: false });
    const stack = new Stack(app, 'State', { env: { account: '111111111111', region: 'us-east-1' } });
    expectValidationError(() => new SelfManagedCountyStackSet(stack, 'Vendor', {
      template, regions: ['us-east-2'], defaultAlertEmail: 'soc@state.example.gov', accountIds: ['555555555555'],
    }), {
      code: ValidationErrorCode.WRONG_PLACEMENT, prop: 'regions', message: /SelfManagedCountyStackSet 'State\/Vendor': regions is \["us-east-2"\] for 'CountyBaseline', which has a results site/,
    });
  });

  test('us-east-1 alone is accepted, and the execution guardrail admits CloudFront and WAFv2', () => {
    const { stack, set } = rollout(['us-east-1']);
    expect(set.services).toEqual(expect.arrayContaining(['cloudfront', 'wafv2', 'logs', 's3', 'kms']));
    const scp = Template.fromStack(stack).findResources('AWS::Organizations::Policy');
    const notAction: string[] = Object.values(scp)[0].Properties.Content.Statement[0].NotAction;
    expect(notAction).toEqual(expect.arrayContaining(['cloudfront:*', 'wafv2:*']));
  });

  test('the self-managed execution role, given the template\'s services, may deploy CloudFront and WAFv2', () => {
    const template = new CountyBaselineStack(new App(), 'CountyBaseline', { resultsSite: true });
    const vendor = new Stack(new App(), 'Vendor', { env: { account: '555555555555', region: 'us-east-1' } });
    new SelfManagedExecutionRole(vendor, 'Execution', {
      administrationAccountId: '111111111111', administrationRoleName: 'state-admin', services: templateServices(template),
    });
    const policy = Object.values(Template.fromStack(vendor).findResources('AWS::IAM::ManagedPolicy'))[0];
    const baseline = policy.Properties.PolicyDocument.Statement.find((s: { Sid: string }) => s.Sid === 'BaselineServices');
    expect(baseline.Action).toEqual(expect.arrayContaining(['cloudfront:*', 'wafv2:*']));
  });
});
