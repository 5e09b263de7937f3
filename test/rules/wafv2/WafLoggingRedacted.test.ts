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
});
