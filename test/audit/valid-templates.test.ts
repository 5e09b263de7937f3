import * as fs from 'fs';
import * as path from 'path';
import { parseCloudFormationYaml } from '../../lib/audit/cfn-yaml';
import { auditTemplates } from '../../lib/audit/engine';
import { loadTemplates } from '../../lib/audit/inputs';
import { AuditReport } from '../../lib/audit/model';
import { auditInProcess, fixture, lineOfKey, removeTempDirs, tempDir } from '../helpers/audit-harness';

afterAll(removeTempDirs);

/**
 * Valid templates of the shapes public ones take, which CloudFormation
 * deploys: each is read and its resources judged (exit 0 or 1, never 2).
 */

const FIXTURES = path.dirname(fixture('x'));
const audit = (file: string, dir = FIXTURES): AuditReport =>
  auditTemplates(loadTemplates([file], dir), { packs: ['election', 'aws-solutions'], generatedAt: '2026-01-01T00:00:00.000Z', toolVersion: 't' });
/** `logicalId ruleId` of each finding of the election pack. */
const judged = (report: AuditReport) => report.findings.filter((f) => f.pack === 'election').map((f) => `${f.logicalId} ${f.ruleId}`);
const TOPIC_RULES = ['ElectionBaseline-SnsTopicEncrypted', 'ElectionBaseline-SnsTopicTlsOnly'];
const topicFindings = (...ids: string[]) => ids.flatMap((id) => TOPIC_RULES.map((rule) => `${id} ${rule}`));

test.each([
  'vpc-quickstart-conditions.yaml', 'rules-short-forms.yaml', 'language-extensions.yaml', 'string-booleans.json', 'conditional-properties.json',
])('%s is audited, not refused', (file) => {
  const run = auditInProcess([file, '-f', 'json'], FIXTURES);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(1);
});

test('a condition name with & (the AWS VPC Quick Start) is read, and the resources it guards are judged', () => {
  const report = audit('vpc-quickstart-conditions.yaml');
  expect(judged(report)).toEqual(topicFindings('Alerts'));
  expect(report.findings.map((f) => `${f.logicalId} ${f.ruleId}`)).toContain('VPC AwsSolutions-VPC7');
  const [loaded] = loadTemplates(['vpc-quickstart-conditions.yaml'], FIXTURES);
  expect((loaded.template.Conditions as Record<string, unknown>)['AdditionalPrivateSubnets&3AZCondition']).toEqual({
    'Fn::And': [{ Condition: 'AdditionalPrivateSubnetsCondition' }, { Condition: '3AZCondition' }],
  });
});

test('a condition name with a space is still refused, naming what CloudFormation allows', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'spaced.json'), JSON.stringify({ Conditions: { 'Two words': { 'Fn::Equals': ['a', 'a'] } }, Resources: { Topic: { Type: 'AWS::SNS::Topic' } } }));
  expect(auditInProcess(['spaced.json'], dir)).toEqual({
    code: 2, stdout: '', stderr: "election-audit: spaced.json: Conditions entry 'Two words': a condition name must be 1 to 255 printable ASCII characters, without spaces\n",
  });
});

test('Rules short forms read as their long forms', () => {
  const [loaded] = loadTemplates(['rules-short-forms.yaml'], FIXTURES);
  const rules = loaded.template.Rules as Record<string, { Assertions: Array<{ Assert: unknown }> }>;
  expect(rules.SubnetsInVpc.Assertions.map((a) => a.Assert)).toEqual([
    { 'Fn::EachMemberEquals': [{ 'Fn::ValueOfAll': ['AWS::EC2::Subnet::Id', 'VpcId'] }, { Ref: 'VpcId' }] },
    { 'Fn::EachMemberIn': [{ 'Fn::ValueOfAll': ['AWS::EC2::Subnet::Id', 'VpcId'] }, { 'Fn::RefAll': 'AWS::EC2::VPC::Id' }] },
  ]);
  expect(rules.KnownEnvironment.Assertions.map((a) => a.Assert)).toEqual([
    { 'Fn::Contains': [['prod', 'staging', 'test'], { Ref: 'Environment' }] },
    { 'Fn::Equals': [{ 'Fn::ValueOf': ['VpcId', 'Tags'] }, 'election'] },
  ]);
  expect(judged(audit('rules-short-forms.yaml'))).toEqual(topicFindings('Alerts'));
});

