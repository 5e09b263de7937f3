import { createHash } from 'crypto';
import { AuditFinding, AuditReport, AuditWaiver } from '../audit/model';
import { controlFamily, countBy, PACK_TITLES, packsOf, ruleOf } from './report-data';

/** Every text the report holds comes from templates, often a vendor's: it is escaped, never trusted as markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' })[c] as string);
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem;color:#1b1f24;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem;border-bottom:1px solid #d0d7de}
.meta{color:#57606a}.cards{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
.card{border:1px solid #d0d7de;border-radius:6px;padding:.5rem 1rem;min-width:7rem}.card b{display:block;font-size:1.6rem}
.card.error b{color:#b42318}.card.warning b{color:#9a6700}.card.ack b{color:#0969da}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right}.grid{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}.grid table{width:auto;margin:0}
#findings td:first-child,#waivers td:first-child{min-width:15rem}#findings td:last-child{min-width:10rem}#waivers td:nth-child(3){min-width:12rem}
.lvl-error{color:#b42318;font-weight:600}.lvl-warning{color:#9a6700;font-weight:600}.st-acknowledged{color:#0969da}
.problem{color:#b42318;font-weight:600}code{font-family:ui-monospace,monospace;font-size:.9em;overflow-wrap:anywhere}
.filters{display:flex;gap:1rem;flex-wrap:wrap;align-items:end;margin:.5rem 0}.filters label{display:flex;flex-direction:column;font-weight:600}
svg text{font:12px system-ui,sans-serif}
`;

const SCRIPT = `
(function () {
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings tbody tr'));
  var counter = document.getElementById('shown');
  function apply() {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = selects.every(function (s) { return s.value === '' || row.getAttribute('data-' + s.getAttribute('data-filter')) === s.value; });
      row.hidden = !visible;
      if (visible) shown++;
    });
    counter.textContent = String(shown);
  }
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  apply();
})();
`;

/**
 * One self-contained HTML file: summary counts, summaries by control family,
 * stack and data class, a bar chart of findings per control family, every
 * finding and every waiver, and filters by level, stack and rule. No request
 * leaves the page: styles and script are inline, allowed by hash in a CSP that
 * denies everything else.
 */
