import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { AuditReport } from '../../lib/audit/model';
import { auditInProcess, removeTempDirs, tempDir } from '../helpers/audit-harness';

afterAll(removeTempDirs);

const RULE = 'ElectionBaseline-IamRoleTrustNoForeignAccount';
const work = tempDir();

/** A role each account in `accounts` may assume, as CDK renders AccountPrincipal. */
function rolesTrusting(...accounts: string[]): object {
  const role = (account: string) => ({
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${account}:root`]] } } }],
      },
    },
  });
  return { Resources: Object.fromEntries(accounts.map((account) => [`Trusts${account}`, role(account)])) };
}

/** Runs the CLI for a JSON report; the trust findings as `logicalId findingId`, and the exit code. */
function trustFindings(args: string[]): { code: number | null; found: string[]; messages: string[] } {
  const run = auditInProcess([...args, '--format', 'json'], work);
  if (run.code === 2) throw new Error(run.stderr);
  const report = JSON.parse(run.stdout) as AuditReport;
  const trust = report.findings.filter((f) => f.ruleId === RULE);
  return { code: run.code, found: trust.map((f) => `${f.logicalId} ${f.findingId}`), messages: trust.map((f) => f.message) };
}

fs.writeFileSync(path.join(work, 'roles.json'), JSON.stringify(rolesTrusting('111111111111', '222222222222', '999999999999')));

describe('election-audit --trusted-accounts', () => {
  test('without it, every literal account of a bare template is foreign, one finding each, naming the account and the flag', () => {
    const { code, found, messages } = trustFindings(['roles.json']);
    expect(code).toBe(1);
    expect(found).toEqual([
      'Trusts111111111111 Account::111111111111',
      'Trusts222222222222 Account::222222222222',
      'Trusts999999999999 Account::999999999999',
    ]);
    expect(messages[2]).toMatch(/names account 999999999999.*election-audit --trusted-accounts 999999999999/);
  });

  test('repeated and comma-separated, the accounts it names are trusted', () => {
    expect(trustFindings(['roles.json', '--trusted-accounts', '111111111111,222222222222']).found).toEqual(['Trusts999999999999 Account::999999999999']);
    const all = trustFindings(['roles.json', '--trusted-accounts', '111111111111, 222222222222', '--trusted-accounts', '999999999999']);
    expect(all).toMatchObject({ code: 0, found: [] });
  });

  test.each([
    ['12345', "election-audit: --trusted-accounts: '12345' is not an AWS account id (each must be 12 digits, e.g. 111111111111) (see election-audit --help)"],
    ['111111111111,arn:aws:iam::222222222222:root', "election-audit: --trusted-accounts: 'arn:aws:iam::222222222222:root' is not an AWS account id"],
  ])('a value that is not 12 digits (%s) is bad input', (value, message) => {
    const run = auditInProcess(['roles.json', '--trusted-accounts', value], work);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });

  test('--help describes it', () => {
    expect(auditInProcess(['--help']).stdout).toMatch(/--trusted-accounts ID,\.\.\.\n\s+the agency's other AWS accounts/);
  });
});

describe('the own account of a cloud assembly stack', () => {
  const assembly = path.join(work, 'cdk.out');
  const app = new App({ outdir: assembly });
  const withEnv = new Stack(app, 'Results', { env: { account: '111111111111', region: 'us-east-1' } });
  new iam.Role(withEnv, 'Publisher', { assumedBy: new iam.AccountPrincipal(withEnv.account) });
  new iam.Role(withEnv, 'Vendor', { assumedBy: new iam.AccountPrincipal('999999999999') });
  const agnostic = new Stack(app, 'Portal');
  new iam.Role(agnostic, 'Pinned', { assumedBy: new iam.AccountPrincipal('111111111111') });
  app.synth();

  test("comes from the manifest's environment: the stack's own account passes, another still fails", () => {
    const { found } = trustFindings(['cdk.out']);
    expect(found.filter((f) => f.startsWith('Publisher'))).toEqual([]);
    expect(found.filter((f) => f.startsWith('Vendor'))).toEqual([expect.stringMatching(/ Account::999999999999$/)]);
  });

  test('an env-agnostic stack (unknown-account) has none, so its literal account is foreign', () => {
    expect(trustFindings(['cdk.out']).found.filter((f) => f.startsWith('Pinned'))).toEqual([expect.stringMatching(/ Account::111111111111$/)]);
  });

  test('the same template read as a bare file knows no own account', () => {
    const { found } = trustFindings([path.join('cdk.out', 'Results.template.json')]);
    expect(found.filter((f) => f.startsWith('Publisher'))).toEqual([expect.stringMatching(/ Account::111111111111$/)]);
  });
});

describe('election-audit --trusted-accounts on resource policies', () => {
  const RULE_POLICY = 'ElectionBaseline-S3BucketPolicyNoForeignAccount';
  fs.writeFileSync(path.join(work, 'bucket-policy.json'), JSON.stringify({
    Resources: {
      Exports: { Type: 'AWS::S3::Bucket', Properties: {} },
      ExportsPolicy: {
        Type: 'AWS::S3::BucketPolicy',
        Properties: {
          Bucket: { Ref: 'Exports' },
          PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:root' }, Action: 's3:GetObject', Resource: '*' }] },
        },
      },
    },
  }));
  const policyFindings = (args: string[]) => {
    const run = auditInProcess(['bucket-policy.json', ...args, '--format', 'json'], work);
    const report = JSON.parse(run.stdout) as AuditReport;
    return report.findings.filter((f) => f.ruleId === RULE_POLICY).map((f) => `${f.logicalId} ${f.findingId} ${f.level}`);
  };

  test('a bucket policy granting 444455556666 is an error; trusted, it passes', () => {
    expect(policyFindings([])).toEqual(['ExportsPolicy Account::444455556666 error']);
    expect(policyFindings(['--trusted-accounts', '444455556666'])).toEqual([]);
  });
});
