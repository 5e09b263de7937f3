import { CfnParameter, CfnResource, Fn } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { renderedFragment, renderedProperties, renderedResource } from '../../lib/render/rendered-template';
import { newStack } from '../helpers/pack-harness';

// The one renderer constructs and the pack share: what it returns is what the template file carries.
describe('rendered-template', () => {
  test('a resource renders under its resolved logical id, with tokens resolved to intrinsics', () => {
    const { stack } = newStack();
    const queue = new sqs.CfnQueue(stack, 'Queue', { queueName: Fn.join('-', [stack.account, 'q']) });
    const { logicalId, entry } = renderedResource(queue);
    expect(logicalId).toBe(stack.resolve(queue.logicalId));
    expect(entry).toMatchObject({ Type: 'AWS::SQS::Queue', Properties: { QueueName: { 'Fn::Join': ['-', [{ Ref: 'AWS::AccountId' }, 'q']] } } });
  });

  test('keys whose value is undefined are dropped, as in the template file (CfnWebACL actions)', () => {
    const { stack } = newStack();
    const acl = new wafv2.CfnWebACL(stack, 'Acl', {
      scope: 'REGIONAL', defaultAction: { allow: {} }, visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'm', sampledRequestsEnabled: true },
      rules: [{ name: 'R', priority: 0, action: { block: {} }, statement: { geoMatchStatement: { countryCodes: ['US'] } },
        visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'r', sampledRequestsEnabled: true } }],
    });
    const [rule] = renderedProperties(acl).Rules as Record<string, unknown>[];
    expect(rule.Action).toEqual({ Block: {} });
  });

  test('a resource without properties has none', () => {
    const { stack } = newStack();
    expect(renderedProperties(new CfnResource(stack, 'Handle', { type: 'AWS::CloudFormation::WaitConditionHandle' }))).toEqual({});
  });

  test('a parameter renders its Parameters fragment', () => {
    const { stack } = newStack();
    const days = new CfnParameter(stack, 'RetentionDays', { type: 'Number', minValue: 672 });
    expect(renderedFragment(days)).toEqual({ Parameters: { RetentionDays: { Type: 'Number', MinValue: 672 } } });
  });
});
