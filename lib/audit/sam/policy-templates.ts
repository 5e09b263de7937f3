import { JsonObject } from '../../baseline/intrinsics';

/**
 * SAM policy templates (`Policies: [{ DynamoDBCrudPolicy: { TableName: !Ref Votes } }]`):
 * the statements the common ones grant, written from the SAM policy template
 * reference (docs.aws.amazon.com/serverless-application-model, "Policy
 * template list"). Each resource ARN is a `Fn::Sub` whose variable is the
 * parameter's value, as SAM writes it.
 */
interface PolicyTemplate {
  /** The template's parameters: name in the template → variable in the ARNs. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly statements: ReadonlyArray<{ readonly actions: readonly string[]; readonly resources: readonly string[] }>;
}

const ARN = 'arn:${AWS::Partition}';
const REGIONAL = (service: string) => `${ARN}:${service}:\${AWS::Region}:\${AWS::AccountId}`;
const TABLE = [`${REGIONAL('dynamodb')}:table/\${tableName}`, `${REGIONAL('dynamodb')}:table/\${tableName}/index/*`];
const BUCKET = [`${ARN}:s3:::\${bucketName}`, `${ARN}:s3:::\${bucketName}/*`];
const S3_READ = ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation', 's3:GetObjectVersion', 's3:GetLifecycleConfiguration'];
const S3_WRITE = ['s3:PutObject', 's3:PutObjectAcl', 's3:PutLifecycleConfiguration'];

const EXPANDED: Readonly<Record<string, PolicyTemplate>> = {
  DynamoDBCrudPolicy: {
    parameters: { TableName: 'tableName' },
    statements: [{
      actions: ['dynamodb:GetItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:UpdateItem',
        'dynamodb:BatchWriteItem', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable', 'dynamodb:ConditionCheckItem'],
      resources: TABLE,
    }],
  },
  DynamoDBReadPolicy: {
    parameters: { TableName: 'tableName' },
    statements: [{ actions: ['dynamodb:GetItem', 'dynamodb:Scan', 'dynamodb:Query', 'dynamodb:BatchGetItem', 'dynamodb:DescribeTable'], resources: TABLE }],
  },
  DynamoDBWritePolicy: {
    parameters: { TableName: 'tableName' },
    statements: [{ actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:BatchWriteItem'], resources: TABLE }],
  },
  S3ReadPolicy: { parameters: { BucketName: 'bucketName' }, statements: [{ actions: S3_READ, resources: BUCKET }] },
  S3WritePolicy: { parameters: { BucketName: 'bucketName' }, statements: [{ actions: S3_WRITE, resources: BUCKET }] },
  S3CrudPolicy: { parameters: { BucketName: 'bucketName' }, statements: [{ actions: [...S3_READ, ...S3_WRITE, 's3:DeleteObject'], resources: BUCKET }] },
  S3FullAccessPolicy: {
    parameters: { BucketName: 'bucketName' },
    statements: [
      {
        actions: ['s3:GetObject', 's3:GetObjectAcl', 's3:GetObjectVersion', 's3:PutObject', 's3:PutObjectAcl', 's3:DeleteObject',
          's3:DeleteObjectTagging', 's3:DeleteObjectVersionTagging', 's3:GetObjectTagging', 's3:GetObjectVersionTagging',
          's3:PutObjectTagging', 's3:PutObjectVersionTagging'],
        resources: [`${ARN}:s3:::\${bucketName}/*`],
      },
      { actions: ['s3:ListBucket', 's3:GetBucketLocation', 's3:GetLifecycleConfiguration', 's3:PutLifecycleConfiguration'], resources: [`${ARN}:s3:::\${bucketName}`] },
    ],
  },
  SQSSendMessagePolicy: { parameters: { QueueName: 'queueName' }, statements: [{ actions: ['sqs:SendMessage*'], resources: [`${REGIONAL('sqs')}:\${queueName}`] }] },
  SQSPollerPolicy: {
    parameters: { QueueName: 'queueName' },
    statements: [{
      actions: ['sqs:ChangeMessageVisibility', 'sqs:ChangeMessageVisibilityBatch', 'sqs:DeleteMessage', 'sqs:DeleteMessageBatch',
        'sqs:GetQueueAttributes', 'sqs:ReceiveMessage'],
      resources: [`${REGIONAL('sqs')}:\${queueName}`],
    }],
  },
  SNSPublishMessagePolicy: { parameters: { TopicName: 'topicName' }, statements: [{ actions: ['sns:Publish'], resources: [`${REGIONAL('sns')}:\${topicName}`] }] },
  LambdaInvokePolicy: {
    parameters: { FunctionName: 'functionName' },
    statements: [{ actions: ['lambda:InvokeFunction'], resources: [`${REGIONAL('lambda')}:function:\${functionName}*`] }],
  },
  KMSDecryptPolicy: { parameters: { KeyId: 'keyId' }, statements: [{ actions: ['kms:Decrypt'], resources: [`${REGIONAL('kms')}:key/\${keyId}`] }] },
  KMSEncryptPolicy: { parameters: { KeyId: 'keyId' }, statements: [{ actions: ['kms:Encrypt'], resources: [`${REGIONAL('kms')}:key/\${keyId}`] }] },
  SSMParameterReadPolicy: {
    parameters: { ParameterName: 'parameterName' },
    statements: [
      { actions: ['ssm:DescribeParameters'], resources: ['*'] },
      { actions: ['ssm:GetParameters', 'ssm:GetParameter', 'ssm:GetParametersByPath'], resources: [`${REGIONAL('ssm')}:parameter/\${parameterName}`] },
    ],
  },
  AWSSecretsManagerGetSecretValuePolicy: { parameters: { SecretArn: 'secretArn' }, statements: [{ actions: ['secretsmanager:GetSecretValue'], resources: ['${secretArn}'] }] },
  StepFunctionsExecutionPolicy: {
    parameters: { StateMachineName: 'stateMachineName' },
    statements: [{ actions: ['states:StartExecution'], resources: [`${REGIONAL('states')}:stateMachine:\${stateMachineName}`] }],
  },
  EventBridgePutEventsPolicy: {
    parameters: { EventBusName: 'eventBusName' },
    statements: [{ actions: ['events:PutEvents'], resources: [`${REGIONAL('events')}:event-bus/\${eventBusName}`] }],
  },
  CloudWatchPutMetricPolicy: { parameters: {}, statements: [{ actions: ['cloudwatch:PutMetricData'], resources: ['*'] }] },
  VPCAccessPolicy: {
    parameters: {},
    statements: [{
      actions: ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DetachNetworkInterface'],
      resources: ['*'],
    }],
  },
};

/** Every policy template SAM knows (v1.x): a name outside this list is refused by SAM as an invalid policy. */
const SAM_POLICY_TEMPLATES = new Set([
  ...Object.keys(EXPANDED),
  'AMIDescribePolicy', 'AWSSecretsManagerRotationPolicy', 'AcmGetCertificatePolicy', 'AthenaQueryPolicy', 'CloudFormationDescribeStacksPolicy',
  'CloudWatchDashboardPolicy', 'CloudWatchDescribeAlarmHistoryPolicy', 'CodeCommitCrudPolicy', 'CodeCommitReadPolicy',
  'CodePipelineLambdaExecutionPolicy', 'CodePipelineReadOnlyPolicy', 'ComprehendBasicAccessPolicy', 'CostExplorerReadOnlyPolicy',
  'DynamoDBBackupFullAccessPolicy', 'DynamoDBReconfigurePolicy', 'DynamoDBRestoreFromBackupPolicy', 'DynamoDBStreamReadPolicy',
  'EC2CopyImagePolicy', 'EC2DescribePolicy', 'EFSWriteAccessPolicy', 'EKSDescribePolicy', 'EcsRunTaskPolicy',
  'ElasticMapReduceAddJobFlowStepsPolicy', 'ElasticMapReduceCancelStepsPolicy', 'ElasticMapReduceModifyInstanceFleetPolicy',
  'ElasticMapReduceModifyInstanceGroupsPolicy', 'ElasticMapReduceSetTerminationProtectionPolicy', 'ElasticMapReduceTerminateJobFlowsPolicy',
  'ElasticsearchHttpPostPolicy', 'FilterLogEventsPolicy', 'FirehoseCrudPolicy', 'FirehoseWritePolicy', 'KMSEncryptPolicy_v2',
  'KinesisCrudPolicy', 'KinesisStreamReadPolicy', 'MobileAnalyticsWriteOnlyAccessPolicy', 'OrganizationsListAccountsPolicy',
  'PinpointEndpointAccessPolicy', 'PollyFullAccessPolicy', 'RekognitionDetectOnlyPolicy', 'RekognitionFacesManagementPolicy',
  'RekognitionFacesPolicy', 'RekognitionLabelsPolicy', 'RekognitionNoDataAccessPolicy', 'RekognitionReadPolicy',
  'RekognitionWriteOnlyAccessPolicy', 'Route53ChangeResourceRecordSetsPolicy', 'SESBulkTemplatedCrudPolicy', 'SESBulkTemplatedCrudPolicy_v2',
  'SESCrudPolicy', 'SESEmailTemplateCrudPolicy', 'SESSendBouncePolicy', 'SNSCrudPolicy', 'SSMParameterWithSlashPrefixReadPolicy',
  'SageMakerCreateEndpointConfigPolicy', 'SageMakerCreateEndpointPolicy', 'ServerlessRepoReadWriteAccessPolicy',
  'StepFunctionsCallbackPolicy', 'StepFunctionsExecutionPolicy_v2', 'TextractDetectAnalyzePolicy', 'TextractGetResultPolicy', 'TextractPolicy',
]);

/** Whether `{ Name: {...} }` names a SAM policy template. */
export function isPolicyTemplate(name: string): boolean {
  return SAM_POLICY_TEMPLATES.has(name);
}

/**
 * The policy document a template grants with these parameter values;
 * a missing parameter is the reason SAM refuses it. Undefined for a template
 * SAM knows that is not expanded here (see EXPANDED).
 */
export function policyTemplateDocument(name: string, values: JsonObject): { document?: JsonObject; missing?: string } {
  const template = EXPANDED[name];
  if (!template) return {};
  const variables: JsonObject = {};
  for (const [parameter, variable] of Object.entries(template.parameters)) {
    if (values[parameter] === undefined) return { missing: parameter };
    variables[variable] = values[parameter];
  }
  const arn = (resource: string) => (resource === '*' ? resource : { 'Fn::Sub': [resource, variables] });
  return {
    document: {
      Statement: template.statements.map((s) => ({ Effect: 'Allow', Action: [...s.actions], Resource: s.resources.map(arn) })),
    },
  };
}
