import { isMap, isSeq, LineCounter, Node, parseDocument } from 'yaml';

/** Where a property is in a template file: 1-based line and column of its key (or of its item in a list). */
export interface TemplateRegion {
  readonly startLine: number;
  readonly startColumn: number;
}

/** The text of an audited template by the name reports give it (`AuditFinding.template`), when it can be read. */
export type TemplateTextOf = (template: string) => string | undefined;

/**
 * Finds properties of resources in template files, parsing each file once.
 * The `yaml` parser reads JSON and YAML alike and keeps every node's offset,
 * so one walk serves both; CloudFormation's short tags (`!Ref`) parse as
 * unknown tags, which changes no offset.
 */
export class TemplateRegions {
  private readonly parsed = new Map<string, { root: Node | null; lines: LineCounter } | undefined>();

  constructor(private readonly textOf: TemplateTextOf) {}

  /**
   * The region of `Resources.<logicalId>.<propertyPath>` in the template. A
   * path the file does not hold to its end (the property is missing, which
   * is often the fault) gives its deepest part the file holds: `Properties`,
   * else the resource. Undefined when the file cannot be read or does not
   * declare the resource (one the SAM transform or `Fn::ForEach` made).
   */
  public regionOf(template: string, logicalId: string, propertyPath: string | undefined): TemplateRegion | undefined {
    const document = this.parse(template);
    if (!document) return undefined;
    const resource = childOf(childOf(document.root, 'Resources')?.value ?? null, logicalId);
    if (!resource) return undefined;
    let found = resource;
    for (const segment of propertyPath === undefined ? [] : propertyPath.split('.')) {
      const child = childOf(found.value, segment);
      if (!child) break;
      found = child;
    }
    const offset = found.at.range?.[0];
    if (offset === undefined) return undefined;
    const { line, col } = document.lines.linePos(offset);
    return { startLine: line, startColumn: col };
  }

  private parse(template: string): { root: Node | null; lines: LineCounter } | undefined {
    if (!this.parsed.has(template)) {
      const text = this.textOf(template);
      const lines = new LineCounter();
      const document = text === undefined ? undefined : parseDocument(text, { lineCounter: lines, strict: false, uniqueKeys: false, prettyErrors: false });
      this.parsed.set(template, document && document.errors.length === 0 ? { root: document.contents, lines } : undefined);
    }
    return this.parsed.get(template);
  }
}

/** A child of a map by key or of a list by index: the node to point at (the key, or the item) and its value. */
function childOf(node: Node | null, segment: string): { at: Node; value: Node | null } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => keyText(p.key) === segment);
    if (!pair) return undefined;
    const value = (pair.value ?? null) as Node | null;
    return { at: (pair.key as Node | null) ?? value ?? node, value };
  }
  if (isSeq(node) && /^\d+$/.test(segment)) {
    const item = node.items[Number(segment)] as Node | undefined;
    return item ? { at: item, value: item } : undefined;
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (key === null || typeof key !== 'object') return typeof key === 'string' ? key : undefined;
  const value = (key as { value?: unknown }).value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

const regionsByText = new WeakMap<TemplateTextOf, TemplateRegions>();

/**
 * The regions of the templates `textOf` reads, shared by every format rendered
 * with the same options (SARIF and HTML in one report set), so each template
 * file is parsed once, not once per format.
 */
export function templateRegions(textOf: TemplateTextOf | undefined): TemplateRegions | undefined {
  if (!textOf) return undefined;
  let regions = regionsByText.get(textOf);
  if (!regions) regionsByText.set(textOf, (regions = new TemplateRegions(textOf)));
  return regions;
}
