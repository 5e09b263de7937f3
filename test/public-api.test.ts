import * as api from '../lib';

describe('the package entry', () => {
  test('exports the names outside apps use', () => {
    expect(api.ElectionRecordsBucket).toBeDefined();
    expect(api.SecureBucket).toBeDefined();
    expect(api.ElectionBaselineChecks).toBeDefined();
    expect(api.DataClass.ELECTION_RECORDS).toBe('election-records');
    expect(api.ElectionRecordsBucket.MIN_RETENTION_DAYS).toBe(672);
    expect(api.ElectionBaselineChecks.DATA_CLASS_TAG_KEY).toBe('election:data-class');
  });

  test('exports only classes and enums at run time (jsii-friendly: no functions or loose constants)', () => {
    for (const [name, value] of Object.entries(api)) {
      const isClass = typeof value === 'function' && /^class\s/.test(Function.prototype.toString.call(value));
      const isEnum = typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'string');
      expect({ name, ok: isClass || isEnum }).toEqual({ name, ok: true });
    }
  });
});
