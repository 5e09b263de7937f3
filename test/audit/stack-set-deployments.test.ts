import * as fs from 'fs';
import * as path from 'path';
import { STACK_SET_PARAMETERS_RULE } from '../../lib/audit/deployments';
import { AuditReport } from '../../lib/audit/model';
import { ControlCatalogue } from '../../lib/controls/catalogue';
import { MIN_RECORDS_RETENTION_DAYS } from '../../lib/baseline/records-retention';
import { renderHtml } from '../../lib/reports/html';
import { renderSarif } from '../../lib/reports/sarif';
import { renderTable } from '../../lib/reports/table';
import { auditInProcess, removeTempDirs, tempDir } from '../helpers/audit-harness';

/**
 * The statewide audit on hand-written stack-set templates: each target's
 * parameters (Defaults, then the stack set's Parameters, then overrides),
 * checked against the deployed template's constraints and the retention floor.
 */

afterAll(removeTempDirs);

/** A county template whose retention parameter has a weak MinValue, so only the floor catches a short override. */
function countyTemplate(minValue = 1): object {
  return {
    Parameters: {
      CountyName: { Type: 'String', AllowedPattern: "^[A-Za-z0-9][A-Za-z0-9 .'-]{0,62}$" },
      RecordsRetentionDays: { Type: 'Number', Default: 730, MinValue: minValue, MaxValue: 36500 },
      Tier: { Type: 'String', Default: 'standard', AllowedValues: ['standard', 'large'] },
      ApiToken: { Type: 'String', Default: 'secret-value', NoEcho: true },
    },
    Resources: {
      Records: {
        Type: 'AWS::S3::Bucket',
        Properties: {
          ObjectLockEnabled: true,
          ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: { Ref: 'RecordsRetentionDays' } } } },
          Tags: [{ Key: 'election:data-class', Value: 'election-records' }],
        },
      },
    },
  };
}

function stackSetTemplate(stackSet: Record<string, unknown>): object {
  return {
    Resources: {
      Counties: {
        Type: 'AWS::CloudFormation::StackSet',
        Properties: {
          StackSetName: 'election-county-baseline',
          PermissionModel: 'SERVICE_MANAGED',
          AutoDeployment: { Enabled: true, RetainStacksOnAccountRemoval: true },
          Parameters: [{ ParameterKey: 'CountyName', ParameterValue: 'Unassigned' }],
          ...stackSet,
        },
      },
    },
  };
}

const OU = 'ou-ab12-cdef3456';

function county(account: string, name: string, overrides: Record<string, string> = {}): object {
  return {
    Regions: ['us-east-1'],
    DeploymentTargets: { OrganizationalUnitIds: [OU], Accounts: [account], AccountFilterType: 'INTERSECTION' },
    ParameterOverrides: Object.entries({ CountyName: name, ...overrides }).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
  };
}

function audit(template: object, ...args: string[]): { code: number | null; report: AuditReport; stdout: string } {
  const dir = tempDir();
  const file = path.join(dir, 'state.template.json');
  fs.writeFileSync(file, JSON.stringify(template, null, 2));
  const run = auditInProcess([file, '--format', 'json', ...args]);
  return { code: run.code, report: JSON.parse(run.stdout) as AuditReport, stdout: run.stdout };
}

const body = (minValue?: number) => JSON.stringify(countyTemplate(minValue));

