import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { hardenedKeyProps } from './bucket-defaults';

/**
 * A customer-managed key with yearly rotation, kept on stack delete, whose
 * policy lets only AWS services create grants on it (Control Tower CT.KMS.PR.3).
 * A grant is a second, quieter way to hand out decrypt rights: an intruder who
 * can create grants can give a ransomware role access to voter PII without
 * touching the key policy an auditor reads (NIST AC-6, SC-12).
 */
export function createHardenedKey(scope: Construct, id: string, description: string): kms.Key {
  const key = new kms.Key(scope, id, hardenedKeyProps(description));
  limitGrantsToAwsServices(key);
  return key;
}

/** Denies kms:CreateGrant unless an AWS service asks for it on behalf of an AWS resource. */
export function limitGrantsToAwsServices(key: kms.Key): void {
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'CreateGrantOnlyForAwsServices',
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: {
        BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' },
      },
    }),
  );
}
