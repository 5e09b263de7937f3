import * as fs from 'fs';
import * as path from 'path';
import { AuditReport } from '../../lib/audit/model';
import { auditChild, auditInProcess, fixture, removeTempDirs, tempDir } from '../helpers/audit-harness';
import { auditReportValidator, errorsOf } from '../reports/schema-validators';

afterAll(removeTempDirs);

/** `election-audit` on SAM templates, end to end: read, expanded, judged, reported; what SAM refuses is exit 2 with one line. */

const SAM = path.dirname(fixture('sam/x'));

test('the real binary judges the SAM function with a public URL: exit 1, each error on the resource SAM makes', async () => {
  const run = await auditChild(['public-url-function.yaml', '-f', 'json'], SAM);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  const report = JSON.parse(run.stdout) as AuditReport;
  expect(report.findings.map((f) => `${f.logicalId} ${f.ruleId}`)).toEqual([
    'MyFunction ElectionBaseline-LambdaSupportedRuntime',
    'MyFunctionURLInvokeAllowPublicAccess ElectionBaseline-LambdaNoPublicInvoke',
    'MyFunctionUrl ElectionBaseline-LambdaFunctionUrlAuth',
    'MyFunctionUrlPublicPermissions ElectionBaseline-LambdaNoPublicInvoke',
  ]);
});

test('the JSON report says which SAM resource each made resource came from, and stays valid against its schema', () => {
  const run = auditInProcess(['public-url-function.yaml', '-f', 'json'], SAM);
  const report = JSON.parse(run.stdout) as AuditReport;
  expect(report.findings.map((f) => `${f.logicalId} ${f.madeFrom ?? '-'}`)).toEqual([
    'MyFunction -', 'MyFunctionURLInvokeAllowPublicAccess MyFunction', 'MyFunctionUrl MyFunction', 'MyFunctionUrlPublicPermissions MyFunction',
  ]);
  const validate = auditReportValidator();
  expect(validate(report) || errorsOf(validate)).toBe(true);
});

test.each(['api-access-logging.yaml', 'simple-tables.yaml', 'globals.yaml', 'http-api-state-machine.yaml'])('%s is read and judged (exit 1, nothing on stderr)', (file) => {
  const run = auditInProcess([file, '-f', 'json'], SAM);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
  expect((JSON.parse(run.stdout) as AuditReport).findings.length).toBeGreaterThan(0);
});

test('a SAM function that fixes what was wrong passes the function rules: the table report names no Lambda rule', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'fixed.yaml'), [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  MyFunction:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Runtime: python3.12',
    '      Handler: results.handler',
    '      CodeUri: s3://vendor-artifacts/results.zip',
    '      FunctionUrlConfig:',
    '        AuthType: AWS_IAM',
    '',
  ].join('\n'));
  const run = auditInProcess(['fixed.yaml', '-f', 'table'], dir);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).not.toMatch(/Lambda/);
});

test('what the SAM transform refuses is bad input: exit 2, one line naming the template, the resource and what SAM allows', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'refused.yaml'), [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Counts:',
    '    Type: AWS::Serverless::SimpleTable',
    '    Properties:',
    '      PrimaryKey: { Name: precinct, Type: Text }',
    '',
  ].join('\n'));
  expect(auditInProcess(['refused.yaml'], dir)).toEqual({
    code: 2,
    stdout: '',
    stderr: "election-audit: refused.yaml: resource 'Counts' (AWS::Serverless::SimpleTable): PrimaryKey.Type \"Text\" must be String, Number or Binary (the SAM transform refuses it)\n",
  });
});

test('what the expansion leaves out is reported with what no rule judged: JSON (valid), table and SARIF', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'partial.yaml'), [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Tally:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Runtime: python3.12',
    '      Handler: tally.handler',
    '      CodeUri: s3://vendor-artifacts/tally.zip',
    '      AutoPublishAlias: live',
    '      DeploymentPreference:',
    '        Type: Canary10Percent5Minutes',
    '',
  ].join('\n'));
  const report = JSON.parse(auditInProcess(['partial.yaml', '-f', 'json'], dir).stdout) as AuditReport;
  expect(report.templates[0].notExpanded).toEqual(['Tally: DeploymentPreference (CodeDeploy traffic shifting) is not expanded']);
  const validate = auditReportValidator();
  expect(validate(report) || errorsOf(validate)).toBe(true);
  expect(auditInProcess(['partial.yaml', '-f', 'table'], dir).stdout).toContain('not expanded: Tally: DeploymentPreference (CodeDeploy traffic shifting) is not expanded');
  const sarif = JSON.parse(auditInProcess(['partial.yaml', '-f', 'sarif'], dir).stdout);
  const notes = sarif.runs[0].invocations[0].toolExecutionNotifications;
  expect(notes.map((n: { message: { text: string } }) => n.message.text).join('\n')).toContain('Not expanded, so not judged: Tally: DeploymentPreference');
});
