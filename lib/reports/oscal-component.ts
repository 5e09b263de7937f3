import { CONSTRUCT_CONTROLS, ConstructControls } from '../controls/construct-controls';
import { Control, ControlCatalogue, ControlSource } from '../controls/catalogue';
import { controlProp, Json, NIST_800_53_R5_CATALOG, OSCAL_VERSION, oscalControlId, prop, uuidV5 } from './oscal-common';

/** The file every report set (`--out DIR`, `cdk.out/election-audit/`) writes the component definition to, beside the assessment results. */
export const COMPONENT_DEFINITION_FILE = 'election-audit.component-definition.json';

/** What the component definition says about itself. */
export interface ComponentDefinitionOptions {
  /** The library's version, the document's version. */
  readonly version: string;
  /** ISO 8601 time the document is dated (the report set's `generatedAt`, so it is reproducible). */
  readonly lastModified: string;
}

/** Where a reader finds the sources that have no OSCAL catalogue. */
const SOURCE_LINKS: Readonly<Record<string, string>> = {
  [ControlSource.CISA_CPG]: 'https://www.cisa.gov/cross-sector-cybersecurity-performance-goals',
  [ControlSource.USC_52_20701]: 'https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title52-section20701',
};

/**
 * OSCAL 1.1.2 Component Definition of the library: one software component per
 * construct (`lib/controls/construct-controls.ts`), with one control
 * implementation per control source. NIST controls point at NIST's OSCAL
 * SP 800-53 Rev. 5 catalogue; sources without an OSCAL catalogue point at a
 * back-matter resource naming the source, the catalogue id in a `control`
 * property as in the assessment results. UUIDs are name-based, so a construct
 * and each of its requirements keep theirs across versions.
 */
export function renderComponentDefinition(options: ComponentDefinitionOptions): string {
  const sources = sourcesUsed();
  const resources = [...sources.entries()].filter(([source]) => source !== ControlSource.NIST_800_53_R5).map(([source, uuid]) => ({
    uuid,
    title: sourceTitle(source),
    description: 'This source has no OSCAL catalogue: its controls are named by the catalogue ids in each requirement\'s control property.',
    ...(SOURCE_LINKS[source] !== undefined ? { rlinks: [{ href: SOURCE_LINKS[source] }] } : {}),
  }));
  const document = {
    'component-definition': {
      uuid: uuidV5(['component-definition', options.version, JSON.stringify(CONSTRUCT_CONTROLS)].join('\u0000')),
      metadata: {
        title: 'cdk-election-baseline constructs: the controls they implement',
        'last-modified': options.lastModified,
        version: options.version,
        'oscal-version': OSCAL_VERSION,
        props: [prop('package', 'cdk-election-baseline')],
        remarks: 'What each construct of the library does by default, by control. A construct implements a control '
          + 'for the resources it makes; the agency\'s own resources and processes are assessed by election-audit.',
      },
      components: CONSTRUCT_CONTROLS.map((entry) => component(entry, sources)),
      ...(resources.length > 0 ? { 'back-matter': { resources } } : {}),
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function component(entry: ConstructControls, sources: ReadonlyMap<string, string>): Json {
  const implemented = entry.controls.map((c) => ({ control: ControlCatalogue.get(c.control), how: c.how }));
  const bySource = [...sources.keys()].map((source) => [source, implemented.filter((i) => i.control.source === source)] as const)
    .filter(([, items]) => items.length > 0);
  return {
    uuid: uuidV5(`component\u0000${entry.construct}`),
    type: 'software',
    title: entry.construct,
    description: entry.description,
    purpose: 'An AWS CDK construct of cdk-election-baseline; the controls below hold for the resources it makes, with its defaults.',
    props: [prop('construct', entry.construct), prop('package', 'cdk-election-baseline')],
    'control-implementations': bySource.map(([source, items]) => ({
      uuid: uuidV5(`control-implementation\u0000${entry.construct}\u0000${source}`),
      source: source === ControlSource.NIST_800_53_R5 ? NIST_800_53_R5_CATALOG : `#${sources.get(source)}`,
      description: `${entry.construct}: ${sourceTitle(source)} controls implemented by its defaults.`,
      'implemented-requirements': items.map(({ control, how }) => requirement(entry.construct, control, how)),
    })),
  };
}

function requirement(construct: string, control: Control, how: string): Json {
  return {
    uuid: uuidV5(`implemented-requirement\u0000${construct}\u0000${control.id}`),
    'control-id': oscalControlId(control),
    description: how,
    props: [controlProp(control)],
  };
}

/** Each control source the data uses, in catalogue order, with the UUID of its back-matter resource. */
function sourcesUsed(): Map<string, string> {
  const used = new Set(CONSTRUCT_CONTROLS.flatMap((e) => e.controls.map((c) => ControlCatalogue.get(c.control).source as string)));
  const ordered = [...new Set(ControlCatalogue.all().map((c) => c.source as string))].filter((s) => used.has(s));
  return new Map(ordered.map((source) => [source, uuidV5(`control-source\u0000${source}`)]));
}

function sourceTitle(source: string): string {
  return ControlCatalogue.all().find((c) => c.source === source)!.sourceTitle;
}
