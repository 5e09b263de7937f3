import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { CountyBaselineStack } from '../../constructs/county-baseline-stack';
import { CountyStackSet, CountyStackSetProps } from '../../constructs/county-stack-set';
import { WaiverIndex } from '../../lib/pack/waivers';
import { pathsViolating } from '../helpers/pack-harness';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

function management(props: Partial<CountyStackSetProps> = {}, templateEnv?: { account: string; region: string }) {
  const app = new App();
  const template = new CountyBaselineStack(app, 'CountyBaseline', { env: templateEnv });
  const stack = new Stack(app, 'Management', { env: { account: '111111111111', region: 'us-east-1' } });
  const set = new CountyStackSet(stack, 'Counties', {
    template,
    organizationalUnitIds: ['ou-ab12-cdef3456'],
    regions: ['us-east-1', 'us-west-2'],
    defaultAlertEmail: 'soc@state.example.gov',
    counties: [{ accountId: '444444444444', countyName: 'Adams', recordsRetentionDays: 1000 }],
    ...props,
  });
  return { app, stack, set };
}

describe('CountyStackSet', () => {
  const { stack, set } = management();
  const t = Template.fromStack(stack);

  test('service-managed, auto-deployed, stacks kept when an account leaves, sized for 250 accounts', () => {
    t.hasResourceProperties('AWS::CloudFormation::StackSet', {
      PermissionModel: 'SERVICE_MANAGED',
      AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: true },
      CallAs: 'SELF',
      Capabilities: ['CAPABILITY_IAM'],
      OperationPreferences: { RegionConcurrencyType: 'PARALLEL', MaxConcurrentPercentage: 25, FailureTolerancePercentage: 10, ConcurrencyMode: 'SOFT_FAILURE_TOLERANCE' },
    });
  });

  test('the OUs minus the overridden counties get the defaults; each county its own overrides', () => {
    t.hasResourceProperties('AWS::CloudFormation::StackSet', {
      StackInstancesGroup: [
        { DeploymentTargets: { OrganizationalUnitIds: ['ou-ab12-cdef3456'], Accounts: ['444444444444'], AccountFilterType: 'DIFFERENCE' }, Regions: ['us-east-1', 'us-west-2'] },
        {
          DeploymentTargets: { OrganizationalUnitIds: ['ou-ab12-cdef3456'], Accounts: ['444444444444'], AccountFilterType: 'INTERSECTION' },
          ParameterOverrides: [
            { ParameterKey: 'CountyName', ParameterValue: 'Adams' },
            { ParameterKey: 'RecordsRetentionDays', ParameterValue: '1000' },
          ],
        },
      ],
      Parameters: [{ ParameterKey: 'CountyName', ParameterValue: 'Unassigned' }, { ParameterKey: 'AlertEmail', ParameterValue: 'soc@state.example.gov' }],
    });
  });

  test('the template travels as a file asset (TemplateURL), named by its hash', () => {
    const props = t.findResources('AWS::CloudFormation::StackSet');
    const url = JSON.stringify(Object.values(props)[0].Properties.TemplateURL);
    expect(url).toMatch(/cdk-hnb659fds-assets-111111111111-us-east-1\/[0-9a-f]{64}\.json/);
  });

  test('an SCP on the OUs denies stacksets-exec-* everything but the baseline services, which the execution-role rule reads', () => {
    expect(set.services).toEqual(expect.arrayContaining(['cloudformation', 'cloudtrail', 'kms', 's3', 'sns']));
    expect(set.services).not.toContain('ec2');
    t.hasResourceProperties('AWS::Organizations::Policy', {
      Type: 'SERVICE_CONTROL_POLICY',
      TargetIds: ['ou-ab12-cdef3456'],
      Content: {
        Statement: [{
          Effect: 'Deny',
          NotAction: set.services.map((s) => `${s}:*`),
          Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:*:iam::*:role/stacksets-exec-*' } },
        }],
      },
    });
    expect(pathsViolating(stack, 'StackSetExecutionRole')).toEqual([]);
    expect(pathsViolating(stack, 'StackSetAutoDeployment')).toEqual([]);
    expect(WaiverIndex.collect(stack).made().map((w) => w.ruleId)).not.toContain('ElectionBaseline-StackSetExecutionRole');
  });

  test('without the guardrail the default-role finding stands', () => {
    const { stack: bare } = management({ executionGuardrail: false });
    expect(pathsViolating(bare, 'StackSetExecutionRole')).toEqual(['Management/Counties/StackSet']);
  });

  test.each([
    ['an OU id that is not one', { organizationalUnitIds: ['engineering'] }, ValidationErrorCode.INVALID_VALUE, 'organizationalUnitIds', /CountyStackSet 'Management\/Counties': organizationalUnitIds contains 'engineering'/],
    ['no Region', { regions: [] }, ValidationErrorCode.MISSING_VALUE, 'regions', /regions is empty/],
    ['a bad default email', { defaultAlertEmail: 'soc' }, ValidationErrorCode.INVALID_VALUE, 'defaultAlertEmail', /defaultAlertEmail is 'soc'/],
    ['a retention under the floor', { counties: [{ accountId: '444444444444', countyName: 'Adams', recordsRetentionDays: 600 }] }, ValidationErrorCode.OUTSIDE_BASELINE_BOUND, 'counties[0].recordsRetentionDays', /counties\[0\]\.recordsRetentionDays is 600; give whole days from 672/],
    ['a county twice', { counties: [{ accountId: '444444444444', countyName: 'A' }, { accountId: '444444444444', countyName: 'B' }] }, ValidationErrorCode.INVALID_VALUE, 'counties[1].accountId', /counties\[1\]\.accountId repeats '444444444444'/],
    ['a county name CloudFormation would refuse', { counties: [{ accountId: '444444444444', countyName: 'A;B' }] }, ValidationErrorCode.INVALID_VALUE, 'counties[0].countyName', /counties\[0\]\.countyName is 'A;B'/],
    ['a concurrency of 0', { maxConcurrentPercentage: 0 }, ValidationErrorCode.INVALID_VALUE, 'maxConcurrentPercentage', /maxConcurrentPercentage is 0; give a whole percentage from 1 to 100/],
  ] as Array<[string, Partial<CountyStackSetProps>, ValidationErrorCode, string, RegExp]>)('throws on %s', (_, props, code, prop, message) => {
    expectValidationError(() => management(props), { code, prop, constructType: 'CountyStackSet', message });
  });

  test('throws on a county template pinned to an account', () => {
    expectValidationError(() => management({}, { account: '444444444444', region: 'us-east-1' }), {
      code: ValidationErrorCode.WRONG_PLACEMENT, prop: 'template', message: /template is 'CountyBaseline' with env 444444444444\/us-east-1; give the county template no env/,
    });
  });
});
