import { NagRuleCompliance } from 'cdk-nag';
import { FindingsRouteEnabled as rule } from '../../../lib/rules/events/FindingsRouteEnabled';
import { judge } from '../../helpers/template-fixtures';

const target = { Arn: { Ref: 'Topic' }, Id: 'Target0' };
const route = (props: Record<string, unknown>, source: unknown = ['aws.guardduty']) => ({
  Topic: { Type: 'AWS::SNS::Topic', Properties: {} },
  Route: { Type: 'AWS::Events::Rule', Properties: { EventPattern: { source, 'detail-type': ['GuardDuty Finding'] }, State: 'ENABLED', Targets: [target], ...props } },
});

describe('FindingsRouteEnabled', () => {
  test.each([
    ['a GuardDuty route, enabled, to the alert topic', route({})],
    ['a Security Hub route with State absent', route({ State: undefined }, ['aws.securityhub'])],
    ['a pattern written as a JSON string', route({ EventPattern: JSON.stringify({ source: ['aws.securityhub'] }) })],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Route')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([
    ['the route DISABLED', route({ State: 'DISABLED' })],
    ['a Security Hub route DISABLED', route({ State: 'DISABLED' }, ['aws.securityhub', 'aws.inspector'])],
    ['no targets', route({ Targets: [] })],
    ['targets removed', route({ Targets: undefined })],
  ])('non-compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Route')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test.each([
    ['a route of S3 events', route({ State: 'DISABLED' }, ['aws.s3'])],
    ['a schedule', route({ EventPattern: undefined, ScheduleExpression: 'rate(1 hour)', State: 'DISABLED' })],
    ['the topic', route({})],
  ])('not applicable: %s', (name, t) => {
    expect(judge(rule, t, name === 'the topic' ? 'Topic' : 'Route')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test.each([
    ['State from a parameter', route({ State: { Ref: 'RouteState' } })],
    ['Targets from a condition', route({ Targets: [{ 'Fn::If': ['Soc', target, { Ref: 'AWS::NoValue' }] }] })],
  ])('unresolvable: %s fails closed', (_, t) => {
    expect(judge(rule, t, 'Route')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });
});
