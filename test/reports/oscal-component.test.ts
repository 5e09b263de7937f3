import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import * as api from '../../lib';
import { SYNTH_REPORT_DIR, writeSynthAuditReports } from '../../lib/audit/synth-reports';
import { ControlCatalogue } from '../../lib/controls/catalogue';
import { CONSTRUCT_CONTROLS } from '../../lib/controls/construct-controls';
import { COMPONENT_DEFINITION_FILE, renderComponentDefinition } from '../../lib/reports/oscal-component';
import { NIST_800_53_R5_CATALOG, OSCAL_PROP_NS, OSCAL_VERSION } from '../../lib/reports/oscal-common';
import { removeTempDirs, tempDir } from '../helpers/audit-harness';
import { errorsOf, oscalComponentValidator, readSchema } from './schema-validators';

const { DataClass, SecureBucket } = api;

afterAll(removeTempDirs);

/* eslint-disable @typescript-eslint/no-explicit-any */
type Oscal = any;

const OPTIONS = { version: '0.1.0', lastModified: '2026-11-03T12:00:00.000Z' };
const definitionOf = (options = OPTIONS): Oscal => JSON.parse(renderComponentDefinition(options))['component-definition'];

/** The names of the classes lib/index.ts exports that are constructs. */
function exportedConstructs(): string[] {
  return Object.entries(api)
    .filter(([, value]) => typeof value === 'function' && value.prototype instanceof Construct)
    .map(([name]) => name)
    .sort();
}

describe('the shipped OSCAL component-definition schema', () => {
  test('is NIST\'s OSCAL 1.1.2 component-definition release asset, byte for byte', () => {
    const file = path.join(__dirname, '..', '..', 'schemas', 'oscal-component-definition-1.1.x.schema.json');
    expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe('7b74710940ad39b6b63d4ddccbadf2c7d2e9bf11b07808d41d2aa27a4616e5ce');
    expect(readSchema('oscal-component-definition-1.1.x.schema.json').$id)
      .toBe(`http://csrc.nist.gov/ns/oscal/${OSCAL_VERSION}/oscal-component-definition-schema.json`);
  });
});

describe('the construct-to-control data', () => {
  test('names every exported construct once, and nothing else', () => {
    expect(exportedConstructs().length).toBeGreaterThan(5);
    expect(CONSTRUCT_CONTROLS.map((e) => e.construct).sort()).toEqual(exportedConstructs());
  });

  test('maps each construct to catalogue controls, each once, with a short statement of how', () => {
    for (const entry of CONSTRUCT_CONTROLS) {
      expect([entry.construct, entry.controls.length > 0]).toEqual([entry.construct, true]);
      const ids = entry.controls.map((c) => c.control);
      expect(new Set(ids).size).toBe(ids.length);
      for (const { control, how } of entry.controls) {
        expect([entry.construct, control, ControlCatalogue.has(control)]).toEqual([entry.construct, control, true]);
        expect(how.trim().length).toBeGreaterThan(20);
        expect(how.length).toBeLessThanOrEqual(240);
      }
    }
  });
});

