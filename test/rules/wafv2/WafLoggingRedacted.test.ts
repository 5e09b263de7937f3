import { NagRuleCompliance } from 'cdk-nag';
import { WafLoggingRedacted as rule } from '../../../lib/rules/wafv2/WafLoggingRedacted';
import { Props, webAclTemplate, withProps, without } from '../../helpers/edge-fixtures';
import { judge } from '../../helpers/template-fixtures';

const withLogging = (edit: (p: Props) => void) => withProps(webAclTemplate(), 'WafLogging', edit);

describe('WafLoggingRedacted', () => {
  test('compliant: logged to a log group, authorization and cookie redacted', () => {
    expect(judge(rule, webAclTemplate(), 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: header names in any case, more redacted fields', () => {
    const t = withLogging((p) => {
      p.RedactedFields = [{ SingleHeader: { Name: 'Authorization' } }, { SingleHeader: { Name: 'COOKIE' } }, { QueryString: {} }];
    });
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['no logging configuration', without(webAclTemplate(), 'WafLogging')],
    ['no destination', withLogging((p) => { p.LogDestinationConfigs = []; })],
    ['no redaction', withLogging((p) => { delete p.RedactedFields; })],
    ['the cookie header not redacted', withLogging((p) => { p.RedactedFields = [{ SingleHeader: { Name: 'authorization' } }]; })],
    ['the authorization header not redacted', withLogging((p) => { p.RedactedFields = [{ SingleHeader: { Name: 'cookie' } }]; })],
    ['logging for another web ACL', withLogging((p) => { p.ResourceArn = 'arn:aws:wafv2:us-east-1:111122223333:global/webacl/other/abc'; })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the log group', () => {
    expect(judge(rule, webAclTemplate(), 'WafLogs')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['a resource ARN from a parameter', withLogging((p) => { p.ResourceArn = { Ref: 'AclArn' }; })],
    ['redacted fields from a condition', withLogging((p) => { p.RedactedFields = { 'Fn::If': ['Redact', [], []] }; })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  describe('an ACL with an origin check against a secret', () => {
    const originCheck = {
      Name: 'OriginVerify',
      Priority: 0,
      Action: { Block: {} },
      Statement: {
        NotStatement: {
          Statement: {
            ByteMatchStatement: {
              FieldToMatch: { SingleHeader: { Name: 'X-Origin-Verify' } },
              PositionalConstraint: 'EXACTLY',
              SearchString: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: 'OriginSecret' }, ':SecretString:::}}']] },
              TextTransformations: [{ Priority: 0, Type: 'NONE' }],
            },
          },
        },
      },
      VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: 'OriginVerify', SampledRequestsEnabled: true },
    };
    const withOriginCheck = (redacted: string[]) => {
      const t = withProps(webAclTemplate(), 'WebAcl', (p) => { p.Rules = [originCheck, ...(p.Rules as unknown[]).map((r) => ({ ...(r as Props), Priority: Number((r as Props).Priority) + 1 }))]; });
      t.OriginSecret = { Type: 'AWS::SecretsManager::Secret', Properties: { GenerateSecretString: { PasswordLength: 48 } } };
      (t.WafLogging.Properties as Props).RedactedFields = redacted.map((name) => ({ SingleHeader: { Name: name } }));
      return t;
    };

    test('compliant: the origin header redacted with the credentials', () => {
      expect(judge(rule, withOriginCheck(['authorization', 'cookie', 'x-origin-verify']), 'WebAcl')).toBe(NagRuleCompliance.COMPLIANT);
    });

    test('non-compliant: the origin secret written to every log line', () => {
      expect(judge(rule, withOriginCheck(['authorization', 'cookie']), 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
    });

    test('unresolvable: rules from a parameter fail closed', () => {
      const t = withProps(webAclTemplate(), 'WebAcl', (p) => { p.Rules = { Ref: 'Rules' }; });
      expect(judge(rule, t, 'WebAcl')).toBe(NagRuleCompliance.NON_COMPLIANT);
    });
  });
});
