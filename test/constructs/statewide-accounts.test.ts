import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { LogArchiveAccountStack } from '../../constructs/log-archive-account-stack';
import { OrganizationSecurityDelegation } from '../../constructs/organization-security-delegation';
import { OrganizationTrail } from '../../constructs/organization-trail';
import { SecurityToolingAccountStack } from '../../constructs/security-tooling-account-stack';
import { StatewideOrganization } from '../../constructs/statewide-organization';
import { pathsViolating } from '../helpers/pack-harness';
import { buildStatewideApp, ORGANIZATION } from '../helpers/statewide-app';
import { expectValidationError } from '../helpers/validation-error';
import { ValidationErrorCode } from '../../lib/validation-error';

const TRAIL_ARN = 'arn:aws:cloudtrail:us-east-1:111111111111:trail/election-organization-trail';
/** A bucket policy statement as the template carries it. */
type Statement = { Sid?: string; Effect: string; Principal: unknown; Condition: { StringEquals: Record<string, unknown> } };

const FROM_THE_TRAIL = { 'aws:SourceArn': TRAIL_ARN, 'aws:SourceOrgID': ORGANIZATION.organizationId };

describe('statewide accounts', () => {
  const app = new App();
  const { logArchive, securityTooling, management } = buildStatewideApp(app);

  test('the log archive admits the organization trail, by aws:SourceArn and aws:SourceOrgID, and nothing else', () => {
    const t = Template.fromStack(logArchive);
    const policies = t.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: Match.stringLikeRegexp('^OrganizationTrailArchiveBucket') } } });
    const statements = Object.values(policies).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows.map((s) => s.Sid).sort()).toEqual(['OrganizationTrailAclCheck', 'OrganizationTrailWrite']);
    for (const s of allows) {
      expect(s.Principal).toEqual({ Service: 'cloudtrail.amazonaws.com' });
      expect(s.Condition.StringEquals).toMatchObject(FROM_THE_TRAIL);
    }
    t.hasResourceProperties('AWS::S3::Bucket', { BucketName: 'election-org-trail-222222222222-us-east-1', ObjectLockConfiguration: { Rule: { DefaultRetention: { Mode: 'COMPLIANCE' } } } });
    t.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: { Statement: Match.arrayWith([Match.objectLike({ Sid: 'OrganizationTrailEncrypt', Condition: Match.objectLike({ StringEquals: FROM_THE_TRAIL }) })]) },
    });
    t.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/election-organization-trail' });
  });

  test('the organization trail: every account and Region, validated, encrypted with the archive key, into the archive account', () => {
    Template.fromStack(management).hasResourceProperties('AWS::CloudTrail::Trail', {
      TrailName: 'election-organization-trail',
      IsOrganizationTrail: true,
      IsMultiRegionTrail: true,
      EnableLogFileValidation: true,
      S3BucketName: 'election-org-trail-222222222222-us-east-1',
      KMSKeyId: 'arn:aws:kms:us-east-1:222222222222:alias/election-organization-trail',
      Tags: [{ Key: 'election:trail-scope', Value: 'organization' }],
    });
    expect(pathsViolating(management, 'CloudTrailWormBucket')).toEqual([]);
    expect(pathsViolating(management, 'CloudTrailOrganizationScope')).toEqual([]);
  });

  test('security tooling: aggregator over every Region, Security Hub auto-enabled, delegated from the management account', () => {
    const t = Template.fromStack(securityTooling);
    t.hasResourceProperties('AWS::SecurityHub::FindingAggregator', { RegionLinkingMode: 'ALL_REGIONS' });
    t.hasResourceProperties('AWS::SecurityHub::OrganizationConfiguration', { AutoEnable: true, AutoEnableStandards: 'DEFAULT', ConfigurationType: 'LOCAL' });
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'soc@state.example.gov' });
    Template.fromStack(management).hasResourceProperties('AWS::SecurityHub::DelegatedAdmin', { AdminAccountId: '333333333333' });
    expect(pathsViolating(management, 'SecurityHubDelegatedAdminSeparate')).toEqual([]);
    expect(pathsViolating(securityTooling, 'SecurityHubAggregatorAllRegions')).toEqual([]);
    expect(pathsViolating(securityTooling, 'SecurityHubOrgAutoEnable')).toEqual([]);
  });
});

describe('statewide accounts refuse bad input', () => {
  test.each([
    ['an organization id', { organizationId: 'org-1' }, ValidationErrorCode.INVALID_VALUE, 'organization.organizationId', /LogArchiveAccountStack 'LogArchive': organization\.organizationId is 'org-1'; give the literal organization id/],
    ['an account id', { securityToolingAccountId: '3333' }, ValidationErrorCode.INVALID_VALUE, 'organization.securityToolingAccountId', /organization\.securityToolingAccountId is '3333'; give the literal 12-digit account id/],
    ['the log archive in the management account', { logArchiveAccountId: ORGANIZATION.managementAccountId }, ValidationErrorCode.WEAKENS_BASELINE, 'organization.logArchiveAccountId', /must be three different accounts \(NIST AU-9\(2\)\)/],
    ['a Region', { homeRegion: 'virginia' }, ValidationErrorCode.INVALID_VALUE, 'organization.homeRegion', /organization\.homeRegion is 'virginia'/],
  ] as Array<[string, Partial<StatewideOrganization>, ValidationErrorCode, string, RegExp]>)('throws on %s', (_, change, code, prop, message) => {
    expectValidationError(() => new LogArchiveAccountStack(new App(), 'LogArchive', { organization: { ...ORGANIZATION, ...change } }), {
      code, prop, constructType: 'LogArchiveAccountStack', message,
    });
  });

  test('the organization trail and the delegation only in the management account', () => {
    const other = new Stack(new App(), 'Other', { env: { account: '999999999999', region: 'us-east-1' } });
    expectValidationError(() => new OrganizationTrail(other, 'Trail', { organization: ORGANIZATION }), {
      code: ValidationErrorCode.WRONG_PLACEMENT, prop: 'organization.managementAccountId',
      message: /OrganizationTrail 'Other\/Trail': organization\.managementAccountId is '111111111111' but the stack's account is 999999999999/,
    });
    expectValidationError(() => new OrganizationSecurityDelegation(other, 'Delegation', { organization: ORGANIZATION }), {
      code: ValidationErrorCode.WRONG_PLACEMENT, prop: 'organization.managementAccountId', message: /put the delegation in a stack whose env is the management account/,
    });
  });

  test('security tooling refuses a bad SOC address', () => {
    expectValidationError(() => new SecurityToolingAccountStack(new App(), 'Tooling', { organization: ORGANIZATION, socEmails: ['soc'] }), {
      code: ValidationErrorCode.INVALID_VALUE, prop: 'emailSubscriptions', constructType: 'SecurityToolingAccountStack', message: /emailSubscriptions contains 'soc'/,
    });
  });
});
