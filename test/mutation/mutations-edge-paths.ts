import { CfnResource } from './construct-templates';
import type { Mutation } from './mutations';
import { Json, list, obj, props } from './template-edits';

/**
 * Weakenings through a second path or origin (issue 12): a behavior or origin added beside
 * secure ones, without their protections, and a public method's backend that can read voter PII.
 */

const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

const config = (r: CfnResource): Json => obj(props(r).DistributionConfig);
const defaultBehavior = (r: CfnResource): Json => obj(config(r).DefaultCacheBehavior);
const behaviors = (r: CfnResource): Json[] => [defaultBehavior(r), ...list(config(r).CacheBehaviors)];
const takesWrites = (b: Json) => list(b.AllowedMethods as unknown).some((m) => WRITE_METHODS.includes(String(m)));

/** Adds a path behavior: the default's settings, changed by `change`. */
function addBehavior(r: CfnResource, change: Json): void {
  const { TargetOriginId, ViewerProtocolPolicy, CachePolicyId, ResponseHeadersPolicyId } = defaultBehavior(r);
  const added = { PathPattern: '/live/*', TargetOriginId, ViewerProtocolPolicy, CachePolicyId, ResponseHeadersPolicyId, Compress: true, ...change };
  for (const key of Object.keys(added)) if ((added as Json)[key] === undefined) delete (added as Json)[key];
  config(r).CacheBehaviors = [...list(config(r).CacheBehaviors), added];
}

/** Adds an origin and a path behavior that reaches it. */
function addOrigin(r: CfnResource, origin: Json): void {
  config(r).Origins = [...list(config(r).Origins), { Id: 'second', ...origin }];
  addBehavior(r, { PathPattern: '/second/*', TargetOriginId: 'second' });
}

const s3Origin = (r: CfnResource) => list(config(r).Origins).find((o) => o.OriginAccessControlId !== undefined);

/** The portal's write-only grant to its handler: the statement a read is slipped into. */
const storeStatement = (r: CfnResource) => list(obj(props(r).PolicyDocument).Statement).find((s) => s.Sid === 'StoreSubmissions');

export const EDGE_PATH_MUTATIONS: readonly Mutation[] = [
  {
    // `cloudfront results:` only on results sites: the portal's write API may skip the cache.
    name: 'cloudfront results: uncached extra path on a site that takes no writes',
    type: 'AWS::CloudFront::Distribution',
    applies: (r) => !behaviors(r).some(takesWrites),
    edit: (r) => addBehavior(r, { CachePolicyId: CACHING_DISABLED }),
  },
  {
    name: 'cloudfront: extra path over plain HTTP',
    type: 'AWS::CloudFront::Distribution',
    edit: (r) => addBehavior(r, { ViewerProtocolPolicy: 'allow-all' }),
  },
  {
    name: 'cloudfront: extra path without the headers policy (no HSTS)',
    type: 'AWS::CloudFront::Distribution',
    edit: (r) => addBehavior(r, { ResponseHeadersPolicyId: undefined }),
  },
  {
    name: 'cloudfront: second origin reached over HTTP',
    type: 'AWS::CloudFront::Distribution',
    edit: (r) => addOrigin(r, { DomainName: 'legacy-results.example.gov', CustomOriginConfig: { OriginProtocolPolicy: 'http-only', OriginSSLProtocols: ['TLSv1.2'] } }),
  },
  {
    name: 'cloudfront: second S3 origin without OAC',
    type: 'AWS::CloudFront::Distribution',
    applies: (r) => s3Origin(r) !== undefined,
    edit: (r) => {
      const { OriginAccessControlId: _oac, Id: _id, ...rest } = s3Origin(r)!;
      addOrigin(r, rest);
    },
  },
  {
    name: 'apigateway: public handler may read submissions back (GetItem)',
    type: 'AWS::IAM::ManagedPolicy',
    applies: (r) => storeStatement(r) !== undefined,
    edit: (r) => (storeStatement(r)!.Action = ['dynamodb:PutItem', 'dynamodb:GetItem']),
  },
  {
    name: 'apigateway: public handler may query the voter table',
    type: 'AWS::IAM::ManagedPolicy',
    applies: (r) => storeStatement(r) !== undefined,
    edit: (r) => {
      const statement = storeStatement(r)!;
      obj(props(r).PolicyDocument).Statement = [...list(obj(props(r).PolicyDocument).Statement), { Effect: 'Allow', Action: 'dynamodb:Query', Resource: statement.Resource }];
    },
  },
];
