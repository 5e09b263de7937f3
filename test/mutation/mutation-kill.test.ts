import { CONSTRUCT_NAMES, synthesizeConstructTemplates } from './construct-templates';
import { judgeVariants, Variant, variantsOf, Verdict } from './mutation-run';
import { Mutation, MUTATIONS } from './mutations';
import { removeTempDirs, tempDir } from '../helpers/audit-harness';

/**
 * Mutation testing of the rule pack (issue 6): every construct's template,
 * weakened one setting at a time, must fail `election-audit`.
 */

/** The families of weakenings (mutation name prefixes) that attack what each construct claims, and how many resources each mutation strikes at most. */
const TABLE: Record<string, { families: string[]; cap: number }> = {
  'SecureBucket': { families: ['s3:', 's3 policy:', 'kms:', 'foreign s3:', 'foreign kms:'], cap: 2 },
  'ElectionRecordsBucket': { families: ['s3:', 's3 policy:', 'kms:', 's3 lock:', 'foreign s3:', 'foreign kms:'], cap: 2 },
  'LogArchiveBucket': { families: ['s3:', 's3 policy:', 'kms:', 's3 lock:', 'foreign s3:', 'foreign kms:'], cap: 2 },
  'ElectionAuditTrail': { families: ['trail:', 'logs:', 's3:', 's3 policy:', 's3 lock:', 'kms:', 'iam:', 'iam logs:', 'foreign s3:', 'foreign kms:'], cap: 2 },
  'SecurityAlarms': { families: ['alarm:', 'sns:', 'sns policy:', 'kms:', 'logs:', 'trail:', 'iam:', 'iam logs:', 'foreign kms:', 'foreign sns:'], cap: 3 },
  'SecurityMonitoring': { families: ['monitoring:', 'sns:', 'sns policy:', 's3:', 's3 policy:', 's3 lock:', 'kms:', 'foreign s3:', 'foreign kms:', 'foreign sns:'], cap: 2 },
  'ElectionWebAcl(CLOUDFRONT)': { families: ['waf:', 'waf body:', 'logs:', 'kms:', 'foreign kms:'], cap: 5 },
  'ElectionWebAcl(REGIONAL)': { families: ['waf:', 'waf body:', 'logs:', 'kms:', 'foreign kms:'], cap: 5 },
  'HardenedStaticSite': { families: ['cloudfront:', 'cloudfront results:', 'waf:', 's3:', 's3 policy:', 's3 lock:', 'logs:', 'kms:', 'foreign s3:', 'foreign kms:'], cap: 2 },
  'ResultsReportingSite': { families: ['cloudfront:', 'cloudfront results:', 'waf:', 's3:', 's3 policy:', 's3 lock:', 'logs:', 'kms:', 'foreign s3:', 'foreign kms:'], cap: 1 },
  'RegistrationPortal': {
    families: ['apigateway:', 'dynamodb:', 'lambda:', 'waf association:', 'cloudfront:', 'cloudfront api:', 'waf:', 'waf body:', 's3:', 's3 policy:', 's3 lock:', 'logs:', 'kms:', 'iam:', 'iam logs:', 'secrets:', 'origin verify:',
      'foreign s3:', 'foreign kms:', 'foreign dynamodb:', 'foreign lambda:'],
    cap: 1,
  },
  'RegistrationPortal(staffSignIn)': { families: ['cognito:', 'cognito waf:'], cap: 1 },
  'SecureDataStoresA': { families: ['rds:', 'efs:', 'backup:', 'ec2 db:'], cap: 2 },
  'SecureEntryPoints': { families: ['elb:', 'opensearch:', 'sqs:'], cap: 3 },
  'Statewide': { families: ['stackset:', 'org trail:', 'org security:'], cap: 2 },
};

const familyOf = (m: Mutation) => m.name.slice(0, m.name.indexOf(':') + 1);
const mutationsOf = (construct: string) => MUTATIONS.filter((m) => TABLE[construct].families.includes(familyOf(m)));