describe('renderComponentDefinition', () => {
  test('renders valid OSCAL 1.1.2', () => {
    const validate = oscalComponentValidator();
    const valid = validate(JSON.parse(renderComponentDefinition(OPTIONS)));
    expect(errorsOf(validate)).toEqual([]);
    expect(valid).toBe(true);
  });

  test('the validator rejects a document that breaks the schema', () => {
    const validate = oscalComponentValidator();
    const document = JSON.parse(renderComponentDefinition(OPTIONS));
    const requirement = document['component-definition'].components[0]['control-implementations'][0]['implemented-requirements'][0];
    requirement['control-id'] = '2.K';
    document['component-definition'].components[1].uuid = 'not-a-uuid';
    expect(validate(document)).toBe(false);
    expect((validate.errors ?? []).map((e) => e.instancePath)).toEqual(expect.arrayContaining([
      '/component-definition/components/0/control-implementations/0/implemented-requirements/0/control-id',
      '/component-definition/components/1/uuid',
    ]));
  });

  test('lists every exported construct as a software component with its controls and how it implements them', () => {
    const definition = definitionOf();
    expect(definition.components.map((c: Oscal) => c.title).sort()).toEqual(exportedConstructs());
    expect(definition.metadata).toMatchObject({ version: '0.1.0', 'last-modified': OPTIONS.lastModified, 'oscal-version': OSCAL_VERSION });
    const records = definition.components.find((c: Oscal) => c.title === 'ElectionRecordsBucket');
    expect(records.type).toBe('software');
    const requirements = records['control-implementations'].flatMap((ci: Oscal) => ci['implemented-requirements']);
    const entry = CONSTRUCT_CONTROLS.find((e) => e.construct === 'ElectionRecordsBucket')!;
    expect(requirements).toHaveLength(entry.controls.length);
    const usc = requirements.find((r: Oscal) => r['control-id'] === 'usc-52-20701');
    expect(usc.description).toContain('COMPLIANCE mode');
    expect(usc.props).toEqual([{ name: 'control', ns: OSCAL_PROP_NS, value: '52-USC-20701', class: 'usc-52-20701' }]);
  });

  test('NIST requirements point at NIST\'s OSCAL catalogue by control id; other sources at a back-matter resource', () => {
    const definition = definitionOf();
    const bucket = definition.components.find((c: Oscal) => c.title === 'SecureBucket');
    const [nist, cpg] = bucket['control-implementations'];
    expect(nist.source).toBe(NIST_800_53_R5_CATALOG);
    expect(nist['implemented-requirements'].map((r: Oscal) => r['control-id'])).toContain('sc-28.1');
    expect(cpg['implemented-requirements'].map((r: Oscal) => r['control-id'])).toEqual(['cisa-cpg-2.k', 'cisa-cpg-2.w']);
    const resource = definition['back-matter'].resources.find((r: Oscal) => `#${r.uuid}` === cpg.source);
    expect(resource).toMatchObject({ title: 'CISA Cross-Sector Cybersecurity Performance Goals', rlinks: [{ href: expect.stringMatching(/^https:\/\/www\.cisa\.gov\//) }] });
  });

  test('is reproducible, and a construct\'s requirements keep their UUIDs across versions', () => {
    expect(renderComponentDefinition(OPTIONS)).toBe(renderComponentDefinition(OPTIONS));
    const uuidsOf = (d: Oscal): string[] => d.components.flatMap((c: Oscal) => [c.uuid,
      ...c['control-implementations'].flatMap((ci: Oscal) => [ci.uuid, ...ci['implemented-requirements'].map((r: Oscal) => r.uuid)])]);
    const current = definitionOf();
    const next = definitionOf({ ...OPTIONS, version: '0.2.0' });
    expect(uuidsOf(next)).toEqual(uuidsOf(current));
    expect(next.uuid).not.toBe(current.uuid);
    expect(new Set(uuidsOf(current)).size).toBe(uuidsOf(current).length);
  });

  test('the synth report set carries it, dated and versioned as the audit beside it', () => {
    const dir = tempDir();
    const app = new App({ outdir: path.join(dir, 'cdk.out') });
    new SecureBucket(new Stack(app, 'County'), 'Ballots', { dataClass: DataClass.ELECTION_RECORDS });
    const assembly = app.synth();
    const report = writeSynthAuditReports(app, assembly, { cwd: dir, packs: ['election'], generatedAt: OPTIONS.lastModified, toolVersion: '9.8.7' });
    const written = fs.readFileSync(path.join(assembly.directory, SYNTH_REPORT_DIR, COMPONENT_DEFINITION_FILE), 'utf8');
    expect(written).toBe(renderComponentDefinition({ version: report.tool.version, lastModified: report.generatedAt }));
    expect(JSON.parse(written)['component-definition'].metadata).toMatchObject({ version: '9.8.7', 'last-modified': OPTIONS.lastModified });
  });
});
