import { CfnResource, ITaggable, Tags } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { DATA_CLASS_TAG, DataClass } from '../../lib/baseline/data-class';

/**
 * Priority of the data-class tag: above `Tags.of(scope).add` (100), so a
 * stack-wide tag cannot silently relabel what a store holds.
 */
const DATA_CLASS_TAG_PRIORITY = 1000;

/**
 * Writes the data-class tag on a construct's L1 resource, at once (no aspect
 * needed); a construct without a taggable L1 of its own is tagged through
 * `Tags.of`, at the same priority, when the app synthesizes.
 */
export function tagDataClass(construct: IConstruct, dataClass: DataClass): void {
  const resource = construct.node.defaultChild as (CfnResource & Partial<ITaggable>) | undefined;
  if (resource?.tags) {
    resource.tags.setTag(DATA_CLASS_TAG, dataClass, DATA_CLASS_TAG_PRIORITY);
  } else {
    Tags.of(construct).add(DATA_CLASS_TAG, dataClass, { priority: DATA_CLASS_TAG_PRIORITY });
  }
}