export function renderHtml(report: AuditReport): string {
  const { summary } = report;
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
<p class="meta">${escapeHtml(`${report.tool.name} ${report.tool.version}, ${report.generatedAt}. Packs: ${packsOf(report).map((p) => PACK_TITLES[p]).join(', ') || 'none'}.`)}</p>
<div class="cards" id="summary">
${card('error', 'Errors', summary.errors)}${card('warning', 'Warnings', summary.warnings)}${card('ack', 'Acknowledged', summary.acknowledged)}${card('', 'Resources', summary.resources)}${card('', 'Templates', summary.templates)}
</div>
<h2>Findings per control family</h2>
${familyChart(report.findings)}
<div class="grid">
${summaryTable('by-family', 'By control family', 'Family', report.findings, (f) => (f.controls.length > 0 ? f.controls.map(controlFamily) : ['(no control)']))}
${summaryTable('by-stack', 'By stack', 'Stack', report.findings, (f) => [f.stack])}
${summaryTable('by-data-class', 'By data class', 'Data class', report.findings, (f) => [f.dataClass ?? '(none)'])}
</div>
<h2>Findings</h2>
${filters(report.findings)}
<p><span id="shown">${report.findings.length}</span> of ${report.findings.length} finding(s) shown.</p>
${findingsTable(report)}
<h2>Waivers</h2>
${waiversTable(report.waivers)}
<h2>Templates</h2>
<table id="templates"><thead><tr><th>Template</th><th>Stack</th><th>Resources</th></tr></thead><tbody>
${report.templates.map((t) => `<tr><td><code>${escapeHtml(t.template)}</code></td><td>${escapeHtml(t.stack)}</td><td class="num">${t.resources}</td></tr>`).join('\n')}
</tbody></table>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function card(cls: string, label: string, value: number): string {
  return `<div class="card ${cls}"><b>${value}</b>${escapeHtml(label)}</div>`;
}

function levelCounts(findings: readonly AuditFinding[]): { errors: number; warnings: number; acknowledged: number } {
  return {
    errors: findings.filter((f) => f.status === 'open' && f.level === 'error').length,
    warnings: findings.filter((f) => f.status === 'open' && f.level === 'warning').length,
    acknowledged: findings.filter((f) => f.status === 'acknowledged').length,
  };
}

function summaryTable(id: string, caption: string, heading: string, findings: readonly AuditFinding[], keysOf: (f: AuditFinding) => string[]): string {
  const rows = countBy(findings, keysOf).map(([key]) => {
    const counts = levelCounts(findings.filter((f) => keysOf(f).includes(key)));
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

function filters(findings: readonly AuditFinding[]): string {
  const select = (filter: string, label: string, values: readonly string[]) => `<label>${escapeHtml(label)}<select data-filter="${filter}" id="filter-${filter}">`
    + '<option value="">All</option>'
    + values.map((v) => `<option value="${escapeHtml(v)}">${escapeHtml(v)}</option>`).join('')
    + '</select></label>';
  const distinct = (key: (f: AuditFinding) => string) => countBy(findings, (f) => [key(f)]).map(([value]) => value);
  return `<div class="filters">${select('level', 'Level', ['error', 'warning'])}${select('stack', 'Stack', distinct((f) => f.stack))}${select('rule', 'Rule', distinct((f) => f.ruleId))}</div>`;
}

function findingsTable(report: AuditReport): string {
  const rows = report.findings.map((f) => {
    const rule = ruleOf(report, f.ruleId);
    const ruleTitle = rule ? ` title="${escapeHtml(rule.explanation)}"` : '';
    const granular = f.findingId !== undefined ? ` [${f.findingId}]` : '';
    const waiver = f.status === 'acknowledged' ? `<br><small>Waived at <code>${escapeHtml(f.waivedAt ?? '')}</code>: ${escapeHtml(f.reason ?? '')}</small>` : '';
    const line = f.line !== undefined ? `:${f.line}` : '';
    return `<tr data-level="${escapeHtml(f.level)}" data-stack="${escapeHtml(f.stack)}" data-rule="${escapeHtml(f.ruleId)}">`
      + `<td><code${ruleTitle}>${escapeHtml(f.ruleId + granular)}</code></td>`
      + `<td class="lvl-${escapeHtml(f.level)}">${escapeHtml(f.level)}</td>`
      + `<td class="st-${escapeHtml(f.status)}">${escapeHtml(f.status)}</td>`
      + `<td>${escapeHtml(f.stack)}</td>`
      + `<td><code>${escapeHtml(f.logicalId)}</code><br><small>${escapeHtml(f.template + line)}</small></td>`
      + `<td>${escapeHtml(f.resourceType)}${f.dataClass ? `<br><small>${escapeHtml(f.dataClass)}</small>` : ''}</td>`
      + `<td>${escapeHtml(f.message)}${waiver}</td>`
      + `<td>${f.controls.map((c) => `<code>${escapeHtml(c)}</code>`).join(' ')}</td></tr>`;
  });
  return `<table id="findings"><thead><tr><th>Rule</th><th>Level</th><th>Status</th><th>Stack</th><th>Logical id</th><th>Type</th><th>Message</th><th>Controls</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function waiversTable(waivers: readonly AuditWaiver[]): string {
  if (waivers.length === 0) return '<p id="waivers">No waivers.</p>';
  const rows = waivers.map((w) => `<tr${w.problem ? ' class="has-problem"' : ''}>`
    + `<td><code>${escapeHtml(w.ruleId)}</code></td>`
    + `<td>${escapeHtml(w.reason)}</td>`
    + `<td><code>${escapeHtml(w.madeAt)}</code></td>`
    + `<td>${escapeHtml(w.stack)}</td>`
    + `<td>${w.controls.map((c) => `<code>${escapeHtml(c)}</code>`).join(' ')}</td>`
    + `<td class="num">${w.findings}</td>`
    + `<td${w.problem ? ' class="problem"' : ''}>${escapeHtml(w.problem ?? 'sound')}</td></tr>`);
  return `<table id="waivers"><thead><tr><th>Rule waived</th><th>Reason</th><th>Made at</th><th>Stack</th><th>Controls</th><th>Findings covered</th><th>Problem</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
