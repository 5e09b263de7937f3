import * as fs from 'fs';
import * as path from 'path';
import { loadTemplates } from '../../lib/audit/inputs';
import { LoadedTemplate } from '../../lib/audit/template-file';
import { auditInProcess, fixture, removeTempDirs, tempDir } from '../helpers/audit-harness';

afterAll(removeTempDirs);

/**
 * The SAM transform expanded as SAM expands it, for the parts the rules judge:
 * names as SAM gives them, properties carried over, Globals merged, and what
 * SAM refuses refused.
 */

const SAM = path.dirname(fixture('sam/x'));
const load = (file: string, dir = SAM): LoadedTemplate => loadTemplates([file], dir)[0];
const typesOf = (t: LoadedTemplate) => Object.fromEntries(Object.entries(t.resources).map(([id, body]) => [id, body.Type]));
const props = (t: LoadedTemplate, id: string) => t.resources[id].Properties as Record<string, unknown>;
const lineOf = (file: string, text: string) => fs.readFileSync(path.join(SAM, file), 'utf8').split('\n').findIndex((l) => l.startsWith(text)) + 1;

/** Writes a SAM template with these resources (and Globals) and returns its file name in `dir`. */
function samTemplate(dir: string, resources: Record<string, unknown>, globals?: Record<string, unknown>): string {
  fs.writeFileSync(path.join(dir, 'sam.json'), JSON.stringify({ Transform: 'AWS::Serverless-2016-10-31', ...(globals ? { Globals: globals } : {}), Resources: resources }));
  return 'sam.json';
}
const fn = (properties: Record<string, unknown>, attributes: Record<string, unknown> = {}) => ({
  Type: 'AWS::Serverless::Function', ...attributes, Properties: { Runtime: 'python3.12', Handler: 'a.handler', CodeUri: 's3://b/k.zip', ...properties },
});

describe('AWS::Serverless::Function with a public URL', () => {
  const template = load('public-url-function.yaml');

  test('becomes the function, its role, its URL and the two public permissions, under the ids SAM gives them', () => {
    expect(typesOf(template)).toEqual({
      MyFunction: 'AWS::Lambda::Function',
      MyFunctionRole: 'AWS::IAM::Role',
      MyFunctionUrl: 'AWS::Lambda::Url',
      MyFunctionUrlPublicPermissions: 'AWS::Lambda::Permission',
      MyFunctionURLInvokeAllowPublicAccess: 'AWS::Lambda::Permission',
      RoleNameParameter: 'AWS::SSM::Parameter',
      RoleArnParameter: 'AWS::SSM::Parameter',
    });
    expect(template.template.Transform).toBeUndefined();
  });

  test('the function carries the runtime, the code, the generated role and the lambda:createdBy tag', () => {
    expect(props(template, 'MyFunction')).toEqual({
      Runtime: 'python2.7', Handler: 'results.handler', Code: { S3Bucket: 'vendor-artifacts', S3Key: 'results.zip' },
      Role: { 'Fn::GetAtt': ['MyFunctionRole', 'Arn'] }, Tags: [{ Key: 'lambda:createdBy', Value: 'SAM' }],
    });
    expect(props(template, 'MyFunctionRole')).toEqual({
      AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Action: ['sts:AssumeRole'], Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] } }] },
      ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'],
      Tags: [{ Key: 'lambda:createdBy', Value: 'SAM' }],
    });
  });

  test('AuthType NONE makes the URL public: Principal * for the URL and for invocation through it', () => {
    expect(props(template, 'MyFunctionUrl')).toEqual({ AuthType: 'NONE', TargetFunctionArn: { Ref: 'MyFunction' } });
    expect(props(template, 'MyFunctionUrlPublicPermissions')).toEqual({
      Action: 'lambda:InvokeFunctionUrl', FunctionName: { Ref: 'MyFunction' }, Principal: '*', FunctionUrlAuthType: 'NONE',
    });
    expect(props(template, 'MyFunctionURLInvokeAllowPublicAccess')).toEqual({
      Action: 'lambda:InvokeFunction', FunctionName: { Ref: 'MyFunction' }, Principal: '*', InvokedViaFunctionUrl: true,
    });
  });

  test('each resource SAM made maps back to the SAM function, and is placed at its line', () => {
    expect([...template.madeFrom!].filter(([, from]) => from === 'MyFunction').map(([made]) => made)).toEqual([
      'MyFunction', 'MyFunctionRole', 'MyFunctionUrl', 'MyFunctionUrlPublicPermissions', 'MyFunctionURLInvokeAllowPublicAccess',
    ]);
    const line = lineOf('public-url-function.yaml', '  MyFunction:');
    expect(['MyFunction', 'MyFunctionRole', 'MyFunctionUrl', 'MyFunctionURLInvokeAllowPublicAccess'].map((id) => template.lines.get(id))).toEqual([line, line, line, line]);
    expect(template.lines.get('RoleArnParameter')).toBe(lineOf('public-url-function.yaml', '  RoleArnParameter:'));
  });

  test('AuthType AWS_IAM makes the URL and no permission; an AuthType SAM does not know is refused', () => {
    const dir = tempDir();
    const iam = load(samTemplate(dir, { Fn: fn({ FunctionUrlConfig: { AuthType: 'AWS_IAM' } }) }), dir);
    expect(Object.keys(iam.resources)).toEqual(['Fn', 'FnRole', 'FnUrl']);
    samTemplate(dir, { Fn: fn({ FunctionUrlConfig: { AuthType: 'OPEN' } }) });
    expect(auditInProcess(['sam.json'], dir).stderr).toBe(
      "election-audit: sam.json: resource 'Fn' (AWS::Serverless::Function): FunctionUrlConfig.AuthType is \"OPEN\"; SAM requires AWS_IAM or NONE (the SAM transform refuses it)\n",
    );
  });
});

