/**
 * Reading a Content-Security-Policy header, in one place for the constructs that write one and the
 * rule that judges it (`ElectionBaseline-CloudFrontSecurityHeaders`).
 */

/** One directive as written: its name lower-cased, its sources as given (hashes and nonces are case-sensitive). */
export interface CspDirective {
  readonly name: string;
  readonly sources: readonly string[];
}

/** The directives in order, empty ones dropped. A repeated directive is kept: browsers obey only the first. */
export function cspDirectives(text: string): CspDirective[] {
  const directives: CspDirective[] = [];
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.push({ name: name.toLowerCase(), sources });
  }
  return directives;
}

/** Sources that admit script from any host, or inline script through a URL. */
const ANY_HOST_SOURCE = /^(\*|https?:|data:|(https?:\/\/)?\*(:\*)?)$/;
const HASH_SOURCE = /^'sha(256|384|512)-/;

/**
 * Whether a Content-Security-Policy restricts scripts: a script-src (or
 * default-src) without 'unsafe-eval', without 'unsafe-inline' unless hashed,
 * and without sources that allow any host; and no default-src `*`.
 */
export function isStrictContentSecurityPolicy(text: string): boolean {
  const directives = new Map<string, string[]>();
  for (const { name, sources } of cspDirectives(text)) {
    if (!directives.has(name)) directives.set(name, sources.map((s) => s.toLowerCase()));
  }
  const defaultSrc = directives.get('default-src');
  if (defaultSrc?.includes('*')) return false;
  const scriptSrc = directives.get('script-src') ?? defaultSrc;
  if (scriptSrc === undefined) return false; // nothing restricts script
  return [scriptSrc, directives.get('script-src-elem'), directives.get('script-src-attr')].every((s) => s === undefined || safeScriptSources(s));
}

function safeScriptSources(sources: string[]): boolean {
  const hashed = sources.some((s) => HASH_SOURCE.test(s));
  // CSP 2/3: a hash makes browsers ignore 'unsafe-inline'; 'strict-dynamic' (with a hash) ignores host and scheme sources.
  const hostsIgnored = hashed && sources.includes("'strict-dynamic'");
  if (sources.includes("'unsafe-eval'")) return false;
  if (sources.includes("'unsafe-inline'") && !hashed) return false;
  return hostsIgnored || !sources.some((s) => ANY_HOST_SOURCE.test(s));
}
