import { ControlCatalogue, ControlSource } from '../../lib/controls/catalogue';

describe('the control catalogue', () => {
  test('ids are unique and name their source', () => {
    const all = ControlCatalogue.all();
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    for (const control of all) {
      expect(control.id.startsWith(control.source)).toBe(true);
      expect(control.title.length).toBeGreaterThan(3);
      expect(control.sourceTitle.length).toBeGreaterThan(3);
    }
  });

  test('holds the controls the baseline names, from all three sources', () => {
    for (const id of ['AU-2', 'AU-9', 'AU-9(2)', 'AU-11', 'AC-3', 'AC-6', 'CP-9', 'SC-5', 'SC-7', 'SC-8', 'SC-12', 'SC-13', 'SC-28', 'SI-4', 'IA-2(1)']) {
      expect(ControlCatalogue.has(`NIST-800-53-r5:${id}`)).toBe(true);
    }
    for (const id of ['2.K', '2.T', '2.U', '2.W']) expect(ControlCatalogue.has(`CISA-CPG:${id}`)).toBe(true);
    expect(ControlCatalogue.get('52-USC-20701')).toMatchObject({ source: ControlSource.USC_52_20701, title: expect.stringContaining('22 months') });
  });

  test('NIST controls carry their OSCAL ids; the others have none', () => {
    expect(ControlCatalogue.get('NIST-800-53-r5:AU-9(2)')).toMatchObject({ controlId: 'AU-9(2)', family: 'AU', oscalId: 'au-9.2' });
    expect(ControlCatalogue.get('NIST-800-53-r5:SC-28')).toMatchObject({ oscalId: 'sc-28' });
    expect(ControlCatalogue.get('CISA-CPG:2.K').oscalId).toBeUndefined();
  });

  test('an unknown id is an error that lists the known ones', () => {
    expect(() => ControlCatalogue.get('NIST-800-53-r5:ZZ-1')).toThrow(/Unknown control 'NIST-800-53-r5:ZZ-1': the catalogue holds .*AU-9\(2\)/);
  });

  test('all() returns a copy that callers cannot use to change the catalogue', () => {
    ControlCatalogue.all().pop();
    expect(ControlCatalogue.has('52-USC-20701')).toBe(true);
  });
});
