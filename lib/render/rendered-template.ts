import { CfnElement, CfnResource, Stack } from 'aws-cdk-lib';
import { isObject } from '../baseline/intrinsics';

/**
 * The one CDK-side renderer: an element of the tree as its template will carry
 * it. The pack indexes resources with it and constructs check themselves with
 * it against a lib/baseline predicate, so both judge the same JSON. It lives
 * here, not in lib/pack (constructs may not import the pack) nor in
 * constructs/ (the pack may not import constructs) nor in lib/baseline (plain
 * data, no aws-cdk-lib); lint lets both sides import lib/render and keeps it
 * from importing either.
 */

/** What CfnElement renders into its template (internal to aws-cdk-lib, stable since v1). */
interface RendersCloudFormation {
  _toCloudFormation(): object;
}

/** A resource's entry in its template, under its resolved logical id. */
export interface RenderedResource {
  readonly logicalId: string;
  /** `{ Type, Properties, DeletionPolicy, ... }`; undefined if the element rendered no entry under its id. */
  readonly entry: unknown;
}

/**
 * The template fragment an element renders (`{ Resources: {...} }`,
 * `{ Parameters: {...} }`), resolved in its stack. Through JSON, as the
 * template file: resolve() keeps keys whose value is undefined (CfnWebACL
 * actions render all six).
 */
export function renderedFragment(element: CfnElement): Record<string, unknown> {
  const stack = Stack.of(element);
  const fragment: unknown = JSON.parse(JSON.stringify(stack.resolve((element as unknown as RendersCloudFormation)._toCloudFormation()) ?? {}));
  return isObject(fragment) ? fragment : {};
}

/** A resource as its template will carry it. */
export function renderedResource(node: CfnResource): RenderedResource {
  const logicalId = Stack.of(node).resolve(node.logicalId) as string;
  const resources = renderedFragment(node).Resources;
  return { logicalId, entry: isObject(resources) ? resources[logicalId] : undefined };
}

/** A resource's `Properties` as its template will carry them; `{}` when it has none. */
export function renderedProperties(node: CfnResource): Record<string, unknown> {
  const { entry } = renderedResource(node);
  return isObject(entry) && isObject(entry.Properties) ? entry.Properties : {};
}
