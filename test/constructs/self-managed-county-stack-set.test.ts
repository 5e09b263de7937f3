import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { CountyBaselineStack } from '../../constructs/county-baseline-stack';
import { SelfManagedCountyStackSet } from '../../constructs/self-managed-county-stack-set';
import { SelfManagedExecutionRole } from '../../constructs/self-managed-execution-role';
import { ElectionBaselineChecks } from '../../lib/election-baseline-checks';
import { openFindingsAtSynth } from '../helpers/three-packs';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

const STATE = '111111111111';
/** An ARN as CDK writes it in an env-specific stack: the partition a pseudo parameter. */
const arn = (rest: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, rest]] });
const VENDOR_COUNTY = '555555555555';

function stateApp(props: Partial<ConstructorParameters<typeof SelfManagedCountyStackSet>[2]> = {}) {
  const app = new App();
  const template = new CountyBaselineStack(app, 'CountyBaseline', { detectionManagedByOrganization: false });
  const stack = new Stack(app, 'State', { env: { account: STATE, region: 'us-east-1' } });
  const set = new SelfManagedCountyStackSet(stack, 'VendorCounties', {
    template,
    regions: ['us-east-1'],
    defaultAlertEmail: 'soc@state.example.gov',
    accountIds: [VENDOR_COUNTY],
    counties: [{ accountId: VENDOR_COUNTY, countyName: 'Vendor County' }],
    ...props,
  });
  return { app, stack, set };
}

describe('SelfManagedCountyStackSet', () => {
  test('a SELF_MANAGED stack set on the least-privilege execution role, its administration role limited to assuming it', () => {
    const { stack } = stateApp();
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::CloudFormation::StackSet', {
      PermissionModel: 'SELF_MANAGED',
      ExecutionRoleName: 'election-baseline-stackset-execution',
      StackInstancesGroup: [{ DeploymentTargets: { Accounts: [VENDOR_COUNTY] }, ParameterOverrides: [{ ParameterKey: 'CountyName', ParameterValue: 'Vendor County' }] }],
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Resource: arn(`:iam::${VENDOR_COUNTY}:role/election-baseline-stackset-execution`) }] },
    });
  });

  test.each([
    ["AWS's sample role name", { executionRoleName: 'AWSCloudFormationStackSetExecutionRole' }, ValidationErrorCode.WEAKENS_BASELINE, 'executionRoleName', /executionRoleName is 'AWSCloudFormationStackSetExecutionRole'/],
    ['an account id that is not 12 digits', { accountIds: ['12345'] }, ValidationErrorCode.INVALID_VALUE, 'accountIds', /accountIds contains '12345'/],
    ['a county not in accountIds', { accountIds: ['666666666666'] }, ValidationErrorCode.INVALID_VALUE, 'counties', /counties names account '555555555555'; list it in accountIds too/],
  ] as Array<[string, Parameters<typeof stateApp>[0], ValidationErrorCode, string, RegExp]>)('throws on %s', (_, props, code, prop, message) => {
    expectValidationError(() => stateApp(props), { code, prop, constructType: 'SelfManagedCountyStackSet', message });
  });
});

describe('SelfManagedExecutionRole', () => {
  function vendorStack() {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'vendor-')) });
    Validations.of(app).addPlugins(new ElectionBaselineChecks(app, { trustedAccountIds: [STATE] }), new AwsSolutionsChecks(app), new NIST80053R5Checks(app));
    const stack = new Stack(app, 'Vendor', { env: { account: VENDOR_COUNTY, region: 'us-east-1' } });
    const role = new SelfManagedExecutionRole(stack, 'Execution', {
      administrationAccountId: STATE,
      administrationRoleName: 'State-VendorCountiesAdministrationRole',
      services: ['cloudformation', 'cloudtrail', 'iam', 'kms', 's3', 'sns'],
    });
    return { app, stack, role };
  }

  test('trusted only by the state administration role; whole services but IAM only on the stack set\'s own stacks', () => {
    const { stack } = vendorStack();
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::IAM::Role', {
      RoleName: 'election-baseline-stackset-execution',
      AssumeRolePolicyDocument: { Statement: [{ Principal: { AWS: arn(`:iam::${STATE}:role/State-VendorCountiesAdministrationRole`) } }] },
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [
          { Sid: 'BaselineServices', Action: ['cloudformation:*', 'cloudtrail:*', 'kms:*', 'sns:*'], Resource: '*' },
          { Sid: 'OwnStacksBuckets', Action: 's3:*', Resource: [arn(':s3:::stackset-*'), arn(':s3:::stackset-*/*')] },
          { Sid: 'OwnStacksIdentities', Action: 'iam:*', Resource: [arn(`:iam::${VENDOR_COUNTY}:role/StackSet-election-county-baseline-*`), arn(`:iam::${VENDOR_COUNTY}:policy/StackSet-election-county-baseline-*`)] },
        ],
      },
    });
  });

  test('the vendor account synthesizes clean under the three packs once it trusts the state account', () => {
    const { app } = vendorStack();
    expect(openFindingsAtSynth(app)).toEqual([]);
  });

  test('throws on the AdministratorAccess sample role name', () => {
    const stack = new Stack(new App(), 'V');
    expectValidationError(() => new SelfManagedExecutionRole(stack, 'E', {
      administrationAccountId: STATE, administrationRoleName: 'Admin', services: ['s3'], roleName: 'AWSCloudFormationStackSetExecutionRole',
    }), { code: ValidationErrorCode.WEAKENS_BASELINE, prop: 'roleName', message: /SelfManagedExecutionRole 'V\/E': roleName is 'AWSCloudFormationStackSetExecutionRole'/ });
  });
});