describe('Globals', () => {
  const template = load('globals.yaml');

  test('are merged into each function: scalars filled in, maps merged key by key with the resource winning', () => {
    const intake = props(template, 'Intake');
    expect(intake.Runtime).toBe('nodejs16.x');
    expect(intake.TracingConfig).toEqual({ Mode: 'Active' });
    expect(intake.Environment).toEqual({ Variables: { STAGE: 'prod', LOG_LEVEL: 'debug' } });
    expect(intake.Tags).toEqual([{ Key: 'lambda:createdBy', Value: 'SAM' }, { Key: 'election:data-class', Value: 'operational' }]);
    expect(props(template, 'IntakeRole').ManagedPolicyArns).toEqual([
      'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', 'arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess',
    ]);
  });

  test('IgnoreGlobals leaves the named globals out', () => {
    expect(props(template, 'Reports').Runtime).toBe('python3.12');
    expect(props(template, 'Reports').TracingConfig).toEqual({ Mode: 'Active' });
  });

  test('Globals.Api reaches the implicit API of a function event, and the section is gone', () => {
    expect(props(template, 'ServerlessRestApiProdStage').AccessLogSetting).toEqual({
      DestinationArn: { 'Fn::GetAtt': ['AccessLogs', 'Arn'] }, Format: expect.stringContaining('$context.requestId'),
    });
    expect(template.template.Globals).toBeUndefined();
  });

  test.each([
    [{ Functions: { Runtime: 'python3.12' } }, 'Globals.Functions is not a Globals section SAM knows'],
    [{ Function: { Role: 'arn:aws:iam::1:role/x' } }, 'Globals.Function.Role is not a property SAM takes from Globals for Function'],
  ])('what SAM refuses in Globals is refused: %j', (globals, message) => {
    const dir = tempDir();
    const run = auditInProcess([samTemplate(dir, { Fn: fn({}) }, globals)], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`sam.json: ${message}`);
  });
});

