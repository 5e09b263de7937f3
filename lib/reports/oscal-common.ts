import { createHash } from 'crypto';
import { Control, ControlSource } from '../controls/catalogue';

/**
 * What the OSCAL documents of this library share: the version they declare,
 * the namespace of their properties, name-based UUIDs and the way a catalogue
 * control becomes an OSCAL control id, so the assessment results and the
 * component definition name each control the same way.
 */

/** The OSCAL version the documents declare, and that the schemas under `schemas/` validate. */
export const OSCAL_VERSION = '1.1.2';

/** The namespace of the properties this library defines (OSCAL reserves names without a namespace for itself). */
export const OSCAL_PROP_NS = 'urn:cdk-election-baseline:oscal';

/** The NIST SP 800-53 Rev. 5 catalogue in OSCAL, as NIST publishes it in `usnistgov/oscal-content`. */
export const NIST_800_53_R5_CATALOG =
  'https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/SP800-53/rev5/json/NIST_SP-800-53_rev5_catalog.json';

/** Fixed namespace of the name-based (version 5) UUIDs, so a document's UUIDs follow from its content. */
const UUID_NAMESPACE = 'c1f3a7e0-5b2d-5e4a-9f6c-2d8b1e0a4c77';

export type Json = { [key: string]: unknown };
export type Prop = { name: string; ns: string; value: string; class?: string };

/** A namespaced property; its value made a valid OSCAL string (no leading, trailing or repeated whitespace). */
export function prop(name: string, value: string, cls?: string): Prop {
  return { name, ns: OSCAL_PROP_NS, value: value.replace(/\s+/g, ' ').trim(), ...(cls !== undefined ? { class: cls } : {}) };
}

/** `{ key: items }`, or nothing: OSCAL arrays must not be empty. */
export function nonEmpty<T>(key: string, items: readonly T[]): { [key: string]: readonly T[] } {
  return items.length > 0 ? { [key]: items } : {};
}

/** The control's source as an OSCAL token (a token cannot start with a digit): `nist-800-53-r5`, `cisa-cpg`, `usc-52-20701`. */
export function sourceClass(source: ControlSource): string {
  return source === ControlSource.USC_52_20701 ? 'usc-52-20701' : source.toLowerCase();
}

/**
 * The control as an OSCAL control id: NIST's own (`au-9.2`); for sources with
 * no OSCAL catalogue, a token made from the catalogue id (`cisa-cpg-2.k`,
 * `usc-52-20701`), the catalogue id itself going in a `control` property.
 */
export function oscalControlId(control: Control): string {
  if (control.oscalId !== undefined) return control.oscalId;
  const source = sourceClass(control.source);
  return control.id === control.source ? source : `${source}-${control.controlId.toLowerCase()}`;
}

/** The catalogue id as a property whose class names the source. */
export function controlProp(control: Control): Prop {
  return prop('control', control.id, sourceClass(control.source));
}

/** An RFC 4122 version 5 (SHA-1, name-based) UUID of this name in the library's namespace. */
export function uuidV5(name: string): string {
  const namespace = Buffer.from(UUID_NAMESPACE.replace(/-/g, ''), 'hex');
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
