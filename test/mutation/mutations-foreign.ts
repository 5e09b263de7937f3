import type { Mutation } from './mutations';
import { Json, list, obj, props } from './template-edits';

/**
 * Access from outside the agency (issue 12): a grant to another AWS account
 * added to a policy our constructs write, or a replication or permission
 * pointed at one. The foreign-account rules must catch each.
 */

const FOREIGN = '999999999999';
const FOREIGN_ROOT = `arn:aws:iam::${FOREIGN}:root`;

/** Appends a statement to the policy document at `key`. */
function addStatement(r: Parameters<Mutation['edit']>[0], key: string, statement: Json): void {
  const document = obj(props(r)[key]);
  document.Statement = [...list(document.Statement), statement];
}

export const FOREIGN_MUTATIONS: readonly Mutation[] = [
  {
    name: 'foreign s3: bucket policy lets another account read',
    type: 'AWS::S3::BucketPolicy',
    edit: (r) => addStatement(r, 'PolicyDocument', { Effect: 'Allow', Principal: { AWS: FOREIGN_ROOT }, Action: 's3:GetObject', Resource: '*' }),
  },
  {
    name: 'foreign s3: replication to another account',
    type: 'AWS::S3::Bucket',
    edit: (r) =>
      (props(r).ReplicationConfiguration = {
        Role: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/replication' },
        Rules: [{ Status: 'Enabled', Destination: { Bucket: 'arn:aws:s3:::vendor-copy', Account: FOREIGN, AccessControlTranslation: { Owner: 'Destination' } } }],
      }),
  },
  {
    name: 'foreign kms: key policy lets another account decrypt',
    type: 'AWS::KMS::Key',
    edit: (r) => addStatement(r, 'KeyPolicy', { Effect: 'Allow', Principal: { AWS: FOREIGN_ROOT }, Action: 'kms:Decrypt', Resource: '*' }),
  },
  {
    name: 'foreign sns: topic policy lets another account subscribe',
    type: 'AWS::SNS::TopicPolicy',
    edit: (r) => addStatement(r, 'PolicyDocument', { Effect: 'Allow', Principal: { AWS: FOREIGN }, Action: 'sns:Subscribe', Resource: list(props(r).Topics)[0] }),
  },
  {
    name: 'foreign dynamodb: table resource policy lets another account read',
    type: 'AWS::DynamoDB::Table',
    edit: (r) =>
      (props(r).ResourcePolicy = {
        PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: FOREIGN_ROOT }, Action: 'dynamodb:GetItem', Resource: '*' }] },
      }),
  },
  {
    name: 'foreign lambda: another account may invoke',
    type: 'AWS::Lambda::Permission',
    edit: (r) => {
      props(r).Principal = FOREIGN;
      delete props(r).SourceArn;
    },
  },
];