describe('the statewide audit of a stack set with a TemplateBody', () => {
  test('its rule names controls of the catalogue, a short explanation, and cannot be waived', () => {
    expect(STACK_SET_PARAMETERS_RULE.controls.filter((id) => !ControlCatalogue.has(id))).toEqual([]);
    expect(STACK_SET_PARAMETERS_RULE.explanation.length).toBeLessThanOrEqual(240);
    expect(STACK_SET_PARAMETERS_RULE.waivable).toBe(false);
  });

  test('compliant: each county gets the Defaults, the stack set values and its overrides, and passes', () => {
    const { code, report } = audit(stackSetTemplate({
      TemplateBody: body(),
      StackInstancesGroup: [
        { Regions: ['us-east-1'], DeploymentTargets: { OrganizationalUnitIds: [OU], Accounts: ['111111111111', '222222222222'], AccountFilterType: 'DIFFERENCE' } },
        county('111111111111', 'Lake', { RecordsRetentionDays: '2555' }),
        county('222222222222', 'Pine', { Tier: 'large' }),
      ],
    }));
    // Other rules judge the stack set itself (its execution role); this audit's own rule finds nothing.
    expect(code).toBe(1);
    const [deployment] = report.deployments!;
    expect(deployment).toMatchObject({ logicalId: 'Counties', stackSetName: 'election-county-baseline', permissionModel: 'SERVICE_MANAGED', problems: [] });
    expect(deployment.deploys).toMatch(/state\.template\.json#Counties\.TemplateBody$/);
    expect(deployment.targets.map((t) => [t.county, t.accounts, t.accountFilterType, t.parameters])).toEqual([
      ['Unassigned', ['111111111111', '222222222222'], 'DIFFERENCE', { CountyName: 'Unassigned', RecordsRetentionDays: '730', Tier: 'standard', ApiToken: '****' }],
      ['Lake', ['111111111111'], 'INTERSECTION', { CountyName: 'Lake', RecordsRetentionDays: '2555', Tier: 'standard', ApiToken: '****' }],
      ['Pine', ['222222222222'], 'INTERSECTION', { CountyName: 'Pine', RecordsRetentionDays: '730', Tier: 'large', ApiToken: '****' }],
    ]);
    expect(deployment.targets.every((t) => t.problems.length === 0)).toBe(true);
    expect(report.findings.filter((f) => f.ruleId === 'ElectionBaseline-StackSetCountyParameters')).toEqual([]);
  });

  test('non-compliant: a county whose retention override is under the floor is an error on the stack set naming it', () => {
    const { code, report } = audit(stackSetTemplate({
      TemplateBody: body(),
      StackInstancesGroup: [county('111111111111', 'Lake'), county('333333333333', 'Marsh', { RecordsRetentionDays: '300' })],
    }));
    expect(code).toBe(1);
    const findings = report.findings.filter((f) => f.ruleId === 'ElectionBaseline-StackSetCountyParameters');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      level: 'error', status: 'open', logicalId: 'Counties', resourceType: 'AWS::CloudFormation::StackSet',
      findingId: "County::'Marsh' (account 333333333333)",
    });
    expect(findings[0].message).toContain(`under the ${MIN_RECORDS_RETENTION_DAYS}-day floor`);
    expect(report.rules.some((r) => r.ruleId === 'ElectionBaseline-StackSetCountyParameters' && !r.waivable)).toBe(true);
  });

  test.each([
    ['below MinValue', { RecordsRetentionDays: '700' }, 1000, "below the template's MinValue 1000"],
    ['not a number', { RecordsRetentionDays: 'two years' }, 1, 'is not a number'],
    ['outside AllowedValues', { Tier: 'huge' }, 1, "not one of the template's AllowedValues"],
    ['off the AllowedPattern', { CountyName: '-Lake' }, 1, "does not match the template's AllowedPattern"],
    ['a parameter the template lacks', { Colour: 'blue' }, 1, 'declares no such parameter'],
  ])('non-compliant: an override %s is refused as CloudFormation would', (_what, overrides, minValue, problem) => {
    const { report } = audit(stackSetTemplate({ TemplateBody: body(minValue), StackInstancesGroup: [county('111111111111', 'Lake', overrides)] }));
    const finding = report.findings.find((f) => f.ruleId === 'ElectionBaseline-StackSetCountyParameters');
    expect(finding?.message).toContain(problem);
  });

  test('not applicable: a template without a stack set has no deployments and no statewide rule', () => {
    const { report } = audit(countyTemplate());
    expect(report.deployments).toBeUndefined();
    expect(report.rules.some((r) => r.ruleId === 'ElectionBaseline-StackSetCountyParameters')).toBe(false);
  });

  test('unresolvable: a TemplateURL outside the audited files is a warning, and an intrinsic override an error', () => {
    const { report } = audit(stackSetTemplate({
      TemplateURL: 'https://s3.amazonaws.com/vendor-bucket/county.json',
      StackInstancesGroup: [county('111111111111', 'Lake')],
    }));
    expect(report.deployments![0].problems[0]).toContain('names no template of this cloud assembly');
    expect(report.findings.find((f) => f.findingId === 'StackSet::template')?.level).toBe('warning');

    const intrinsic = audit({
      Parameters: { Days: { Type: 'Number' } },
      ...stackSetTemplate({
        TemplateBody: body(),
        StackInstancesGroup: [{ ...county('111111111111', 'Lake'), ParameterOverrides: [{ ParameterKey: 'RecordsRetentionDays', ParameterValue: { Ref: 'Days' } }] }],
      }),
    });
    const finding = intrinsic.report.findings.find((f) => f.ruleId === 'ElectionBaseline-StackSetCountyParameters');
    expect(finding).toMatchObject({ level: 'error', findingId: "County::'Unassigned' (account 111111111111)" });
    expect(finding?.message).toContain('cannot resolve');
  });

  test('the table, HTML and SARIF reports show each county with its parameters and problems', () => {
    const { report } = audit(stackSetTemplate({
      TemplateBody: body(),
      StackInstancesGroup: [county('111111111111', 'Lake'), county('333333333333', 'Marsh', { RecordsRetentionDays: '300' })],
    }));
    const table = renderTable(report, { width: 200 });
    expect(table).toContain('DEPLOYMENTS');
    expect(table).toMatch(/Lake\s+account 111111111111\s+us-east-1\s+RecordsRetentionDays=730 ApiToken=\*\*\*\* Tier=standard\s/);
    expect(table).toMatch(/Marsh .* 1 problem/);
    const html = renderHtml(report);
    expect(html).toContain('<h2>Deployments</h2>');
    expect(html).toContain('<code>RecordsRetentionDays=300</code>');
    expect(html).toContain('under the 672-day floor');
    const sarif = JSON.parse(renderSarif(report)) as { runs: Array<{ properties: { deployments?: unknown[] }; results: Array<{ ruleId: string }> }> };
    expect(sarif.runs[0].properties.deployments).toHaveLength(1);
    expect(sarif.runs[0].results.map((r) => r.ruleId)).toContain('ElectionBaseline-StackSetCountyParameters');
  });
});