const variants: Variant[] = [];
let verdicts: Verdict[] = [];
let baseline = new Map<string, string[]>();
const notApplying: string[] = [];
let elapsed = 0;
let synthesized = 0;

beforeAll(() => {
  const started = Date.now();
  const originals = synthesizeConstructTemplates();
  synthesized = Date.now() - started;
  for (const construct of CONSTRUCT_NAMES) {
    for (const mutation of mutationsOf(construct)) {
      const made = variantsOf(construct, originals.get(construct)!, mutation, TABLE[construct].cap);
      if (made.length === 0) notApplying.push(`${construct}: ${mutation.name}`);
      variants.push(...made);
    }
  }
  ({ baseline, verdicts } = judgeVariants(tempDir('election-mutation-'), originals, variants));
  elapsed = Date.now() - started;
}, 600_000);

afterAll(() => {
  removeTempDirs();
  const rate = (killed: number, of: number) => `${((100 * killed) / Math.max(of, 1)).toFixed(1)}%`;
  const row = (construct: string, of: Verdict[]) => {
    const killed = of.filter((v) => v.killed).length;
    return { construct, mutations: of.length, killed, rate: rate(killed, of.length) };
  };
  const rows = [...CONSTRUCT_NAMES.map((c) => row(c, verdicts.filter((v) => v.construct === c))), row('ALL', verdicts)];
  console.log(
    [
      `Mutation kill rate (${MUTATIONS.length} weakenings in the catalogue, ${variants.length} mutated templates audited, ${(elapsed / 1000).toFixed(1)} s of which synth ${(synthesized / 1000).toFixed(1)} s):`,
      table(rows),
      // MUTATION_DETAIL=1 lists every mutated template with the findings that caught it.
      ...(process.env.MUTATION_DETAIL ? verdicts.map((v) => `  ${v.construct} | ${v.mutation} @ ${v.target} | ${v.killed ? v.by.join(', ') : 'SURVIVED'}`) : []),
    ].join('\n'),
  );
});

function table(rows: Array<Record<string, string | number>>): string {
  const keys = Object.keys(rows[0]);
  const width = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(width[i])).join('  ');
  return [line(keys), line(width.map((w) => '-'.repeat(w))), ...rows.map((r) => line(keys.map((k) => String(r[k]))))].join('\n');
}

/** Every mutated template counts: there is no list of tolerated survivors. */
const survivors = (construct: string): Verdict[] => verdicts.filter((v) => v.construct === construct && !v.killed);

describe('mutation testing of the rule pack', () => {
  test.each(CONSTRUCT_NAMES.map((c) => [c]))('%s: the unmutated template audits clean', (construct) => {
    expect(baseline.get(construct)).toEqual([]);
  });

  test('every mutation of every construct\'s families applies to its template (the table cannot rot)', () => {
    expect(notApplying).toEqual([]);
  });

  test('the catalogue has at least 60 weakenings, each used by some construct, and at least 5 attack each construct', () => {
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(MUTATIONS.map((m) => m.name)).size).toBe(MUTATIONS.length);
    expect(MUTATIONS.filter((m) => !CONSTRUCT_NAMES.some((c) => mutationsOf(c).includes(m))).map((m) => m.name)).toEqual([]);
    for (const construct of CONSTRUCT_NAMES) expect(verdicts.filter((v) => v.construct === construct).length).toBeGreaterThanOrEqual(5);
    expect(Object.keys(TABLE).sort()).toEqual([...CONSTRUCT_NAMES].sort());
  });

  test.each(CONSTRUCT_NAMES.map((c) => [c]))('%s: every weakening is caught (kill rate 100%%)', (construct) => {
    expect(survivors(construct).map((v) => `${v.mutation} @ ${v.target}`)).toEqual([]);
  });
});
