/**
 * A small evaluator of the CloudWatch Logs JSON filter-pattern syntax that
 * SecurityAlarms uses, so tests can run the real patterns on sample CloudTrail
 * events. Semantics (CloudWatch Logs user guide, "Filter pattern syntax"):
 *
 * - `{ $.a.b = "value" }`, `!=`, quoted or bare values; `*` matches any text
 *   at the start and/or end of a value, and a lone `*` any value;
 * - `$.a NOT EXISTS`, `$.a IS NULL`, `$.a IS TRUE`, `$.a IS FALSE`;
 * - `&&`, `||` and parentheses;
 * - a comparison on a field the event lacks does not match, `!=` included
 *   (observed in the CloudWatch console, DataBiosphere/azul#5884).
 *
 * What it does not know it refuses rather than guesses: mixing `&&` and `||`
 * without parentheses (CloudWatch's precedence is not documented), a `*` in the
 * middle of a value, regular expressions (`%...%`) and numeric comparisons.
 */
export function matchesFilterPattern(pattern: string, event: unknown): boolean {
  const tokens = tokenize(pattern);
  const parser = new Parser(tokens);
  const expr = parser.parsePattern();
  return evaluate(expr, event);
}

type Expr =
  | { kind: 'and' | 'or'; terms: Expr[] }
  | { kind: 'compare'; selector: string[]; op: '=' | '!='; value: string }
  | { kind: 'postfix'; selector: string[]; test: 'NOT EXISTS' | 'IS NULL' | 'IS TRUE' | 'IS FALSE' };

type Token = { type: 'punct'; text: string } | { type: 'word'; text: string } | { type: 'string'; text: string };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (/\s/.test(c)) {
      i++;
    } else if (pattern.startsWith('&&', i) || pattern.startsWith('||', i) || pattern.startsWith('!=', i)) {
      tokens.push({ type: 'punct', text: pattern.slice(i, i + 2) });
      i += 2;
    } else if ('{}()='.includes(c)) {
      tokens.push({ type: 'punct', text: c });
      i++;
    } else if (c === '"') {
      let text = '';
      i++;
      while (i < pattern.length && pattern[i] !== '"') {
        if (pattern[i] === '\\') i++;
        text += pattern[i++];
      }
      if (i >= pattern.length) throw new Error(`unterminated string in ${pattern}`);
      i++;
      tokens.push({ type: 'string', text });
    } else {
      const match = /^[^\s{}()=!&|"]+/.exec(pattern.slice(i));
      if (!match) throw new Error(`unexpected '${c}' at ${i} in ${pattern}`);
      tokens.push({ type: 'word', text: match[0] });
      i += match[0].length;
    }
  }
  return tokens;
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  public parsePattern(): Expr {
    this.expect('{');
    const expr = this.parseExpression();
    this.expect('}');
    if (this.position !== this.tokens.length) throw new Error('text after the closing brace');
    return expr;
  }

  private parseExpression(): Expr {
    const terms = [this.parseTerm()];
    let operator: string | undefined;
    while (this.peek()?.text === '&&' || this.peek()?.text === '||') {
      const next = this.tokens[this.position++].text;
      if (operator !== undefined && operator !== next) {
        throw new Error('&& and || mixed without parentheses: CloudWatch does not document their precedence');
      }
      operator = next;
      terms.push(this.parseTerm());
    }
    if (operator === undefined) return terms[0];
    return { kind: operator === '&&' ? 'and' : 'or', terms };
  }

  private parseTerm(): Expr {
    if (this.peek()?.text === '(') {
      this.position++;
      const inner = this.parseExpression();
      this.expect(')');
      return inner;
    }
    const selectorToken = this.tokens[this.position++];
    if (selectorToken?.type !== 'word' || !selectorToken.text.startsWith('$')) throw new Error(`expected a $. selector, got ${selectorToken?.text}`);
    const selector = parseSelector(selectorToken.text);
    const next = this.tokens[this.position++];
    if (next?.text === '=' || next?.text === '!=') {
      const value = this.tokens[this.position++];
      if (!value || value.type === 'punct') throw new Error(`expected a value after ${selectorToken.text} ${next.text}`);
      if (value.type === 'word' && (value.text.startsWith('%') || /^-?\d/.test(value.text))) {
        throw new Error(`regex and numeric values are not supported by this evaluator: ${value.text}`);
      }
      if (value.text.length > 2 && value.text.slice(1, -1).includes('*')) throw new Error(`a '*' inside a value is not supported: ${value.text}`);
      return { kind: 'compare', selector, op: next.text, value: value.text };
    }
    const words = `${next?.text} ${this.peek()?.text}`;
    if (next?.type === 'word' && ['NOT EXISTS', 'IS NULL', 'IS TRUE', 'IS FALSE'].includes(words)) {
      this.position++;
      return { kind: 'postfix', selector, test: words as 'NOT EXISTS' };
    }
    throw new Error(`unsupported operator after ${selectorToken.text}: ${next?.text}`);
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private expect(text: string): void {
    const token = this.tokens[this.position++];
    if (token?.text !== text || token.type !== 'punct') throw new Error(`expected '${text}', got '${token?.text}'`);
  }
}

function parseSelector(text: string): string[] {
  const match = /^\$((?:\.[A-Za-z0-9_\-@]+|\[\d+\])+)$/.exec(text);
  if (!match) throw new Error(`unsupported selector ${text}`);
  return [...match[1].matchAll(/\.([^.[]+)|\[(\d+)\]/g)].map((m) => m[1] ?? m[2]);
}

const ABSENT = Symbol('absent');

function select(event: unknown, path: string[]): unknown {
  let current: unknown = event;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, key)) return ABSENT;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function evaluate(expr: Expr, event: unknown): boolean {
  switch (expr.kind) {
    case 'and':
      return expr.terms.every((t) => evaluate(t, event));
    case 'or':
      return expr.terms.some((t) => evaluate(t, event));
    case 'postfix': {
      const value = select(event, expr.selector);
      if (expr.test === 'NOT EXISTS') return value === ABSENT;
      if (expr.test === 'IS NULL') return value === null;
      return value === (expr.test === 'IS TRUE');
    }
    case 'compare': {
      const value = select(event, expr.selector);
      // A missing field, an object or an array compares as nothing: neither equal nor unequal.
      if (value === ABSENT || value === null || typeof value === 'object') return false;
      const equal = wildcardEquals(expr.value, String(value));
      return expr.op === '=' ? equal : !equal;
    }
  }
}

function wildcardEquals(pattern: string, text: string): boolean {
  if (pattern === '*') return true;
  const leading = pattern.startsWith('*');
  const trailing = pattern.length > 1 && pattern.endsWith('*');
  const core = pattern.slice(leading ? 1 : 0, trailing ? -1 : undefined);
  if (leading && trailing) return text.includes(core);
  if (leading) return text.endsWith(core);
  if (trailing) return text.startsWith(core);
  return text === core;
}
