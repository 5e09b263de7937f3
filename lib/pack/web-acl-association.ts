import { AttachmentKind, attachedUnder, attachedUnderAny } from './attachments';
import { referencedLogicalId } from '../baseline/intrinsics';
import { renderSymbolic } from '../baseline/symbolic-text';
import { getAttAttribute, referencedResourceOfType } from './references';
import { StackTemplate, TemplateResource } from './template-model';

/**
 * Which regional resources an `AWS::WAFv2::WebACLAssociation` of the template
 * puts behind a web ACL: one reader for every rule that requires one
 * (API Gateway stages, Cognito user pools); and a web ACL's logging
 * configurations. Indexed once per template.
 */

const WAFV2_REGIONAL_ARN = /^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\d{12}:regional\/webacl\/[^/]+\/[A-Za-z0-9-]+$/;
const USER_POOL_ARN = /^arn:.*:cognito-idp:.*:userpool\/\{([^}.]+)\}$/;
const STAGE_ARN = /\/restapis\/([^/]+)\/stages\/([^/]+)$/;

/** Whether a `WebACLArn` names a web ACL: a web ACL's GetAtt Arn, or a literal regional web ACL ARN. */
export function namesWebAcl(arn: unknown, template: StackTemplate): boolean {
  if (typeof arn === 'string') return WAFV2_REGIONAL_ARN.test(arn);
  return referencedResourceOfType(arn, 'AWS::WAFv2::WebACL', template) !== undefined && getAttAttribute(arn) === 'Arn';
}

/**
 * Whether an association puts the user pool with this logical id behind a web
 * ACL: its `ResourceArn` is the pool's GetAtt Arn, or an ARN ending
 * `userpool/<the pool's Ref>`.
 */
export function webAclAssociatedWithUserPool(template: StackTemplate, poolLogicalId: string): boolean {
  return attachedUnderAny(template, ASSOCIATIONS, [arnOfKey(poolLogicalId), userPoolKey(poolLogicalId)]).length > 0;
}

/**
 * Whether an association puts a REST API stage behind a web ACL: its
 * `ResourceArn` renders as `.../restapis/<restApi>/stages/<one of stageNames>`,
 * `restApi` and the names as `renderSymbolic` writes them (`{Api}`, `{Stage}`, `prod`).
 */
export function webAclAssociatedWithStage(template: StackTemplate, restApi: string, stageNames: readonly string[]): boolean {
  return attachedUnderAny(template, ASSOCIATIONS, stageNames.map((stage) => stageKey(restApi, stage))).length > 0;
}

const ASSOCIATIONS: AttachmentKind = {
  types: ['AWS::WAFv2::WebACLAssociation'],
  keys: associationKeys,
};

/** What one association's ResourceArn names, when its WebACLArn names a web ACL. */
function associationKeys(association: TemplateResource, template: StackTemplate): string[] {
  const { ResourceArn: arn, WebACLArn: webAcl } = association.properties;
  if (!namesWebAcl(webAcl, template)) return [];
  const keys: string[] = [];
  const id = referencedLogicalId(arn);
  if (id !== undefined && getAttAttribute(arn) === 'Arn') keys.push(arnOfKey(id));
  const text = renderSymbolic(arn, template);
  if (text === undefined) return keys;
  const pool = USER_POOL_ARN.exec(text);
  if (pool) keys.push(userPoolKey(pool[1]));
  const stage = STAGE_ARN.exec(text);
  if (stage) keys.push(stageKey(stage[1], stage[2]));
  return keys;
}

const arnOfKey = (logicalId: string) => `arn-of:${logicalId}`;
const userPoolKey = (logicalId: string) => `userpool:${logicalId}`;
const stageKey = (restApi: string, stage: string) => `stage:${restApi}\n${stage}`;

/** Logging configurations, under the web ACL whose GetAtt Arn is their ResourceArn. */
const LOGGING_CONFIGURATIONS: AttachmentKind = {
  types: ['AWS::WAFv2::LoggingConfiguration'],
  keys: (config, template) => {
    const arn = config.properties.ResourceArn;
    const id = referencedResourceOfType(arn, 'AWS::WAFv2::WebACL', template);
    return id !== undefined && getAttAttribute(arn) === 'Arn' ? [id] : [];
  },
};

/** The `AWS::WAFv2::LoggingConfiguration`s of the template for the web ACL with this logical id (by its GetAtt Arn). */
export function webAclLoggingConfigurations(template: StackTemplate, webAclLogicalId: string): readonly TemplateResource[] {
  return attachedUnder(template, LOGGING_CONFIGURATIONS, webAclLogicalId);
}
