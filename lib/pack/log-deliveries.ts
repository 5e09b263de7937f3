import { AttachmentKind, attachedUnder, attachedUnderAny } from './attachments';
import { at, referencedLogicalId } from '../baseline/intrinsics';
import { renderSymbolic } from '../baseline/symbolic-text';
import { referredLogicalIds } from './references';
import { StackTemplate, TemplateResource } from './template-model';

/**
 * Where the template sends a resource's logs, indexed once per template:
 * vended log deliveries (CloudWatch Logs `DeliverySource` → `Delivery` →
 * `DeliveryDestination`), and the buckets trails, Config and CloudFront's
 * legacy logging write to.
 */

/** Access-log delivery sources, under each logical id their ResourceArn refers to. */
const ACCESS_LOG_SOURCES: AttachmentKind = {
  types: ['AWS::Logs::DeliverySource'],
  keys: (source) => (source.properties.LogType === 'ACCESS_LOGS' ? [...referredLogicalIds(source.properties.ResourceArn)] : []),
};

/** Deliveries with a destination the template renders, under the source they name (literal name or reference). */
const DELIVERIES: AttachmentKind = {
  types: ['AWS::Logs::Delivery'],
  keys: (delivery, template) => {
    const { DeliverySourceName: sourceName, DeliveryDestinationArn: destination } = delivery.properties;
    const rendered = renderSymbolic(destination, template);
    if (rendered === undefined || rendered === '') return []; // absent, a parameter or an import
    const id = referencedLogicalId(sourceName);
    return [...nameKeys(sourceName), ...(id !== undefined ? [`id:${id}`] : [])];
  },
};

/** Whether a vended delivery of the template sends the access logs of the resource with this logical id somewhere the template names. */
export function hasVendedAccessLogDelivery(template: StackTemplate, logicalId: string): boolean {
  const sources = attachedUnder(template, ACCESS_LOG_SOURCES, logicalId);
  const keys = sources.flatMap((source) => [...nameKeys(source.properties.Name), `id:${source.logicalId}`]);
  return attachedUnderAny(template, DELIVERIES, keys).length > 0;
}

/** Delivery destinations, under the bucket their DestinationResourceArn names. */
const BUCKET_DESTINATIONS: AttachmentKind = {
  types: ['AWS::Logs::DeliveryDestination'],
  keys: (destination, template) => bucketKeys(template.bucketIdOf(destination.properties.DestinationResourceArn)),
};

/** Whether an `AWS::Logs::DeliveryDestination` of the template names the bucket with this logical id. */
export function namedByDeliveryDestination(template: StackTemplate, bucketLogicalId: string): boolean {
  return attachedUnder(template, BUCKET_DESTINATIONS, bucketLogicalId).length > 0;
}

/** Trails and Config delivery channels, under the bucket their S3BucketName names. */
const AUDIT_LOG_WRITERS: AttachmentKind = {
  types: ['AWS::CloudTrail::Trail', 'AWS::Config::DeliveryChannel'],
  keys: (writer, template) => bucketKeys(template.bucketIdOf(writer.properties.S3BucketName)),
};

/** The trails and Config delivery channels of the template that write to the bucket with this logical id. */
export function auditLogWritersOf(template: StackTemplate, bucketLogicalId: string): readonly TemplateResource[] {
  return attachedUnder(template, AUDIT_LOG_WRITERS, bucketLogicalId);
}

/**
 * Distributions, under what their legacy `Logging.Bucket` names: `name:<n>`
 * for each bucket name `n` a literal domain may start with (`<n>.s3...`), and
 * `id:<id>` for each resource a reference refers to.
 */
const LEGACY_CLOUDFRONT_LOGGING: AttachmentKind = {
  types: ['AWS::CloudFront::Distribution'],
  keys: (distribution) => {
    const target = at(distribution.properties, 'DistributionConfig', 'Logging', 'Bucket');
    if (typeof target !== 'string') return [...referredLogicalIds(target)].map((id) => `id:${id}`);
    const keys: string[] = [];
    for (let i = target.indexOf('.s3'); i >= 0; i = target.indexOf('.s3', i + 1)) keys.push(`name:${target.slice(0, i)}`);
    return keys;
  },
};

/** Whether a distribution's legacy `Logging.Bucket` names this bucket (`<BucketName>.s3...`, or a reference to it). */
export function namedByLegacyCloudFrontLogging(template: StackTemplate, bucket: TemplateResource): boolean {
  const name = bucket.properties.BucketName;
  const keys = [`id:${bucket.logicalId}`, ...(typeof name === 'string' ? [`name:${name}`] : [])];
  return attachedUnderAny(template, LEGACY_CLOUDFRONT_LOGGING, keys).length > 0;
}

/** A delivery names its source by value (`===`): a primitive name, absent included, is a key; an object never equals another. */
function nameKeys(name: unknown): string[] {
  return name === null || typeof name !== 'object' ? [`name:${typeof name}:${String(name)}`] : [];
}

function bucketKeys(bucketId: string | undefined): string[] {
  return bucketId === undefined ? [] : [bucketId];
}
