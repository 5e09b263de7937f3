import { NagRuleCompliance } from 'cdk-nag';
import { LogsDestinationNoForeignAccount as rule } from '../../../lib/rules/logs/LogsDestinationNoForeignAccount';
import { allow, documentOf, foreignFindings, TRUSTED } from '../../helpers/foreign-account-fixtures';
import { Body, judge } from '../../helpers/template-fixtures';

const destination = (policy: unknown): Record<string, Body> => ({
  Destination: { Type: 'AWS::Logs::Destination', Properties: { DestinationName: 'audit', RoleArn: 'r', TargetArn: 't', DestinationPolicy: policy } },
});
const resourcePolicy = (document: unknown): Record<string, Body> => ({
  Policy: { Type: 'AWS::Logs::ResourcePolicy', Properties: { PolicyName: 'delivery', PolicyDocument: document } },
});
const subscribe = (account: string) => JSON.stringify(documentOf(allow({ AWS: account }, { Action: 'logs:PutSubscriptionFilter' })));
/** Log delivery writing for one account's sources, as an Fn::Sub of JSON (as vendors write it). */
const delivery = (account: string) => ({
  'Fn::Sub': JSON.stringify(documentOf(allow({ Service: 'delivery.logs.amazonaws.com' }, { Condition: { StringEquals: { 'aws:SourceAccount': account } } }))),
});

describe('LogsDestinationNoForeignAccount', () => {
  test('compliant: a destination the trusted accounts subscribe to; log delivery for the own account', () => {
    expect(foreignFindings(rule, destination(subscribe(TRUSTED)), 'Destination')).toEqual([]);
    expect(judge(rule, resourcePolicy(delivery('${AWS::AccountId}')), 'Policy')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('non-compliant: another account subscribes, or log delivery writes for another account', () => {
    expect(judge(rule, destination(subscribe('999999999999')), 'Destination')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(foreignFindings(rule, destination(subscribe('999999999999')), 'Destination')).toEqual(['Account::999999999999']);
    expect(foreignFindings(rule, resourcePolicy(delivery('888888888888')), 'Policy')).toEqual(['Account::888888888888']);
  });

  test('not applicable: a log group', () => {
    expect(judge(rule, { Group: { Type: 'AWS::Logs::LogGroup', Properties: {} } }, 'Group')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a policy built from a parameter is Account::unresolved', () => {
    expect(foreignFindings(rule, resourcePolicy(delivery('${SourceAccount}')), 'Policy')).toEqual(['Account::unresolved']);
    expect(foreignFindings(rule, destination({ Ref: 'DestinationPolicy' }), 'Destination')).toEqual(['Account::unresolved']);
  });
});
