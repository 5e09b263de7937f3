import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { ElectionRule } from '../../pack/election-rule';
import { at, isIntrinsic, isObject } from '../../baseline/intrinsics';
import { TemplateResource } from '../../pack/template-model';

/** The WAF log filter drops no record of a request a rule blocked, challenged or counted. */
export const WafLoggingUnfiltered: ElectionRule = {
  name: 'WafLoggingUnfiltered',
  level: NagMessageLevel.ERROR,
  info: 'The WAF logging configuration has a LoggingFilter that can drop records other than allowed requests (DefaultBehavior DROP, or a DROP filter on blocked, challenged, counted or labelled requests).',
  explanation:
    'A logging filter that drops records blinds the office to probes, scraping and floods. Passes: no filter, or ' +
    'filters that drop only ALLOWed requests and keep every BLOCK, CAPTCHA, CHALLENGE and COUNT record.',
  rationale:
    'WAF logs are the record of who probed the registration portal with SQL injection (Illinois 2016), which ' +
    'addresses a scraping campaign used (CISA AA20-304A) and what an election-day flood looked like (2022). A ' +
    'LoggingFilter with DefaultBehavior DROP and a KEEP filter on a label no rule applies logs nothing at ' +
    'all, while the web ACL keeps working. The one accepted reduction is dropping records of ALLOWed ' +
    'requests, which are most of the volume and cost, and which CloudFront and API Gateway access logs record ' +
    'too. A DROP filter drops only allowed requests with MEETS_ALL and an ActionCondition ALLOW, or MEETS_ANY ' +
    'whose conditions are all ActionCondition ALLOW; under DefaultBehavior DROP, KEEP filters must also keep ' +
    'EXCLUDED_AS_COUNT records, each action kept outright (that action alone, not combined with a label). ' +
    'Note that a request that only matched Count rules ends with ALLOW, so dropping ALLOW can drop it: keep ' +
    'COUNT first while a rule is being tuned. No filter, or DefaultBehavior KEEP without DROP filters, logs ' +
    'everything. A filter given by intrinsics cannot be checked and fails. Waive only for a measured log-cost ' +
    'problem, naming what is dropped and where those requests are still recorded.',
  controls: ['NIST-800-53-r5:AU-2', 'NIST-800-53-r5:AU-3', 'NIST-800-53-r5:AU-12', 'NIST-800-53-r5:SI-4', 'CISA-CPG:2.T', 'CIS-v8:8.2', 'CIS-v8:8.5'],
  resourceTypes: ['AWS::WAFv2::LoggingConfiguration'],
  waivable: true,
  faultPath: () => 'Properties.LoggingFilter',
  check: wafLoggingUnfiltered,
};

/** Record actions a log filter can match, besides ALLOW: each is evidence of a rule at work. */
const EVIDENCE_ACTIONS = ['BLOCK', 'CAPTCHA', 'CHALLENGE', 'COUNT', 'EXCLUDED_AS_COUNT'];
const ACTIONS = ['ALLOW', ...EVIDENCE_ACTIONS];

/** One filter read from the template: its behavior, requirement, and per condition the action or `label`. */
interface Filter {
  readonly behavior: 'KEEP' | 'DROP';
  readonly all: boolean;
  readonly conditions: readonly string[];
}

function wafLoggingUnfiltered(resource: TemplateResource): NagRuleCompliance {
  const filter = resource.properties.LoggingFilter;
  if (filter === undefined) return NagRuleCompliance.COMPLIANT;
  if (!isObject(filter) || isIntrinsic(filter)) return NagRuleCompliance.NON_COMPLIANT;
  const defaultBehavior = filter.DefaultBehavior;
  if (defaultBehavior !== 'KEEP' && defaultBehavior !== 'DROP') return NagRuleCompliance.NON_COMPLIANT;
  const filters = readFilters(filter.Filters);
  if (filters === undefined) return NagRuleCompliance.NON_COMPLIANT;
  // Filter order is not relied on: every DROP filter must be harmless wherever it stands.
  if (!filters.filter((f) => f.behavior === 'DROP').every(dropsOnlyAllowed)) return NagRuleCompliance.NON_COMPLIANT;
  if (defaultBehavior === 'DROP' && !EVIDENCE_ACTIONS.every((action) => filters.some((f) => keepsAll(f, action)))) {
    return NagRuleCompliance.NON_COMPLIANT;
  }
  return NagRuleCompliance.COMPLIANT;
}

/** The filters, or undefined when any part is not a literal the rule can read. */
function readFilters(value: unknown): Filter[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return undefined;
  const filters: Filter[] = [];
  for (const entry of value) {
    if (!isObject(entry) || isIntrinsic(entry)) return undefined;
    const { Behavior: behavior, Requirement: requirement, Conditions: conditions } = entry;
    if ((behavior !== 'KEEP' && behavior !== 'DROP') || (requirement !== 'MEETS_ALL' && requirement !== 'MEETS_ANY')) return undefined;
    if (!Array.isArray(conditions) || conditions.length === 0) return undefined;
    const read = conditions.map(readCondition);
    if (read.some((c) => c === undefined)) return undefined;
    filters.push({ behavior, all: requirement === 'MEETS_ALL', conditions: read as string[] });
  }
  return filters;
}

/** An action condition as its action, a label condition as `label`; undefined when neither is a literal. */
function readCondition(condition: unknown): string | undefined {
  const action = at(condition, 'ActionCondition', 'Action');
  if (typeof action === 'string' && ACTIONS.includes(action)) return action;
  if (typeof at(condition, 'LabelNameCondition', 'LabelName') === 'string') return 'label';
  return undefined;
}

function dropsOnlyAllowed(filter: Filter): boolean {
  return filter.all ? filter.conditions.includes('ALLOW') : filter.conditions.every((c) => c === 'ALLOW');
}

/** Whether the filter keeps every record of `action`, whatever its labels. */
function keepsAll(filter: Filter, action: string): boolean {
  if (filter.behavior !== 'KEEP') return false;
  return filter.all ? filter.conditions.every((c) => c === action) : filter.conditions.includes(action);
}
