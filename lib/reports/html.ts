import { createHash } from 'crypto';
import { AuditFinding, AuditReport, AuditWaiver, WaiverOrigin } from '../audit/model';
import { targetWhere } from '../audit/deployment-target';
import { CONTROL_STATE_LABELS, CONTROL_STATES, controlStateCounts, controlStatuses } from './control-status';
import {
  baseRuleId, controlFamily, countBy, ORIGIN_TITLES, PACK_TITLES, packsOf, RenderOptions, ruleOf, stackTagKeys, tagsByTemplate, templatesWithUnjudged,
  UNJUDGED_MEANING, unjudgedCount, WaiverFlag, waiverFlags, waiverOf,
} from './report-data';
import { findingCounts } from './summary';
import { templateRegions, TemplateRegions } from './template-region';

/** Every text the report holds comes from templates, often a vendor's: it is escaped, never trusted as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c] as string);
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1b1f24;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de}
.meta{color:#57606a}.cards{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
.card{border:1px solid #d0d7de;border-radius:6px;padding:.5rem 1rem;min-width:7rem}.card b{display:block;font-size:1.6rem}
.card.error b{color:#b42318}.card.warning b{color:#9a6700}.card.ack b{color:#0969da}.card.unjudged b{color:#57606a}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right}.grid{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}.grid table{width:auto;margin:0}
#findings td:first-child{min-width:12rem}#findings td:last-child{min-width:11rem}#findings td:nth-child(7){min-width:18rem}
.lvl-error{color:#b42318;font-weight:600}.lvl-warning{color:#9a6700;font-weight:600}
tr.acknowledged td{background:#f6f8fa;color:#424a53}tr.acknowledged td.lvl-waived{color:#57606a;font-weight:400}
.badge{display:inline-block;border-radius:1em;padding:0 .55em;font-size:.85em;font-weight:600;border:1px solid #afb8c1;color:#424a53;background:#fff;white-space:nowrap}
.badge.waived{border-color:#8c959f}.badge.open{border-color:#b42318;color:#b42318}
.badge.expired,.badge.problem{border-color:#b42318;color:#fff;background:#b42318}.badge.expiring{border-color:#9a6700;color:#6c4400;background:#fff8c5}
.badge.unused{border-style:dashed}.badge.library{border-color:#6e7781;color:#57606a}.badge.agency{border-color:#0969da;color:#0969da}
.waiver-note{display:block;margin-top:.35rem;padding:.3rem .45rem;border-left:3px solid #8c959f;background:#fff}
.waivers{table-layout:fixed}.waivers caption{text-align:left;font-weight:600;padding:.75rem 0 .25rem}.waivers th:nth-child(1){width:13%}.waivers th:nth-child(2){width:17%}.waivers th:nth-child(3){width:9%}.waivers th:nth-child(4){width:6rem}
.waivers th:nth-child(5){width:14%}.waivers th:nth-child(6){width:13%}.waivers th:nth-child(7){width:4.5rem}.waivers td{overflow-wrap:anywhere}.waivers .problem{font-weight:400}
.expires{white-space:nowrap}td.controls code{white-space:nowrap;overflow-wrap:normal;display:inline-block}
.badge.not-satisfied{border-color:#b42318;color:#fff;background:#b42318}.badge.open-warnings{border-color:#9a6700;color:#6c4400;background:#fff8c5}
.badge.satisfied-with-risk{border-color:#0969da;color:#0969da}.badge.satisfied{border-color:#1a7f37;color:#1a7f37}
.problem{color:#b42318;font-weight:600}code{font-family:ui-monospace,monospace;font-size:.9em;overflow-wrap:anywhere}
.filters{display:flex;gap:1rem;flex-wrap:wrap;align-items:end;margin:.5rem 0}.filters label{display:flex;flex-direction:column;font-weight:600}
svg text{font:12px system-ui,sans-serif}
`;

const SCRIPT = `
(function () {
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings tbody tr[data-stack], .waivers tbody tr[data-stack], #not-judged tbody tr[data-stack]'));
  var counter = document.getElementById('shown');
  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = selects.every(function (s) {
        var key = 'data-' + s.getAttribute('data-filter');
        return s.value === '' || !row.hasAttribute(key) || row.getAttribute(key) === s.value;
      });
      row.hidden = !visible;
      if (visible && row.parentNode.parentNode.id === 'findings') shown++;
    });
    counter.textContent = String(shown);
  }
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  apply();
})();
`;

/**
 * One self-contained HTML file: summary counts, each assessed control's status
 * (`controlStatuses`, as every format shows it), summaries by control family,
 * stack and data class, a bar chart of findings per control family, every
 * finding (the property at fault under its logical id; an acknowledged one
 * grey, with its waiver's origin, approver and expiry) and the waiver register (agency and library apart, unused, expiring
 * and expired flagged), what no rule judged (a row per template, its types
 * and counts), filters by level, status, stack, rule and each stack
 * tag (county, environment) over findings, waivers and what was not judged alike. No request
 * leaves the page: styles and script are inline, allowed by hash in a CSP that
 * denies everything else.
 */
