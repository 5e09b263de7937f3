import * as fs from 'fs';
import * as path from 'path';
import { auditTemplates } from '../../lib/audit/engine';
import { loadTemplates } from '../../lib/audit/inputs';
import { AuditReport } from '../../lib/audit/model';
import { fixture, removeTempDirs, tempDir } from '../helpers/audit-harness';

afterAll(removeTempDirs);

/** SAM templates judged as what SAM deploys: the same findings as the same resources in plain CloudFormation. */

const SAM = path.dirname(fixture('sam/x'));
const audit = (file: string, dir = SAM): AuditReport =>
  auditTemplates(loadTemplates([file], dir), { packs: ['election', 'aws-solutions'], generatedAt: '2026-01-01T00:00:00.000Z', toolVersion: 't' });
/** `logicalId ruleId[findingId]` of each open finding of a pack. */
const open = (report: AuditReport, pack = 'election') => report.findings
  .filter((f) => f.pack === pack && f.status === 'open')
  .map((f) => `${f.logicalId} ${f.ruleId}${f.findingId !== undefined ? `[${f.findingId}]` : ''}`);
const ofResource = (report: AuditReport, logicalId: string) => open(report).filter((f) => f.startsWith(`${logicalId} `)).map((f) => f.split(' ')[1]);

test('a SAM function on python2.7 with a public URL gets the errors the same function gets in plain CloudFormation', () => {
  const sam = audit('public-url-function.yaml');
  const plain = audit('public-url-function-plain.yaml');
  expect(open(sam)).toEqual([
    'MyFunction ElectionBaseline-LambdaSupportedRuntime',
    'MyFunctionURLInvokeAllowPublicAccess ElectionBaseline-LambdaNoPublicInvoke',
    'MyFunctionUrl ElectionBaseline-LambdaFunctionUrlAuth',
    'MyFunctionUrlPublicPermissions ElectionBaseline-LambdaNoPublicInvoke',
  ]);
  expect(open(sam)).toEqual(open(plain));
  expect(open(sam, 'aws-solutions')).toEqual(open(plain, 'aws-solutions'));
  expect(sam.summary.errors).toBe(plain.summary.errors);
});

test('findings on what SAM made name it as SAM does and point at the SAM resource the vendor wrote', () => {
  const report = audit('public-url-function.yaml');
  const line = fs.readFileSync(fixture('sam/public-url-function.yaml'), 'utf8').split('\n').indexOf('  MyFunction:') + 1;
  const url = report.findings.find((f) => f.logicalId === 'MyFunctionUrl')!;
  expect(url).toMatchObject({ resourceType: 'AWS::Lambda::Url', line, template: 'public-url-function.yaml' });
  expect(report.templates[0].resources).toBe(7);
});

test('a waiver in the SAM function\'s Metadata travels to the function SAM makes, as SAM passes Metadata on', () => {
  const dir = tempDir();
  const reason = 'The vendor replaces this function with python3.12 in the next release, tracked in ticket ELEC-1042.';
  fs.writeFileSync(path.join(dir, 'waived.json'), JSON.stringify({
    Transform: 'AWS::Serverless-2016-10-31',
    Resources: {
      MyFunction: {
        Type: 'AWS::Serverless::Function',
        Metadata: { cdk_nag: { rules_to_suppress: [{ id: 'ElectionBaseline-LambdaSupportedRuntime', reason }] } },
        Properties: { Runtime: 'python2.7', Handler: 'a.handler', CodeUri: 's3://b/k.zip' },
      },
    },
  }));
  const report = audit('waived.json', dir);
  expect(report.findings.filter((f) => f.pack === 'election').map((f) => `${f.logicalId} ${f.ruleId} ${f.status}`)).toEqual([
    'MyFunction ElectionBaseline-LambdaSupportedRuntime acknowledged',
  ]);
});

test('an API stage with access logging passes ApiGatewayAccessLogging; one without is named by the stage SAM makes', () => {
  const report = audit('api-access-logging.yaml');
  expect(ofResource(report, 'LoggedApiProdStage')).not.toContain('ElectionBaseline-ApiGatewayAccessLogging');
  expect(open(report).filter((f) => f.includes('ApiGatewayAccessLogging'))).toEqual([
    'ServerlessRestApiProdStage ElectionBaseline-ApiGatewayAccessLogging[Destination::none]',
    'ServerlessRestApiProdStage ElectionBaseline-ApiGatewayAccessLogging[Format::none]',
    'SilentApiliveStage ElectionBaseline-ApiGatewayAccessLogging[Destination::none]',
    'SilentApiliveStage ElectionBaseline-ApiGatewayAccessLogging[Format::none]',
  ]);
  // The event permissions name their API in SourceArn: none is public.
  expect(open(report).filter((f) => f.includes('LambdaNoPublicInvoke'))).toEqual([]);
});

test('Globals.Api access logging reaches the implicit API stage; a runtime from Globals is judged on each function', () => {
  const report = audit('globals.yaml');
  expect(ofResource(report, 'ServerlessRestApiProdStage')).not.toContain('ElectionBaseline-ApiGatewayAccessLogging');
  expect(open(report).filter((f) => f.includes('LambdaSupportedRuntime'))).toEqual(['Intake ElectionBaseline-LambdaSupportedRuntime']);
});

test('a SimpleTable gets the DynamoDB rules: no customer key, no PITR and no retention by default; a guarded one only lacks deletion protection', () => {
  const report = audit('simple-tables.yaml');
  expect(ofResource(report, 'PlainVoters')).toEqual([
    'ElectionBaseline-DynamoDbCustomerManagedKey', 'ElectionBaseline-DynamoDbDeletionProtection',
    'ElectionBaseline-DynamoDbPointInTimeRecovery', 'ElectionBaseline-RetainStatefulResources',
  ]);
  // SimpleTable has no DeletionProtectionEnabled: a voter table that needs it must be an AWS::DynamoDB::Table.
  expect(ofResource(report, 'GuardedVoters')).toEqual(['ElectionBaseline-DynamoDbDeletionProtection']);
  expect(report.findings.find((f) => f.logicalId === 'PlainVoters')!.dataClass).toBe('voter-pii');
});

test('an untagged SimpleTable is a data store without a class, like any DynamoDB table', () => {
  expect(ofResource(audit('http-api-state-machine.yaml'), 'Counts')).toContain('ElectionBaseline-DataStoreClassified');
});