describe('AWS::Serverless::Api and Api events', () => {
  const template = load('api-access-logging.yaml');

  test('each API becomes a RestApi, a Deployment and the stage <Id><StageName>Stage carrying its settings', () => {
    expect(Object.entries(typesOf(template)).filter(([, type]) => String(type).startsWith('AWS::ApiGateway::')).map(([id]) => id.replace(/Deployment[0-9a-f]{10}$/, 'Deployment<hash>'))).toEqual([
      'LoggedApi', 'LoggedApiDeployment<hash>', 'LoggedApiProdStage', 'SilentApi', 'SilentApiDeployment<hash>', 'SilentApiliveStage',
      'ServerlessRestApi', 'ServerlessRestApiDeployment<hash>', 'ServerlessRestApiProdStage',
    ]);
    const stage = props(template, 'LoggedApiProdStage');
    expect(stage).toMatchObject({ RestApiId: { Ref: 'LoggedApi' }, StageName: 'Prod', TracingEnabled: true, AccessLogSetting: { DestinationArn: { 'Fn::GetAtt': ['AccessLogs', 'Arn'] } } });
    const deployment = Object.keys(template.resources).find((id) => id.startsWith('LoggedApiDeployment'))!;
    expect(stage.DeploymentId).toEqual({ Ref: deployment });
    // SAM's deployment also makes a stage named Stage, unless OpenApiVersion is set.
    expect(props(template, deployment)).toMatchObject({ RestApiId: { Ref: 'LoggedApi' }, StageName: 'Stage' });
  });

  test('each event lets API Gateway invoke the function from its API only, named <Fn><Event>Permission<Stage>', () => {
    const sourceArn = (route: string, api: string) => ({
      'Fn::Sub': [`arn:\${AWS::Partition}:execute-api:\${AWS::Region}:\${AWS::AccountId}:\${__ApiId__}/\${__Stage__}${route}`, { __ApiId__: { Ref: api }, __Stage__: '*' }],
    });
    expect(props(template, 'ResultsFunctionLoggedPermissionProd')).toEqual({
      Action: 'lambda:InvokeFunction', FunctionName: { Ref: 'ResultsFunction' }, Principal: 'apigateway.amazonaws.com', SourceArn: sourceArn('/GET/results/*', 'LoggedApi'),
    });
    expect(props(template, 'ResultsFunctionSilentPermissionlive').SourceArn).toEqual(sourceArn('/GET/results', 'SilentApi'));
    expect(props(template, 'ResultsFunctionLookupPermissionProd').SourceArn).toEqual(sourceArn('/POST/lookup', 'ServerlessRestApi'));
  });

  test('SAM-managed definitions get the route and its Lambda integration; the implicit API is placed at the function', () => {
    const body = props(template, 'ServerlessRestApi').Body as { paths: Record<string, Record<string, Record<string, unknown>>> };
    expect(body.paths['/lookup'].post['x-amazon-apigateway-integration']).toEqual({
      type: 'aws_proxy', httpMethod: 'POST',
      uri: { 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${ResultsFunction.Arn}/invocations' },
    });
    expect(template.madeFrom!.get('ServerlessRestApiProdStage')).toBe('ResultsFunction');
    expect(template.lines.get('ServerlessRestApiProdStage')).toBe(lineOf('api-access-logging.yaml', '  ResultsFunction:'));
  });

  test('Auth: the default authorizer secures every method an event leaves open, and Authorizer NONE leaves it open', () => {
    const dir = tempDir();
    const api = { Type: 'AWS::Serverless::Api', Properties: { StageName: 'v1', Auth: { DefaultAuthorizer: 'AWS_IAM' } } };
    const events = {
      Signed: { Type: 'Api', Properties: { RestApiId: { Ref: 'Api' }, Path: '/signed', Method: 'get' } },
      Open: { Type: 'Api', Properties: { RestApiId: { Ref: 'Api' }, Path: '/open', Method: 'get', Auth: { Authorizer: 'NONE' } } },
    };
    const loaded = load(samTemplate(dir, { Api: api, Fn: fn({ Events: events }) }), dir);
    const body = props(loaded, 'Api').Body as { paths: Record<string, { get: { security?: unknown } }>; securityDefinitions: Record<string, unknown> };
    expect(body.paths['/signed'].get.security).toEqual([{ AWS_IAM: [] }]);
    expect(body.paths['/open'].get.security).toEqual([]);
    expect(body.securityDefinitions.AWS_IAM).toMatchObject({ 'x-amazon-apigateway-authtype': 'awsSigv4' });
  });

  test('what SAM refuses is refused, naming the resource', () => {
    const dir = tempDir();
    samTemplate(dir, { Api: { Type: 'AWS::Serverless::Api', Properties: { DefinitionUri: 's3://b/api.yaml' } } });
    expect(auditInProcess(['sam.json'], dir).stderr).toBe("election-audit: sam.json: resource 'Api' (AWS::Serverless::Api): StageName is required (the SAM transform refuses it)\n");
    // With a Role of its own the function makes no FnRole, so the template may use the id; without one, SAM refuses the clash.
    expect(load(samTemplate(dir, { Fn: fn({ Role: 'arn:aws:iam::111122223333:role/r' }), FnRole: { Type: 'AWS::SNS::Topic' } }), dir).resources.FnRole.Type).toBe('AWS::SNS::Topic');
    samTemplate(dir, { Fn: fn({}), FnRole: { Type: 'AWS::SNS::Topic' } });
    expect(auditInProcess(['sam.json'], dir).stderr).toContain("sam.json: resource 'FnRole': SAM makes a resource under this logical id, which the template already uses");
  });

  test('a resource of the template named ServerlessRestApi is replaced by the implicit API, as SAM replaces it, and noted', () => {
    const dir = tempDir();
    const loaded = load(samTemplate(dir, { Fn: fn({ Events: { E: { Type: 'Api', Properties: { Path: '/x', Method: 'get' } } } }), ServerlessRestApi: { Type: 'AWS::SNS::Topic' } }), dir);
    expect(loaded.resources.ServerlessRestApi.Type).toBe('AWS::ApiGateway::RestApi');
    expect(loaded.expansionNotes).toEqual(["ServerlessRestApi: the template's own resource of this id is replaced by the implicit API of function Fn, as SAM replaces it"]);
  });

  test('a parameter default stands in for the value SAM reads at transform time (alias names, tracing, auth, domains)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'params.json'), JSON.stringify({
      Transform: 'AWS::Serverless-2016-10-31',
      Parameters: { Alias: { Type: 'String', Default: 'live' }, Trace: { Type: 'String', Default: 'Disabled' } },
      Resources: { Fn: fn({ AutoPublishAlias: { Ref: 'Alias' }, Tracing: { Ref: 'Trace' } }) },
    }));
    const loaded = load('params.json', dir);
    expect(loaded.resources.FnAliaslive.Type).toBe('AWS::Lambda::Alias');
    expect(props(loaded, 'Fn').TracingConfig).toBeUndefined();
  });
});

