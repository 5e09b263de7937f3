import { isObject } from './intrinsics';
import { StackTemplate } from './template-model';

/**
 * Renders an ARN or name written with intrinsics (`Fn::GetAtt`, `Ref`,
 * `Fn::Join`, `Fn::Sub`) as text, so that policy resources can be matched
 * against buckets with IAM's wildcard rules whichever way a template spells
 * them. A bucket of the template renders as its literal `BucketName`, or as
 * `<bucket:LogicalId>` when CloudFormation names it. Returns undefined for
 * anything that cannot be rendered (a parameter, an import): callers fail closed.
 */
export function renderText(value: unknown, template: StackTemplate): string | undefined {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return undefined;
  if (typeof value.Ref === 'string') return renderRef(value.Ref, template);
  const getAtt = value['Fn::GetAtt'];
  if (getAtt !== undefined) {
    const [id, attribute] = Array.isArray(getAtt) ? getAtt : String(getAtt).split('.');
    return typeof id === 'string' && typeof attribute === 'string' ? renderAttribute(id, attribute, template) : undefined;
  }
  const join = value['Fn::Join'];
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
    const parts = (join[1] as unknown[]).map((part) => renderText(part, template));
    return parts.every((p) => p !== undefined) ? parts.join(join[0]) : undefined;
  }
  const sub = value['Fn::Sub'];
  if (typeof sub === 'string') return renderSub(sub, template);
  return undefined;
}

/** The text a bucket of the template renders as. */
export function bucketNameText(bucketLogicalId: string, template: StackTemplate): string {
  const name = template.get(bucketLogicalId)?.properties.BucketName;
  return typeof name === 'string' ? name : `<bucket:${bucketLogicalId}>`;
}

const PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::AccountId': '<account>',
  'AWS::Region': '<region>',
  'AWS::StackName': '<stack-name>',
};

function renderRef(id: string, template: StackTemplate): string | undefined {
  if (id in PSEUDO) return PSEUDO[id];
  return template.get(id)?.type === 'AWS::S3::Bucket' ? bucketNameText(id, template) : undefined;
}

function renderAttribute(id: string, attribute: string, template: StackTemplate): string | undefined {
  if (template.get(id)?.type !== 'AWS::S3::Bucket') return undefined;
  if (attribute === 'Arn') return `arn:aws:s3:::${bucketNameText(id, template)}`;
  return undefined;
}

function renderSub(text: string, template: StackTemplate): string | undefined {
  let failed = false;
  const rendered = text.replace(/\$\{([^}!][^}]*)\}/g, (_, expression: string) => {
    const [id, attribute] = expression.split('.');
    const value = attribute ? renderAttribute(id, attribute, template) : renderRef(id, template);
    if (value === undefined) failed = true;
    return value ?? '';
  });
  return failed ? undefined : rendered;
}
