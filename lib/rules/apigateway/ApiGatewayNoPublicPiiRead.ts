import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { isIntrinsic, isObject, literalBoolean, literalText } from '../../baseline/intrinsics';
import { renderSymbolic } from '../../baseline/symbolic-text';
import { referencedResourceOfType, referredResourcesOfType } from '../../pack/references';
import { rolePermissions } from '../../pack/role-permissions';
import { StackTemplate, TemplateResource, UNRESOLVED } from '../../pack/template-model';
import { DYNAMODB_READ_ACTIONS, readableStores, S3_READ_ACTIONS, voterPiiStores, VoterPiiStore } from '../../pack/voter-pii-reads';

const STORE_FINDING = 'Store::';
/** The finding for an integration, function or role the template does not resolve. */
const UNRESOLVED_FINDING = `${STORE_FINDING}unresolved`;

/**
 * A method anyone may call does not reach a role that can read voter PII. One finding per
 * store (`[Store::<logicalId>]`), so a waiver for an intended public lookup names the store.
 */
export const ApiGatewayNoPublicPiiRead: ElectionRule = {
  name: 'ApiGatewayNoPublicPiiRead',
  level: NagMessageLevel.ERROR,
  info:
    'A REST API method or HTTP API route with no authorizer and no API key invokes a function, or calls DynamoDB or S3 with a ' +
    'role, that can read a voter-PII (or unclassified) table or bucket of the template.',
  explanation:
    'Anyone on the internet can call a method without an authorizer; if its backend may read voter PII, one bug ' +
    'or injection dumps the voter file (Illinois 2016). Write-only backends pass. Waive for an intended public lookup.',
  controls: ['NIST-800-53-r5:AC-3', 'NIST-800-53-r5:AC-6', 'NIST-800-53-r5:SC-7', 'CISA-CPG:2.L', 'CISA-CPG:2.W', 'CIS-v8:3.3'],
  resourceTypes: ['AWS::ApiGateway::Method', 'AWS::ApiGatewayV2::Route'],
  waivable: true,
  check: (resource, template) => {
    const findings = publicPiiReads(resource, template);
    if (findings === undefined) return NagRuleCompliance.NOT_APPLICABLE;
    return findings.length > 0 ? NagRuleCompliance.NON_COMPLIANT : NagRuleCompliance.COMPLIANT;
  },
  granular: { findings: (resource, template) => publicPiiReads(resource, template) ?? [], describe: describeRead },
};

/** Service integrations that read: DynamoDB actions, and S3 actions or a GET on an S3 path. */
const SERVICE_READS: Record<string, readonly string[]> = {
  dynamodb: [...DYNAMODB_READ_ACTIONS.map(bareAction), 'TransactGetItems', 'ExecuteStatement', 'BatchExecuteStatement'],
  s3: S3_READ_ACTIONS.map(bareAction),
};

/** `Store::<id>` for each voter-PII store the public method's backend can read; undefined when the method is not public or reads nothing of the template. */
function publicPiiReads(resource: TemplateResource, template: StackTemplate): string[] | undefined {
  const p = resource.properties;
  if (typeof p.AuthorizationType === 'string' && p.AuthorizationType.toUpperCase() !== 'NONE') return undefined;
  if (literalBoolean(p.ApiKeyRequired) === true) return undefined;
  const stores = voterPiiStores(template);
  if (stores.length === 0) return undefined;
  return resource.type === 'AWS::ApiGatewayV2::Route' ? routeReads(p.Target, stores, template) : methodReads(p.Integration, stores, template);
}

/**
 * An HTTP API route reaches what its Target (`integrations/<id>`) names: a Lambda proxy
 * integration invokes the function of its IntegrationUri; a service subtype (SQS, EventBridge...)
 * or an HTTP proxy reads no store of the template by IAM.
 */
function routeReads(target: unknown, stores: readonly VoterPiiStore[], template: StackTemplate): string[] | undefined {
  if (target === undefined) return undefined;
  const integrations = referredResourcesOfType(target, 'AWS::ApiGatewayV2::Integration', template);
  if (integrations.length !== 1) return [UNRESOLVED_FINDING];
  const { IntegrationType: type, IntegrationSubtype: subtype, IntegrationUri: uri } = integrations[0].properties;
  if (typeof type !== 'string') return [UNRESOLVED_FINDING];
  if (type.toUpperCase() !== 'AWS_PROXY' || subtype !== undefined) return undefined;
  return functionReads(uri, stores, template);
}