describe('AWS::Serverless::SimpleTable', () => {
  const template = load('simple-tables.yaml');

  test('becomes a DynamoDB table keyed by id, on demand, with its tags; PrimaryKey, SSE and PITR carried over', () => {
    expect(template.resources.PlainVoters).toEqual({
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST', Tags: [{ Key: 'election:data-class', Value: 'voter-pii' }],
      },
    });
    expect(template.resources.GuardedVoters).toMatchObject({
      DeletionPolicy: 'Retain',
      Properties: {
        AttributeDefinitions: [{ AttributeName: 'voterId', AttributeType: 'S' }],
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': ['RecordsKey', 'Arn'] } },
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      },
    });
  });
});

describe('AWS::Serverless::HttpApi, StateMachine, aliases and policy templates', () => {
  const template = load('http-api-state-machine.yaml');

  test('a policy template becomes the statements it grants, on the table it names', () => {
    const [template0, statement1] = props(template, 'TallyRole').Policies as Array<{ PolicyName: string; PolicyDocument: { Statement: Array<Record<string, unknown>> } }>;
    expect(template0.PolicyName).toBe('TallyRolePolicy0');
    expect(template0.PolicyDocument.Statement[0].Action).toContain('dynamodb:GetItem');
    expect(template0.PolicyDocument.Statement[0].Resource).toContainEqual({
      'Fn::Sub': ['arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${tableName}', { tableName: { Ref: 'Counts' } }],
    });
    expect(statement1.PolicyName).toBe('TallyRolePolicy1');
  });

  test('AutoPublishAlias makes a retained version and the alias, which events and Ref Fn.Alias name', () => {
    const version = Object.keys(template.resources).find((id) => /^TallyVersion[0-9a-f]{10}$/.test(id))!;
    expect(template.resources[version]).toMatchObject({ Type: 'AWS::Lambda::Version', DeletionPolicy: 'Retain' });
    expect(props(template, 'TallyAliaslive')).toMatchObject({ Name: 'live', FunctionVersion: { 'Fn::GetAtt': [version, 'Version'] } });
    expect(props(template, 'TallyCountPermission').FunctionName).toEqual({ Ref: 'TallyAliaslive' });
    expect(props(template, 'TallyFlow').DefinitionSubstitutions).toEqual({ definition_substitution_1: { Ref: 'TallyAliaslive' } });
  });

  test('the HTTP API gets its $default stage, auto-deployed and tagged as SAM tags it', () => {
    expect(template.resources.ServerlessHttpApiApiGatewayDefaultStage).toEqual({
      Type: 'AWS::ApiGatewayV2::Stage',
      Properties: { ApiId: { Ref: 'ServerlessHttpApi' }, StageName: '$default', Tags: { 'httpapi:createdBy': 'SAM' }, AutoDeploy: true },
    });
    expect(template.resources.ServerlessHttpApi.Type).toBe('AWS::ApiGatewayV2::Api');
  });

  test('the state machine keeps its logging and tracing, and its role trusts Step Functions with X-Ray added', () => {
    expect(props(template, 'TallyFlow')).toMatchObject({
      StateMachineType: 'EXPRESS', LoggingConfiguration: { Level: 'ALL' }, TracingConfiguration: { Enabled: true },
      RoleArn: { 'Fn::GetAtt': ['TallyFlowRole', 'Arn'] }, Tags: [{ Key: 'stateMachine:createdBy', Value: 'SAM' }],
    });
    expect(props(template, 'TallyFlowRole').ManagedPolicyArns).toEqual(['arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess']);
    expect(JSON.stringify(props(template, 'TallyFlowRole').AssumeRolePolicyDocument)).toContain('states.amazonaws.com');
  });

  test('with the language extensions first, only the SAM transform is removed', () => {
    expect(template.template.Transform).toEqual(['AWS::LanguageExtensions']);
  });
});

