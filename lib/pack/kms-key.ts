import { referencedLogicalId } from './intrinsics';
import { StackTemplate } from './template-model';

const KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/;

/**
 * A reference to a KMS key of this template, or a literal key ARN. Aliases
 * (`alias/aws/dynamodb` is AWS-managed), parameters and imports cannot be
 * told apart from an AWS-managed key, so they do not count.
 */
export function isCustomerManagedKey(value: unknown, template: StackTemplate): boolean {
  const id = referencedLogicalId(value);
  if (id !== undefined) return template.get(id)?.type === 'AWS::KMS::Key';
  return typeof value === 'string' && KEY_ARN.test(value);
}
