import { actionPatternMatches } from './policy-document';
import { bucketNameText, renderText } from './arn-text';
import { asList, isObject, JsonObject } from '../baseline/intrinsics';
import { StackTemplate } from './template-model';

/**
 * Whether an identity-policy statement's resources may reach a bucket of the
 * template, or its objects: `*`, `NotResource`, an ARN pattern that matches
 * the bucket's ARN however the template spells it, a wildcard bucket name
 * that may match the name CloudFormation generates, or a value the template
 * does not resolve (a parameter, `Fn::If`: fail closed). Another stack's
 * output (`Fn::ImportValue`, `Fn::GetStackOutput`) names that stack's
 * resource, never one of this template.
 */
export function statementReachesBucket(statement: JsonObject, bucketLogicalId: string, template: StackTemplate): boolean {
  if (statement.NotResource !== undefined || statement.Resource === undefined) return true;
  const name = bucketNameText(bucketLogicalId, template);
  const bucketArn = `arn:aws:s3:::${name}`;
  return asList(statement.Resource).some((entry) => {
    if (isImport(entry)) return false;
    const text = renderText(entry, template);
    if (text === undefined) return true;
    const arn = text.replace(/^arn:aws[a-z-]*:/, 'arn:aws:');
    if (arn.trim() === '*') return true;
    if (actionPatternMatches(arn, bucketArn) || actionPatternMatches(arn, `${bucketArn}/any-object`)) return true;
    const bucketPart = arn.startsWith('arn:aws:s3:::') ? arn.slice('arn:aws:s3:::'.length).split('/')[0] : '';
    return /[*?]/.test(bucketPart) && name.startsWith('<bucket:');
  });
}

function isImport(value: unknown): boolean {
  return isObject(value) && ('Fn::ImportValue' in value || 'Fn::GetStackOutput' in value);
}