describe('other function events', () => {
  const dir = tempDir();
  const loaded = load(samTemplate(dir, {
    Uploads: { Type: 'AWS::S3::Bucket' },
    Alerts: { Type: 'AWS::SNS::Topic' },
    Intake: { Type: 'AWS::SQS::Queue' },
    Fn: fn({
      Events: {
        Upload: { Type: 'S3', Properties: { Bucket: { Ref: 'Uploads' }, Events: 's3:ObjectCreated:*' } },
        Alert: { Type: 'SNS', Properties: { Topic: { Ref: 'Alerts' } } },
        Nightly: { Type: 'Schedule', Properties: { Schedule: 'rate(1 day)', Enabled: false } },
        Queue: { Type: 'SQS', Properties: { Queue: { 'Fn::GetAtt': ['Intake', 'Arn'] }, BatchSize: 5 } },
      },
    }),
  }), dir);

  test('each makes what SAM makes, under SAM\'s ids, every permission limited to its source', () => {
    expect(Object.keys(loaded.resources).filter((id) => id.startsWith('Fn'))).toEqual([
      'Fn', 'FnRole', 'FnUploadPermission', 'FnAlertPermission', 'FnAlert', 'FnNightly', 'FnNightlyPermission', 'FnQueue',
    ]);
    expect(props(loaded, 'FnUploadPermission')).toMatchObject({ Principal: 's3.amazonaws.com', SourceAccount: { Ref: 'AWS::AccountId' } });
    expect(props(loaded, 'FnAlertPermission')).toMatchObject({ Principal: 'sns.amazonaws.com', SourceArn: { Ref: 'Alerts' } });
    expect(props(loaded, 'FnAlert')).toMatchObject({ Protocol: 'lambda', TopicArn: { Ref: 'Alerts' }, Endpoint: { 'Fn::GetAtt': ['Fn', 'Arn'] } });
    expect(props(loaded, 'FnNightly')).toMatchObject({ ScheduleExpression: 'rate(1 day)', State: 'DISABLED' });
    expect(props(loaded, 'FnNightlyPermission')).toMatchObject({ Principal: 'events.amazonaws.com', SourceArn: { 'Fn::GetAtt': ['FnNightly', 'Arn'] } });
    expect(props(loaded, 'FnQueue')).toMatchObject({ EventSourceArn: { 'Fn::GetAtt': ['Intake', 'Arn'] }, FunctionName: { Ref: 'Fn' }, BatchSize: 5 });
  });

  test('a queue event adds the managed policy SAM adds to the role; the bucket\'s notification is noted, not written', () => {
    expect(props(loaded, 'FnRole').ManagedPolicyArns).toContain('arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole');
    expect(loaded.expansionNotes).toEqual(["Fn: event Upload (S3): the bucket's notification configuration is not written into it"]);
  });
});