function methodReads(integration: unknown, stores: readonly VoterPiiStore[], template: StackTemplate): string[] | undefined {
  if (integration === undefined) return undefined;
  if (!isObject(integration) || isIntrinsic(integration) || typeof integration.Type !== 'string') return [UNRESOLVED_FINDING];
  const type = integration.Type.toUpperCase();
  if (type !== 'AWS' && type !== 'AWS_PROXY') return undefined; // HTTP and MOCK reach nothing of the template by IAM
  const uri = uriText(integration.Uri, template);
  if (uri === undefined) return [UNRESOLVED_FINDING];
  if (/:lambda:path\//.test(uri)) return functionReads(integration.Uri, stores, template);
  const service = /:apigateway:[^:]*:([a-z0-9-]+):(action|path)\/(.*)$/.exec(uri);
  if (!service) return type === 'AWS_PROXY' ? [UNRESOLVED_FINDING] : undefined;
  const [, name, kind, rest] = service;
  const reads = SERVICE_READS[name];
  if (!reads) return undefined;
  const method = typeof integration.IntegrationHttpMethod === 'string' ? integration.IntegrationHttpMethod.toUpperCase() : undefined;
  const isRead = kind === 'action' ? reads.includes(rest.split(/[&?]/)[0]) : name === 's3' && method !== 'PUT' && method !== 'POST' && method !== 'DELETE';
  if (!isRead) return []; // a write the role cannot turn into a read: the action is fixed by the integration
  const role = referencedResourceOfType(integration.Credentials, 'AWS::IAM::Role', template);
  return role === undefined ? [UNRESOLVED_FINDING] : roleReads(role, stores.filter((s) => s.service === name), template);
}

/** The Uri as text: resources as `{Id}`, pseudo parameters and anything else unresolved as `x`. */
function uriText(uri: unknown, template: StackTemplate): string | undefined {
  const text = renderSymbolic(uri, template) ?? (isObject(uri) ? literalText(uri) : undefined);
  return text?.replace(/<[^>]*>/g, 'x');
}

/** What the functions a Lambda integration invokes can read: each function of the template its Uri names, directly or through an alias or version. */
function functionReads(uri: unknown, stores: readonly VoterPiiStore[], template: StackTemplate): string[] {
  const functions = referredResourcesOfType(uri, 'AWS::Lambda::Function', template);
  for (const pointer of [...referredResourcesOfType(uri, 'AWS::Lambda::Alias', template), ...referredResourcesOfType(uri, 'AWS::Lambda::Version', template)]) {
    functions.push(...referredResourcesOfType(pointer.properties.FunctionName, 'AWS::Lambda::Function', template));
  }
  if (functions.length === 0) return [UNRESOLVED_FINDING];
  const findings = functions.flatMap((f) => {
    const role = referencedResourceOfType(f.properties.Role, 'AWS::IAM::Role', template);
    return role === undefined ? [UNRESOLVED_FINDING] : roleReads(role, stores, template);
  });
  return [...new Set(findings)].sort();
}

function roleReads(roleId: string, stores: readonly VoterPiiStore[], template: StackTemplate): string[] {
  const permissions = rolePermissions(roleId, template);
  if (permissions === UNRESOLVED) return [UNRESOLVED_FINDING];
  return readableStores(permissions, stores, template).map((s) => `${STORE_FINDING}${s.resource.logicalId}`);
}

function describeRead(finding: string): string {
  if (finding === UNRESOLVED_FINDING) {
    return 'The public method\'s integration, function or role is not one the template resolves (a parameter, an import, a ' +
      'function outside the template), so it may read voter PII: put an authorizer on the method or give it a backend of the template.';
  }
  const store = finding.slice(STORE_FINDING.length);
  return `The method has no authorizer and its backend can read voter-PII store ${store}: put an authorizer on it, make the ` +
    'backend write-only, or acknowledge this finding for an intended public lookup.';
}

function bareAction(action: string): string {
  return action.slice(action.indexOf(':') + 1);
}

