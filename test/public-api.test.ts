import * as api from '../lib';
import { ElectionRecordsBucket } from '../constructs/election-records-bucket';
import { SecureBucket } from '../constructs/secure-bucket';
import { ElectionBaselineChecks } from '../lib/election-baseline-checks';

describe('the package entry', () => {
  test('exports the names outside apps use', () => {
    expect(api.ElectionRecordsBucket).toBe(ElectionRecordsBucket);
    expect(api.SecureBucket).toBe(SecureBucket);
    expect(api.ElectionBaselineChecks).toBe(ElectionBaselineChecks);
    expect(new api.ElectionBaselineChecks().name).toBe('ElectionBaseline');
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