describe('a Role given as Fn::If with AWS::NoValue', () => {
  test('makes the generated role only where the branch is AWS::NoValue, under that condition', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'conditional.json'), JSON.stringify({
      Transform: 'AWS::Serverless-2016-10-31',
      Conditions: { OwnRole: { 'Fn::Equals': ['a', 'b'] } },
      Resources: { Fn: fn({ Role: { 'Fn::If': ['OwnRole', 'arn:aws:iam::111122223333:role/vendor', { Ref: 'AWS::NoValue' }] } }) },
    }));
    const loaded = load('conditional.json', dir);
    expect(props(loaded, 'Fn').Role).toEqual({ 'Fn::If': ['OwnRole', 'arn:aws:iam::111122223333:role/vendor', { 'Fn::GetAtt': ['FnRole', 'Arn'] }] });
    expect(loaded.resources.FnRole.Condition).toBe('NOTOwnRole');
    expect((loaded.template.Conditions as Record<string, unknown>).NOTOwnRole).toEqual({ 'Fn::Not': [{ Condition: 'OwnRole' }] });
  });
});

test('references to what SAM made, in each form SAM allows, name the resource it made', () => {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'refs.json'), JSON.stringify({
    Transform: 'AWS::Serverless-2016-10-31',
    Resources: {
      Fn: fn({ AutoPublishAlias: 'live', Events: { Get: { Type: 'Api', Properties: { Path: '/x', Method: 'get' } } } }),
      Notes: {
        Type: 'AWS::SSM::Parameter',
        Properties: {
          Type: 'String',
          Value: { 'Fn::Join': [' ', [{ Ref: 'Fn.Alias' }, { 'Fn::GetAtt': ['Fn.Alias', 'Name'] }, { 'Fn::GetAtt': 'Fn.Alias.Name' }, { Ref: 'ServerlessRestApi.Stage' }]] },
          Description: { 'Fn::Sub': '${Fn.Alias} ${Fn.Alias.Name}' },
        },
      },
    },
  }));
  const notes = props(load('refs.json', dir), 'Notes');
  expect(notes.Value).toEqual({ 'Fn::Join': [' ', [
    { Ref: 'FnAliaslive' }, { 'Fn::GetAtt': ['FnAliaslive', 'Name'] }, { 'Fn::GetAtt': ['FnAliaslive', 'Name'] }, { Ref: 'ServerlessRestApiProdStage' },
  ]] });
  expect(notes.Description).toEqual({ 'Fn::Sub': '${FnAliaslive} ${FnAliaslive.Name}' });
});

describe('what is not expanded', () => {
  test('other AWS::Serverless types stay as written, and what SAM would make but is not expanded is noted', () => {
    const dir = tempDir();
    const loaded = load(samTemplate(dir, {
      Layer: { Type: 'AWS::Serverless::LayerVersion', Properties: { ContentUri: 's3://b/layer.zip' } },
      Fn: fn({
        CodeUri: 'src/',
        Policies: [{ RekognitionLabelsPolicy: {} }],
        Events: { Skill: { Type: 'AlexaSkill', Properties: {} } },
      }),
    }), dir);
    expect(loaded.resources.Layer.Type).toBe('AWS::Serverless::LayerVersion');
    expect(loaded.expansionNotes).toEqual([
      'Fn: CodeUri src/ is a local path; judged as if `sam package` had uploaded it',
      'Fn: policy template RekognitionLabelsPolicy is not expanded; FnRole is judged without it',
      'Fn: event Skill of type AlexaSkill is not expanded; the resources it makes (permissions, mappings) are not judged',
    ]);
  });

  test('a policy that is no template SAM knows, nor a statement, is refused as SAM refuses it', () => {
    const dir = tempDir();
    samTemplate(dir, { Fn: fn({ Policies: [{ VoterTablePolicy: { TableName: 'v' } }] }) });
    expect(auditInProcess(['sam.json'], dir).stderr).toContain("resource 'Fn' (AWS::Serverless::Function): Policies[0] is not valid");
  });
});
