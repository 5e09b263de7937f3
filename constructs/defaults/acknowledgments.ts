import { IConstruct } from 'constructs';
import { recordWaiver } from '../../lib/waiver-record';

/**
 * The findings of cdk-nag's anchor packs that this library's constructs
 * acknowledge themselves, each with its reason. Each construct's page lists
 * those it makes under "Acknowledgments it makes" (docs/constructs/, generated
 * by `npm run docs`); docs/reference-app.md, "Known acknowledgments", explains them.
 */
export const BUCKET_REPLICATION_ACK = {
  id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
  reason:
    'Replication needs a destination in a second Region and recovery account chosen by the agency; in-Region ' +
    'recovery is covered by versioning, Object Lock COMPLIANCE on records and RETAIN (NIST CP-9, CP-10).',
};

/**
 * Acknowledges `acks` on `scope` with CDK's Validations, where cdk-nag v3 and
 * the audit read them, each recorded in the waiver register as made by the
 * library (`origin: 'library'`), so reports tell the library's own waivers
 * from the agency's.
 */
export function acknowledge(scope: IConstruct, ...acks: Array<{ id: string; reason: string }>): void {
  for (const ack of acks) recordWaiver(scope, ack.id, ack.reason, { origin: 'library' });
}

/**
 * Acknowledges a named opt-out the agency asked for through a prop
 * (`stagingTeardown`, `geoRestriction`, `logFilter`, ...): made by the
 * construct, but the agency's decision, so the register records it as the
 * agency's (`origin: 'agency'`), beside the waivers the app makes itself.
 */
export function acknowledgeOptOut(scope: IConstruct, ...acks: Array<{ id: string; reason: string }>): void {
  for (const ack of acks) recordWaiver(scope, ack.id, ack.reason, { origin: 'agency' });
}
