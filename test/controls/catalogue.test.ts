import { CIS_SAFEGUARD_ID, ControlCatalogue, ControlSource } from '../../lib/controls/catalogue';

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

  test('holds the controls the baseline names, from all four sources', () => {
    for (const id of ['AU-2', 'AU-9', 'AU-9(2)', 'AU-11', 'AC-3', 'AC-6', 'CP-9', 'SC-5', 'SC-7', 'SC-8', 'SC-12', 'SC-13', 'SC-28', 'SI-4', 'IA-2(1)']) {
      expect(ControlCatalogue.has(`NIST-800-53-r5:${id}`)).toBe(true);
    }
    for (const id of ['2.K', '2.T', '2.U', '2.W']) expect(ControlCatalogue.has(`CISA-CPG:${id}`)).toBe(true);
    for (const id of ['3.10', '3.11', '8.2', '8.10', '13.10']) expect(ControlCatalogue.has(`CIS-v8:${id}`)).toBe(true);
    expect(ControlCatalogue.get('52-USC-20701')).toMatchObject({ source: ControlSource.USC_52_20701, title: expect.stringContaining('22 months') });
  });

  test('CIS v8 safeguards are well formed: `CIS-v8:<control>.<safeguard>`, control 1 to 18, grouped by control', () => {
    const cis = ControlCatalogue.all().filter((c) => c.source === ControlSource.CIS_V8);
    expect(cis.length).toBeGreaterThan(20);
    for (const control of cis) {
      expect(control.controlId).toMatch(CIS_SAFEGUARD_ID);
      expect(control.id).toBe(`CIS-v8:${control.controlId}`);
      expect(control.family).toBe(`CIS-${control.controlId.split('.')[0]}`);
      expect(control.sourceTitle).toBe('CIS Critical Security Controls v8');
      expect(control.oscalId).toBeUndefined();
    }
    expect(ControlCatalogue.get('CIS-v8:3.11').title).toBe('Encrypt Sensitive Data at Rest');
    expect(ControlCatalogue.get('CIS-v8:8.10').title).toBe('Retain Audit Logs');
  });

  test('the CIS safeguard id pattern accepts real ids and refuses malformed ones', () => {
    for (const id of ['1.1', '3.11', '13.10', '18.5']) expect(id).toMatch(CIS_SAFEGUARD_ID);
    for (const id of ['0.1', '19.1', '3', '3.0', '3.11.1', 'IG1', '3.a']) expect(id).not.toMatch(CIS_SAFEGUARD_ID);
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
