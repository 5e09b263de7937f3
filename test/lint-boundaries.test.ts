import { execFileSync } from 'child_process';
import * as path from 'path';

// The import graph runs one way (eslint.config.mjs): each boundary fires on a violating import and stays quiet
// on an allowed one. ESLint's Node API runs in test/helpers/lint-probe.mjs, since Jest cannot import the .mjs config.
const root = path.resolve(__dirname, '..');

interface Probe {
  readonly file: string;
  readonly specifier: string;
}

const TO_BASELINE = 'lib/baseline';
const NO_OTHER_SERVICE = 'no other service';
const ONLY_THE_TEMPLATE = 'judges only the template';
const SERVES_THE_RULES = 'lib/pack serves the rules';
const ONE_RENDERER = 'one CDK-side renderer';

/** Each probe, and the words its one message must hold (undefined: no message). */
const CASES: readonly [Probe, string | undefined][] = [
  // Constructs never import rule files, pack internals or the auditor.
  [{ file: 'constructs/registration-portal.ts', specifier: '../lib/rules/apigateway/ApiGatewayThrottling' }, TO_BASELINE],
  [{ file: 'constructs/election-web-acl.ts', specifier: '../lib/pack/web-acl' }, TO_BASELINE],
  [{ file: 'constructs/secure-bucket.ts', specifier: '../lib/audit/engine' }, TO_BASELINE],
  [{ file: 'constructs/defaults/waf-defaults.ts', specifier: '../../lib/pack/template-model' }, TO_BASELINE],
  [{ file: 'constructs/defaults/waf-defaults.ts', specifier: '../../lib/rules' }, TO_BASELINE],
  [{ file: 'constructs/registration-portal.ts', specifier: '../lib/baseline/api-throttling' }, undefined],
  [{ file: 'constructs/defaults/waf-defaults.ts', specifier: '../../lib/baseline/waf-preset' }, undefined],
  [{ file: 'constructs/election-web-acl.ts', specifier: './defaults/waf-defaults' }, undefined],
  // A service's rules never import another service's rule files (nor the rules index).
  [{ file: 'lib/rules/s3/S3LogArchiveObjectLock.ts', specifier: '../cloudtrail/CloudTrailWormBucket' }, NO_OTHER_SERVICE],
  [{ file: 'lib/rules/wafv2/WafOriginVerifyEnforced.ts', specifier: '../secretsmanager/SecretGeneratedStrength' }, NO_OTHER_SERVICE],
  [{ file: 'lib/rules/s3/S3LogArchiveObjectLock.ts', specifier: '../index' }, NO_OTHER_SERVICE],
  [{ file: 'lib/rules/s3/S3LogArchiveObjectLock.ts', specifier: '../../rules/iam/IamNoAdminAccess' }, NO_OTHER_SERVICE],
  [{ file: 'lib/rules/s3/S3LogArchiveObjectLock.ts', specifier: '../../baseline/records-retention' }, undefined],
  [{ file: 'lib/rules/s3/S3LogArchiveObjectLock.ts', specifier: '../../pack/object-lock' }, undefined],
  [{ file: 'lib/rules/s3/S3LogArchiveObjectLock.ts', specifier: '../s3/S3RecordsObjectLock' }, undefined],
  [{ file: 'lib/rules/s3/S3LogArchiveObjectLock.ts', specifier: './S3RecordsObjectLock' }, undefined],
  // Rules and the pack's readers judge only the template: no auditor, no constructs; the pack reads no rule file.
  [{ file: 'lib/rules/s3/S3LogArchiveObjectLock.ts', specifier: '../../audit/engine' }, ONLY_THE_TEMPLATE],
  [{ file: 'lib/rules/s3/S3LogArchiveObjectLock.ts', specifier: '../../../constructs/secure-bucket' }, ONLY_THE_TEMPLATE],
  [{ file: 'lib/pack/object-lock.ts', specifier: '../rules/s3/S3RecordsObjectLock' }, SERVES_THE_RULES],
  [{ file: 'lib/pack/object-lock.ts', specifier: '../audit/engine' }, SERVES_THE_RULES],
  [{ file: 'lib/pack/object-lock.ts', specifier: '../../constructs/defaults/validate' }, SERVES_THE_RULES],
  [{ file: 'lib/pack/object-lock.ts', specifier: '../baseline/records-retention' }, undefined],
  [{ file: 'lib/pack/object-lock.ts', specifier: './template-model' }, undefined],
  // lib/render, the one CDK-side renderer, is shared by constructs and the pack and imports neither.
  [{ file: 'constructs/election-web-acl.ts', specifier: '../lib/render/rendered-template' }, undefined],
  [{ file: 'lib/pack/construct-template-index.ts', specifier: '../render/rendered-template' }, undefined],
  [{ file: 'lib/render/rendered-template.ts', specifier: '../../constructs/defaults/validate' }, ONE_RENDERER],
  [{ file: 'lib/render/rendered-template.ts', specifier: '../pack/template-model' }, ONE_RENDERER],
  [{ file: 'lib/render/rendered-template.ts', specifier: '../rules/wafv2/WafNoAllowBypass' }, ONE_RENDERER],
  [{ file: 'lib/render/rendered-template.ts', specifier: '../audit/engine' }, ONE_RENDERER],
  [{ file: 'lib/render/rendered-template.ts', specifier: '../baseline/intrinsics' }, undefined],
  [{ file: 'lib/render/rendered-template.ts', specifier: 'aws-cdk-lib' }, undefined],
  // lib/baseline imports nothing but its own files: no constructs, rules, pack, auditor or CDK.
  [{ file: 'lib/baseline/waf-preset.ts', specifier: '../pack/template-model' }, TO_BASELINE],
  [{ file: 'lib/baseline/waf-preset.ts', specifier: '../rules/wafv2/WafRateBasedRule' }, TO_BASELINE],
  [{ file: 'lib/baseline/waf-preset.ts', specifier: '../audit/engine' }, TO_BASELINE],
  [{ file: 'lib/baseline/waf-preset.ts', specifier: '../../constructs/election-web-acl' }, TO_BASELINE],
  [{ file: 'lib/baseline/waf-preset.ts', specifier: 'aws-cdk-lib' }, TO_BASELINE],
  [{ file: 'lib/baseline/waf-preset.ts', specifier: 'aws-cdk-lib/aws-wafv2' }, TO_BASELINE],
  [{ file: 'lib/baseline/waf-preset.ts', specifier: 'constructs' }, TO_BASELINE],
  [{ file: 'lib/baseline/waf-rate-limits.ts', specifier: './waf-preset' }, undefined],
  [{ file: 'lib/baseline/plaintext-secrets.ts', specifier: './symbolic-text' }, undefined],
];

let probed: string[][];
let crossings: string[];

beforeAll(() => {
  const input = JSON.stringify({ probes: CASES.map(([probe]) => probe), tree: ['constructs', 'lib/rules', 'lib/pack', 'lib/baseline', 'lib/render'] });
  const output = execFileSync(process.execPath, [path.join(root, 'test/helpers/lint-probe.mjs')], { cwd: root, input, encoding: 'utf8' });
  ({ probed, crossings } = JSON.parse(output));
}, 300_000);

test.each(CASES.map(([probe, words], i) => [probe.file, probe.specifier, words === undefined ? 'allowed' : 'refused', i] as const))(
  '%s importing %s is %s', (_file, _specifier, _verdict, i) => {
    const words = CASES[i][1];
    expect(probed[i]).toEqual(words === undefined ? [] : [expect.stringContaining(words)]);
  });

test('the tree keeps every boundary', () => {
  expect(crossings).toEqual([]);
});
