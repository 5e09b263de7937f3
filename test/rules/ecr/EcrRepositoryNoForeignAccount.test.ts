import { NagRuleCompliance } from 'cdk-nag';
import { EcrRepositoryNoForeignAccount as rule } from '../../../lib/rules/ecr/EcrRepositoryNoForeignAccount';
import { allow, documentOf, foreignFindings, TRUSTED } from '../../helpers/foreign-account-fixtures';
import { Body, judge } from '../../helpers/template-fixtures';

const repository = (policy?: unknown): Record<string, Body> => ({
  Repo: { Type: 'AWS::ECR::Repository', Properties: policy === undefined ? {} : { RepositoryPolicyText: policy } },
});
const pull = (principal: unknown) => allow({ AWS: principal }, { Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] });

describe('EcrRepositoryNoForeignAccount', () => {
  test.each([
    ['no repository policy', repository()],
    ['a pull grant to Lambda', repository(documentOf(allow({ Service: 'lambda.amazonaws.com' })))],
  ])('compliant: %s', (_, t) => {
    expect(judge(rule, t, 'Repo')).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('compliant: a trusted account pulls', () => {
    expect(foreignFindings(rule, repository(documentOf(pull(TRUSTED))), 'Repo')).toEqual([]);
  });

  test('non-compliant: a vendor account pulls', () => {
    const t = repository(documentOf(pull('arn:aws:iam::999999999999:root')));
    expect(judge(rule, t, 'Repo')).toBe(NagRuleCompliance.NON_COMPLIANT);
    expect(foreignFindings(rule, t, 'Repo')).toEqual(['Account::999999999999']);
  });

  test('not applicable: a registry policy', () => {
    expect(judge(rule, { R: { Type: 'AWS::ECR::RegistryPolicy', Properties: {} } }, 'R')).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });

  test('unresolvable: a principal from a parameter is Account::unresolved', () => {
    expect(foreignFindings(rule, repository(documentOf(pull({ Ref: 'PullAccount' }))), 'Repo')).toEqual(['Account::unresolved']);
  });
});
