import { NagRuleCompliance } from 'cdk-nag';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import { CloudTrailLogFileValidation as rule } from '../../../lib/rules/cloudtrail/CloudTrailLogFileValidation';
import { compliantTrailTemplate, editing } from '../../helpers/logging-fixtures';
import { newStack, pathsViolating } from '../../helpers/pack-harness';
import { judge } from '../../helpers/template-fixtures';

describe('CloudTrailLogFileValidation', () => {
  test.each([[true], ['true']])('compliant: EnableLogFileValidation %p', (value) => {
    expect(judge(rule, compliantTrailTemplate({ EnableLogFileValidation: value }), 'Trail')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test.each([['false', false], ['the string false', 'false'], ['absent (CloudFormation default is off)', undefined]])('non-compliant: %s', (_, value) => {
    const t = editing(compliantTrailTemplate(), 'Trail', (p) => {
      if (value === undefined) delete p.EnableLogFileValidation;
      else p.EnableLogFileValidation = value;
    });
    expect(judge(rule, t, 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('not applicable: the archive bucket', () => {
    expect(judge(rule, compliantTrailTemplate(), 'Bucket')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a flag from a parameter or a condition fails closed', () => {
    expect(judge(rule, compliantTrailTemplate({ EnableLogFileValidation: { Ref: 'Validate' } }), 'Trail')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(judge(rule, compliantTrailTemplate({ EnableLogFileValidation: { 'Fn::If': ['Prod', true, false] } }), 'Trail'))
      .toBe(NagRuleCompliance.NON_COMPLIANT);
  });

  test('is not waivable', () => {
    expect(rule.waivable).toBe(false);
  });

  test('through the pack: a Trail L2 with enableFileValidation false fails', () => {
    const { stack } = newStack();
    const trail = new cloudtrail.Trail(stack, 'Trail', { enableFileValidation: false });
    expect(pathsViolating(stack, 'CloudTrailLogFileValidation')).toEqual([`${trail.node.path}/Resource`]);
  });
});