describe('AWS::LanguageExtensions', () => {
  const [loaded] = loadTemplates(['language-extensions.yaml'], FIXTURES);
  const resources = loaded.resources;

  test('Fn::ForEach over a literal list and a parameter default makes one resource per item, at the loop\'s line', () => {
    expect(Object.keys(resources)).toEqual(['ResultsMayor', 'ResultsSheriff', 'AdaIntake', 'KentIntake', 'PrecinctPrecinct']);
    expect(resources.ResultsSheriff.Properties).toEqual({ TopicName: { 'Fn::Sub': 'results-Sheriff' }, DisplayName: '{"office":"Mayor","seats":1}' });
    expect(resources.KentIntake.Properties).toEqual({ QueueName: 'Kent', DelaySeconds: 2 });
    const yamlLines = fs.readFileSync(fixture('language-extensions.yaml'), 'utf8').split('\n');
    expect(yamlLines[loaded.lines.get('AdaIntake')! - 1]).toBe('  Fn::ForEach::CountyQueues:');
    expect(yamlLines[loaded.lines.get('PrecinctPrecinct')! - 1]).toBe('  Fn::ForEach::PrecinctTopics:');
  });

  test('over a list known only at deploy, one representative resource whose item is the list\'s first', () => {
    expect(resources.PrecinctPrecinct.Properties).toEqual({
      TopicName: { 'Fn::Sub': ['precinct-${Precinct}', { Precinct: { 'Fn::Select': [0, { Ref: 'Precincts' }] } }] },
    });
  });

  test('every resource made is judged, in JSON as in YAML', () => {
    // Untagged queues are judged as the most sensitive class would be: classified, and under a customer key and TLS.
    const queueRules = ['DataStoreClassified', 'SqsQueueCustomerManagedKey', 'SqsQueueTlsOnly'];
    const expected = [
      ...['AdaIntake', 'KentIntake'].flatMap((id) => queueRules.map((rule) => `${id} ElectionBaseline-${rule}`)),
      ...topicFindings('PrecinctPrecinct', 'ResultsMayor', 'ResultsSheriff'),
    ];
    expect(judged(audit('language-extensions.yaml'))).toEqual(expected);
    const dir = tempDir();
    // The same template in its long (JSON) form, loops unexpanded: the YAML reader alone does not expand them.
    const asWritten = parseCloudFormationYaml(fs.readFileSync(fixture('language-extensions.yaml'), 'utf8'), 'x').value;
    fs.writeFileSync(path.join(dir, 'extended.json'), JSON.stringify(asWritten));
    expect(judged(audit('extended.json', dir))).toEqual(expected);
  });

  test('nested loops in Outputs naming GetAtt\'s resource by Fn::Sub and its attribute by Ref of the identifier (AWS\'s fn-foreach-s3-outputs)', () => {
    const dir = tempDir();
    const bucket = { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'election:data-class', Value: 'operational' }] } };
    fs.writeFileSync(path.join(dir, 'outputs.json'), JSON.stringify({
      Transform: 'AWS::LanguageExtensions',
      Resources: { 'Fn::ForEach::Buckets': ['Id', ['A', 'B'], { 'Bucket${Id}': bucket }] },
      Outputs: {
        'Fn::ForEach::Out': ['Id', ['A', 'B'], {
          'Fn::ForEach::Attr': ['Property', ['Arn'], { 'Bucket${Id}${Property}': { Value: { 'Fn::GetAtt': [{ 'Fn::Sub': 'Bucket${Id}' }, { Ref: 'Property' }] } } }],
        }],
      },
    }));
    const [outputs] = loadTemplates(['outputs.json'], dir);
    expect(outputs.template.Outputs).toEqual({ BucketAArn: { Value: { 'Fn::GetAtt': ['BucketA', 'Arn'] } }, BucketBArn: { Value: { 'Fn::GetAtt': ['BucketB', 'Arn'] } } });
    expect(auditInProcess(['outputs.json', '-f', 'json'], dir).stderr).toBe('');
  });

  test('Fn::ToJsonString over intrinsics stays as written, and its resource is judged', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'tojson.json'), JSON.stringify({
      Transform: ['AWS::LanguageExtensions'],
      Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: { 'Fn::ToJsonString': { region: { Ref: 'AWS::Region' } } } } } },
    }));
    const [template] = loadTemplates(['tojson.json'], dir);
    expect(template.resources.Topic.Properties).toEqual({ DisplayName: { 'Fn::ToJsonString': { region: { Ref: 'AWS::Region' } } } });
    expect(judged(audit('tojson.json', dir))).toEqual(topicFindings('Topic'));
  });
});

test('booleans written "True"/"FALSE" are read, and judged by both packs', () => {
  const report = audit('string-booleans.json');
  expect(judged(report)).toEqual(topicFindings('Alerts'));
  expect(report.findings.filter((f) => f.pack === 'aws-solutions').map((f) => `${f.logicalId} ${f.ruleId}`)).toEqual(['Alerts AwsSolutions-SNS3', 'VPC AwsSolutions-VPC7']);
});

test('Fn::If as a whole Properties, and Fn::Sub over an AWS::Include snippet: judged as written', () => {
  const report = audit('conditional-properties.json');
  // Neither branch of Alerts names a customer-managed key; Notices names none at all.
  expect(judged(report)).toEqual(topicFindings('Alerts', 'Notices'));
  expect(report.findings.find((f) => f.logicalId === 'Notices')!.line).toBe(lineOfKey(fixture('conditional-properties.json'), 'Notices'));
});

test('an intrinsic CloudFormation refuses too is named by its path, never by the library\'s internal error', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'sub-over-ref.json'), JSON.stringify({
    Parameters: { Name: { Type: 'String' } },
    Resources: { Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicName: { 'Fn::Sub': { Ref: 'Name' } } } } },
  }));
  expect(auditInProcess(['sub-over-ref.json'], dir)).toEqual({
    code: 2,
    stdout: '',
    stderr: 'election-audit: sub-over-ref.json: Resources.Topic.Properties.TopicName: Fn::Sub over Ref cannot be read: Fn::Sub takes a string or a [string, {variables}] list\n',
  });
});

describe('templates a tool or macro rewrites before CloudFormation reads them: refused, naming the real cause', () => {
  test('a rain CLI tag names the tool and the template to audit', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'rain.yaml'), 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties: !Rain::Embed bucket.json\n');
    const run = auditInProcess(['rain.yaml'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("!Rain::Embed is the rain CLI's, not CloudFormation's: audit the template `rain pkg` writes");
  });

  test('a macro transform the template needs to load is named, with the processed template to audit instead', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'macro.json'), JSON.stringify({
      Transform: 'ExecutionRoleBuilder',
      Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { Permissions: [{ ReadOnly: 's3' }] } } },
    }));
    const run = auditInProcess(['macro.json'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("resource 'Role' (AWS::IAM::Role)");
    expect(run.stderr).toContain("the template declares Transform 'ExecutionRoleBuilder', which only CloudFormation runs: audit the processed template");
  });
});
