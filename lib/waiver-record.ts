import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { WAIVER_METADATA_TYPE, WaiverRegisterEntry } from './baseline/waiver-register';

/**
 * Acknowledges `id` on `scope` with CDK's Validations (which cdk-nag v3 packs
 * honor) and records the register entry beside it as construct metadata, which
 * CDK writes into the cloud assembly (`<stack>.metadata.json`) for the audit.
 */
export function recordWaiver(scope: IConstruct, id: string, reason: string, entry: WaiverRegisterEntry): void {
  Validations.of(scope).acknowledge({ id, reason });
  const data = {
    id,
    ...(entry.approvedBy !== undefined ? { approvedBy: entry.approvedBy } : {}),
    ...(entry.expires !== undefined ? { expires: entry.expires } : {}),
    ...(entry.origin !== undefined ? { origin: entry.origin } : {}),
  };
  if (Object.keys(data).length > 1) scope.node.addMetadata(WAIVER_METADATA_TYPE, data);
}