export function renderHtml(report: AuditReport, options: RenderOptions = {}): string {
  const { summary } = report;
  const tagKeys = stackTagKeys(report);
  const title = `${report.tool.name} report`;
  const csp = `default-src 'none'; style-src '${sha256(STYLE)}'; script-src '${sha256(SCRIPT)}'; img-src 'none'; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(`${report.tool.name} ${report.tool.version}, ${report.generatedAt}; waivers judged as of ${report.asOf}. Packs: ${packsOf(report).map((p) => PACK_TITLES[p]).join(', ') || 'none'}.`)}</p>
<div class="cards" id="summary">
${card('error', 'Errors', summary.errors)}${card('warning', 'Warnings', summary.warnings)}${card('ack', 'Acknowledged', summary.acknowledged)}${card('', 'Resources', summary.resources)}${card('unjudged', 'Not judged', summary.unjudged)}${card('', 'Templates', summary.templates)}
</div>
<h2>Controls</h2>
${controlsTable(report)}
<h2>Findings per control family</h2>
${familyChart(report.findings)}
<div class="grid">
${summaryTable('by-family', 'By control family', 'Family', report.findings, (f) => (f.controls.length > 0 ? f.controls.map(controlFamily) : ['(no control)']))}
${summaryTable('by-stack', 'By stack', 'Stack', report.findings, (f) => [f.stack])}
${summaryTable('by-data-class', 'By data class', 'Data class', report.findings, (f) => [f.dataClass ?? '(none)'])}
</div>
<h2>Findings</h2>
${filters(report, tagKeys)}
<p><span id="shown">${report.findings.length}</span> of ${report.findings.length} finding(s) shown.</p>
${findingsTable(report, tagKeys, templateRegions(options.templateText))}
<h2>Waivers</h2>
${waiversSection(report, tagKeys)}
${deploymentsSection(report)}<h2>Not judged</h2>
${notJudgedSection(report, tagKeys)}
<h2>Templates</h2>
<table id="templates"><thead><tr><th>Template</th><th>Stack</th><th>Stack tags</th><th>Resources</th><th>Not judged</th></tr></thead><tbody>
${report.templates.map((t) => `<tr><td><code>${escapeHtml(t.template)}</code></td><td>${escapeHtml(t.stack)}</td><td>${Object.entries(t.tags ?? {}).map(([k, v]) => `<code>${escapeHtml(`${k}=${v}`)}</code>`).join(' ')}</td><td class="num">${t.resources}</td><td class="num">${unjudgedCount(t)}</td></tr>`).join('\n')}
</tbody></table>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** Each assessed control, in catalogue order: its status (red when not satisfied, blue with accepted risk, green when satisfied) and the findings behind it. */
function controlsTable(report: AuditReport): string {
  const statuses = controlStatuses(report);
  if (statuses.length === 0) return '<p id="controls">No control assessed.</p>';
  const counts = controlStateCounts(statuses);
  const tally = `${statuses.length} control(s) assessed: ${CONTROL_STATES.map((state) => `${counts[state]} ${CONTROL_STATE_LABELS[state]}`).join(', ')}. `
    + 'For the whole audit: the filters below do not change it.';
  const rows = statuses.map((s) => `<tr class="control-${s.state}" data-state="${s.state}">`
    + `<td><code>${escapeHtml(s.control.id)}</code></td>`
    + `<td>${escapeHtml(s.control.title)}</td>`
    + `<td class="state"><span class="badge ${s.state}">${escapeHtml(CONTROL_STATE_LABELS[s.state])}</span></td>`
    + `<td class="num">${s.openErrors.length}</td><td class="num">${s.openWarnings.length}</td><td class="num">${s.acknowledged.length}</td></tr>`);
  return `<p class="meta" id="controls-tally">${escapeHtml(tally)}</p>
<table id="controls"><thead><tr><th>Control</th><th>Title</th><th>Status</th><th>Open errors</th><th>Open warnings</th><th>Acknowledged</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function card(cls: string, label: string, value: number): string {
  return `<div class="card ${cls}"><b>${value}</b>${escapeHtml(label)}</div>`;
}

function summaryTable(id: string, caption: string, heading: string, findings: readonly AuditFinding[], keysOf: (f: AuditFinding) => string[]): string {
  const rows = countBy(findings, keysOf).map(([key]) => {
    const counts = findingCounts(findings.filter((f) => keysOf(f).includes(key)));
    return `<tr><td>${escapeHtml(key)}</td><td class="num">${counts.errors}</td><td class="num">${counts.warnings}</td><td class="num">${counts.acknowledged}</td></tr>`;
  });
  const body = rows.length > 0 ? rows.join('\n') : '<tr><td colspan="4">No findings.</td></tr>';
  return `<table id="${id}"><caption>${escapeHtml(caption)}</caption><thead><tr><th>${escapeHtml(heading)}</th><th>Open errors</th><th>Open warnings</th><th>Acknowledged</th></tr></thead><tbody>
${body}
</tbody></table>`;
}

/** Horizontal bars, one per control family: open findings in red, acknowledged in blue. */
function familyChart(findings: readonly AuditFinding[]): string {
  const families = countBy(findings, (f) => (f.controls.length > 0 ? f.controls.map(controlFamily) : ['(no control)']));
  if (families.length === 0) return '<p id="family-chart">No findings.</p>';
  const max = Math.max(...families.map(([, n]) => n));
  const barHeight = 22;
  const labelWidth = 130;
  const plotWidth = 420;
  const height = families.length * (barHeight + 6) + 6;
  const bars = families.map(([family, total], i) => {
    const inFamily = findings.filter((f) => (f.controls.length > 0 ? f.controls.map(controlFamily) : ['(no control)']).includes(family));
    const open = inFamily.filter((f) => f.status === 'open').length;
    const y = 6 + i * (barHeight + 6);
    const openWidth = Math.round((open / max) * plotWidth);
    const ackWidth = Math.round(((total - open) / max) * plotWidth);
    return `<g class="bar" data-family="${escapeHtml(family)}"><title>${escapeHtml(`${family}: ${open} open, ${total - open} acknowledged`)}</title>`
      + `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(family)}</text>`
      + `<rect x="${labelWidth}" y="${y}" width="${openWidth}" height="${barHeight}" fill="#cf222e"/>`
      + `<rect x="${labelWidth + openWidth}" y="${y}" width="${ackWidth}" height="${barHeight}" fill="#54aeff"/>`
      + `<text x="${labelWidth + openWidth + ackWidth + 6}" y="${y + 15}">${total}</text></g>`;
  });
  return `<svg id="family-chart" role="img" aria-label="Findings per control family" width="${labelWidth + plotWidth + 50}" height="${height}" viewBox="0 0 ${labelWidth + plotWidth + 50} ${height}" xmlns="http://www.w3.org/2000/svg">
${bars.join('\n')}
</svg>
<p class="meta">Red: open. Blue: acknowledged under a waiver. A finding mapped to controls of several families counts once in each.</p>`;
}

/** The filters: level, status, stack, rule, and one per stack tag key (`county`, `environment`), each with the values the audit has. */
function filters(report: AuditReport, tagKeys: readonly string[]): string {
  const select = (filter: string, label: string, values: readonly string[]) => `<label>${escapeHtml(label)}<select data-filter="${filter}" id="filter-${filter}">`
    + '<option value="">All</option>'
    + values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`).join('')
    + '</select></label>';
  const distinct = (key: (f: AuditFinding) => string) => countBy(report.findings, (f) => [key(f)]).map(([value]) => value);
  const stacks = countBy([...report.findings, ...report.waivers, ...templatesWithUnjudged(report)], (item) => [item.stack]).map(([stack]) => stack);
  const tags = tagKeys.map((key, i) => select(`tag${i}`, `Stack tag: ${key}`, countBy(report.templates, (t) => (t.tags?.[key] !== undefined ? [t.tags[key]] : [])).map(([value]) => value)));
  return `<div class="filters">${select('level', 'Level', ['error', 'warning'])}${select('status', 'Status', ['open', 'acknowledged'])}`
    + `${select('stack', 'Stack', stacks)}${select('rule', 'Rule', distinct((f) => f.ruleId))}${tags.join('')}</div>`;
}

/** `data-tag0="Adams" data-tag1="production"`: a row's stack tags, in the order of the filters (empty when the stack lacks one). */
function tagAttributes(template: string, tagKeys: readonly string[], tagsOf: ReadonlyMap<string, Readonly<Record<string, string>>>): string {
  const tags = tagsOf.get(template) ?? {};
  return tagKeys.map((key, i) => ` data-tag${i}="${escapeHtml(tags[key] ?? '')}"`).join('');
}

function findingsTable(report: AuditReport, tagKeys: readonly string[], regions: TemplateRegions | undefined): string {
  const tagsOf = tagsByTemplate(report);
  const rows = report.findings.map((f) => {
    const rule = ruleOf(report, f.ruleId);
    const ruleTitle = rule ? ` title="${escapeHtml(rule.explanation)}"` : '';
    const granular = f.findingId !== undefined ? ` [${f.findingId}]` : '';
    // The property's own line when the template file holds it (as SARIF's region), else the resource's.
    const at = f.propertyPath !== undefined ? regions?.regionOf(f.template, f.logicalId, f.propertyPath)?.startLine : undefined;
    const lineNumber = at ?? f.line;
    const line = lineNumber !== undefined ? `:${lineNumber}` : '';
    const acknowledged = f.status === 'acknowledged';
    // An acknowledged finding is not an open error: grey row, the level muted, a neutral label, the waiver beside it.
    const level = acknowledged ? `<td class="lvl-waived">${escapeHtml(f.level)}</td>` : `<td class="lvl-${escapeHtml(f.level)}">${escapeHtml(f.level)}</td>`;
    const status = acknowledged ? '<span class="badge waived">acknowledged</span>' : '<span class="badge open">open</span>';
    return `<tr class="${acknowledged ? 'acknowledged' : 'open'}" data-level="${escapeHtml(f.level)}" data-status="${escapeHtml(f.status)}" data-stack="${escapeHtml(f.stack)}" data-rule="${escapeHtml(f.ruleId)}"${tagAttributes(f.template, tagKeys, tagsOf)}>`
      + `<td><code${ruleTitle}>${escapeHtml(f.ruleId + granular)}</code></td>`
      + level
      + `<td class="status">${status}</td>`
      + `<td>${escapeHtml(f.stack)}</td>`
      + `<td><code>${escapeHtml(f.logicalId)}</code>${propertyPathNote(f)}<br><small>${escapeHtml(f.template + line)}</small></td>`
      + `<td>${escapeHtml(f.resourceType)}${f.dataClass ? `<br><small>${escapeHtml(f.dataClass)}</small>` : ''}</td>`
      + `<td>${escapeHtml(f.message)}${waiverNote(f, waiverOf(report, f))}</td>`
      + `<td class="controls">${f.controls.map((c) => `<code>${escapeHtml(c)}</code>`).join(' ')}</td></tr>`;
  });
  return `<table id="findings"><thead><tr><th>Rule</th><th>Level</th><th>Status</th><th>Stack</th><th>Logical id</th><th>Type</th><th>Message</th><th>Controls</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

/** Under the logical id: the property at fault, when the rule names one. */
function propertyPathNote(finding: AuditFinding): string {
  return finding.propertyPath !== undefined ? `<br><small class="property-path">at <code>${escapeHtml(finding.propertyPath)}</code></small>` : '';
}

/** Under an acknowledged finding: who waived it (library or agency), who approved it, until when, why, where. Under an open one a waiver names but does not hold: why not. */
function waiverNote(finding: AuditFinding, waiver: AuditWaiver | undefined): string {
  if (finding.status === 'acknowledged') {
    const who = waiver ? `${originBadge(waiver)} approved by <b class="approved-by">${escapeHtml(waiver.approvedBy ?? 'not said')}</b>, ${expiresText(waiver)}` : 'Waived';
    return `<small class="waiver-note">${who}${flagBadges(waiver ? waiverFlags(waiver).filter((flag) => flag === 'expiring') : [])}<br>`
      + `${escapeHtml(finding.reason ?? '')}<br>at <code>${escapeHtml(finding.waivedAt ?? '')}</code></small>`;
  }
  if (!waiver) return '';
  return `<small class="waiver-note">${flagBadges(waiverFlags(waiver).filter((flag) => flag === 'expired' || flag === 'problem')).trim()} `
    + `The waiver at <code>${escapeHtml(waiver.madeAt)}</code> holds nothing: ${escapeHtml(waiver.problem ?? '')}</small>`;
}

function originBadge(waiver: AuditWaiver): string {
  return `<span class="badge ${waiver.origin}">${escapeHtml(ORIGIN_TITLES[waiver.origin])}</span>`;
}

function expiresText(waiver: AuditWaiver): string {
  return waiver.expires ? `expires <b class="expires">${escapeHtml(waiver.expires)}</b>` : '<span class="expires">no expiry</span>';
}

function flagBadges(flags: readonly WaiverFlag[]): string {
  return flags.map((flag) => ` <span class="badge ${flag}">${flag}</span>`).join('');
}

/**
 * The waiver register: the agency's waivers, then the library's own (the
 * defaults its constructs acknowledge, with their reasons), each with its
 * approver, expiry, how many findings it covers, and its state: sound,
 * unused, expiring, expired or another problem.
 */
function waiversSection(report: AuditReport, tagKeys: readonly string[]): string {
  if (report.waivers.length === 0) return '<p id="waivers">No waivers.</p>';
  const tagsOf = tagsByTemplate(report);
  const count = (flag: WaiverFlag) => report.waivers.filter((w) => waiverFlags(w).includes(flag)).length;
  const tally = `${report.waivers.length} waiver(s) judged as of ${report.asOf}: ${count('expired')} expired, ${count('expiring')} expiring within 30 days, `
    + `${count('problem')} with another problem, ${count('unused')} unused (covering no finding).`;
  const table = (origin: WaiverOrigin, caption: string) => {
    const waivers = report.waivers.filter((w) => w.origin === origin);
    if (waivers.length === 0) return '';
    const rows = waivers.map((w) => {
      const flags = waiverFlags(w);
      const state = flags.length > 0 ? flagBadges(flags).trim() : '<span class="badge">sound</span>';
      return `<tr class="${flags.map((flag) => `state-${flag}`).join(' ') || 'state-sound'}" data-stack="${escapeHtml(w.stack)}" data-rule="${escapeHtml(baseRuleId(w.ruleId))}"${tagAttributes(w.template, tagKeys, tagsOf)}>`
        + `<td><code>${escapeHtml(w.ruleId)}</code></td>`
        + `<td>${escapeHtml(w.reason)}</td>`
        + `<td class="approved-by">${escapeHtml(w.approvedBy ?? 'not said')}</td>`
        + `<td class="expires">${escapeHtml(w.expires ?? 'none')}</td>`
        + `<td><code>${escapeHtml(w.madeAt)}</code><br><small>${escapeHtml(w.stack)}</small></td>`
        + `<td class="controls">${w.controls.map((c) => `<code>${escapeHtml(c)}</code>`).join(' ')}</td>`
        + `<td class="num">${w.findings}</td>`
        + `<td class="state">${state}${w.problem ? `<br><span class="problem">${escapeHtml(w.problem)}</span>` : ''}</td></tr>`;
    });
    return `<table class="waivers" id="waivers-${origin}"><caption>${escapeHtml(caption)}</caption><thead><tr><th>Rule waived</th><th>Reason</th><th>Approved by</th><th>Expires</th><th>Made at</th><th>Controls</th><th>Findings covered</th><th>State</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
  };
  return `<section id="waivers"><p class="meta">${escapeHtml(tally)}</p>
${table('agency', 'Made by the agency (the app, or the template\'s author)')}
${table('library', 'Made by the library\'s constructs (their defaults, with the library\'s reasons)')}
</section>`;
}

/**
 * The statewide audit, when a template holds a stack set: per stack set, the
 * template it deploys and a row per target (county) with the parameter
 * values it gets and what is wrong with them.
 */
function deploymentsSection(report: AuditReport): string {
  const deployments = report.deployments ?? [];
  if (deployments.length === 0) return '';
  const code = (text: string) => `<code>${escapeHtml(text)}</code>`;
  const sections = deployments.map((d) => {
    const rows = d.targets.map((t) => `<tr class="${t.problems.length > 0 ? 'error' : 'ok'}"><td>${escapeHtml(t.county ?? '-')}</td>`
      + `<td>${escapeHtml(targetWhere(t))}</td><td>${escapeHtml(t.regions.join(', '))}</td>`
      + `<td>${Object.entries(t.parameters).map(([k, v]) => code(`${k}=${v}`)).join(' ')}</td>`
      + `<td>${t.problems.length === 0 ? 'ok' : t.problems.map(escapeHtml).join('<br>')}</td></tr>`);
    return `<h3>${code(`${d.stack}/${d.logicalId}`)}${d.stackSetName ? ` (${escapeHtml(d.stackSetName)})` : ''} deploys ${d.deploys ? code(d.deploys) : 'a template the audit could not find'}</h3>
${d.problems.map((p) => `<p class="meta">${escapeHtml(p)}</p>`).join('\n')}
<table class="deployment"><thead><tr><th>County</th><th>Target</th><th>Regions</th><th>Parameters</th><th>Check</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
  });
  return `<h2>Deployments</h2>
<p class="meta">What each stack set deploys to each target: the template's Defaults, then the stack set's Parameters, then the target's overrides, each checked against the template's constraints and the rules' bounds.</p>
<section id="deployments">
${sections.join('\n')}
</section>
`;
}

/** A row per template with resources no rule of the packs that ran judged: how many, and of which types. */
function notJudgedSection(report: AuditReport, tagKeys: readonly string[]): string {
  const templates = templatesWithUnjudged(report);
  if (templates.length === 0) return '<p id="not-judged">Every resource was judged by a rule of the packs that ran.</p>';
  const tagsOf = tagsByTemplate(report);
  const rows = templates.map((t) => `<tr data-stack="${escapeHtml(t.stack)}"${tagAttributes(t.template, tagKeys, tagsOf)}>`
    + `<td><code>${escapeHtml(t.template)}</code></td><td>${escapeHtml(t.stack)}</td><td class="num">${unjudgedCount(t)}</td>`
    + `<td class="types">${t.unjudged.map((u) => `<code>${escapeHtml(u.type)}</code> (${u.resources})`).join(', ')}`
    + `${(t.notExpanded ?? []).map((note) => `<div class="not-expanded">not expanded: ${escapeHtml(note)}</div>`).join('')}</td></tr>`);
  return `<p class="meta">${escapeHtml(`${report.summary.unjudged} resource(s). ${UNJUDGED_MEANING}`)}</p>
<table id="not-judged"><thead><tr><th>Template</th><th>Stack</th><th>Resources</th><th>Types (resources)</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
