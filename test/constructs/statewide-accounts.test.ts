import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { LogArchiveAccountStack } from '../../constructs/log-archive-account-stack';
import { OrganizationSecurityDelegation } from '../../constructs/organization-security-delegation';
import { OrganizationTrail } from '../../constructs/organization-trail';
import { SecurityToolingAccountStack } from '../../constructs/security-tooling-account-stack';
import { pathsViolating } from '../helpers/pack-harness';
import { buildStatewideApp, ORGANIZATION } from '../helpers/statewide-app';

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
    ['an organization id', { organizationId: 'org-1' }, /LogArchiveAccountStack 'LogArchive': organization\.organizationId is 'org-1'; give the literal organization id/],
    ['an account id', { securityToolingAccountId: '3333' }, /organization\.securityToolingAccountId is '3333'; give the literal 12-digit account id/],
    ['the log archive in the management account', { logArchiveAccountId: ORGANIZATION.managementAccountId }, /must be three different accounts \(NIST AU-9\(2\)\)/],
    ['a Region', { homeRegion: 'virginia' }, /organization\.homeRegion is 'virginia'/],
  ])('throws on %s', (_, change, message) => {
    expect(() => new LogArchiveAccountStack(new App(), 'LogArchive', { organization: { ...ORGANIZATION, ...change } })).toThrow(message);
  });

  test('the organization trail and the delegation only in the management account', () => {
    const other = new Stack(new App(), 'Other', { env: { account: '999999999999', region: 'us-east-1' } });
    expect(() => new OrganizationTrail(other, 'Trail', { organization: ORGANIZATION }))
      .toThrow(/OrganizationTrail 'Other\/Trail': organization\.managementAccountId is '111111111111' but the stack's account is 999999999999/);
    expect(() => new OrganizationSecurityDelegation(other, 'Delegation', { organization: ORGANIZATION })).toThrow(/put the delegation in a stack whose env is the management account/);
  });

  test('security tooling refuses a bad SOC address', () => {
    expect(() => new SecurityToolingAccountStack(new App(), 'Tooling', { organization: ORGANIZATION, socEmails: ['soc'] })).toThrow(/emailSubscriptions contains 'soc'/);
  });
});
