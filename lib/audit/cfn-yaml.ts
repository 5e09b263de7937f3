import { CST, Document, isAlias, isCollection, isMap, isNode, isScalar, Lexer, LineCounter, Node, Pair, parseDocument, Scalar, Tags, YAMLMap } from 'yaml';
import { AuditInputError, firstLine } from './input-error';
import { INPUT_LIMITS, tooDeep, tooManyValues } from './input-limits';

/**
 * CloudFormation's short-form intrinsics, `!Name`, and the long form each
 * stands for: the functions of resources and outputs, of `Conditions`, of
 * `Rules` assertions (`!Contains`, `!ValueOf`, ...) and of the
 * `AWS::LanguageExtensions` transform (`!ToJsonString`, `!Length`).
 */
const SHORT_FORMS: Record<string, string> = {
  Ref: 'Ref',
  Condition: 'Condition',
  ...Object.fromEntries(
    [
      'Base64', 'Cidr', 'FindInMap', 'GetAtt', 'GetAZs', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform',
      'And', 'Equals', 'If', 'Not', 'Or',
      'Contains', 'EachMemberEquals', 'EachMemberIn', 'RefAll', 'ValueOf', 'ValueOfAll',
      'ToJsonString', 'Length',
    ].map((name) => [name, `Fn::${name}`]),
  ),
};

/** `!GetAtt Bucket.Arn` is the list form `[Bucket, Arn]`; the attribute itself may hold dots (`Endpoint.Address`). */
function longForm(name: string, value: string): Record<string, unknown> {
  if (name === 'GetAtt') {
    const dot = value.indexOf('.');
    return { 'Fn::GetAtt': dot > 0 ? [value.slice(0, dot), value.slice(dot + 1)] : value };
  }
  return { [SHORT_FORMS[name]]: value };
}

/**
 * `!Join [...]` becomes the map node `{ Fn::Join: [...] }` that keeps the list
 * as parsed, so its aliases resolve within the document (and count against
 * the limits) like any other.
 */
function longFormNode(name: string, collection: unknown): YAMLMap {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(SHORT_FORMS[name]), collection));
  return map;
}

/** One tag per short form and node kind (`!Join [...]`, `!Ref Name`, `!Transform {...}`). */
function cloudFormationTags(): Tags {
  const tags: Tags = [];
  for (const name of Object.keys(SHORT_FORMS)) {
    const tag = `!${name}`;
    tags.push(
      { tag, resolve: (value: string) => longForm(name, value) },
      { tag, collection: 'seq', resolve: (seq) => longFormNode(name, seq) },
      { tag, collection: 'map', resolve: (map) => longFormNode(name, map) },
    );
  }
  return tags;
}

const TAGS = cloudFormationTags();

/** A parsed YAML template and the 1-based line of each key of its `Resources` map. */
export interface ParsedYaml {
  readonly value: unknown;
  readonly resourceLines: Map<string, number>;
}

/**
 * Parses a YAML CloudFormation template, short-form intrinsics included,
 * into the JSON form CloudFormation itself uses. Malformed YAML (including
 * duplicate keys and unknown tags) is an AuditInputError naming the line, and
 * so is YAML that would cost unbounded time or memory to expand (see
 * `checkYamlShape`).
 */
export function parseCloudFormationYaml(text: string, file: string): ParsedYaml {
  checkValueCount(text, file);
  const lineCounter = new LineCounter();
  // Duplicate keys are found by checkYamlShape: the parser's own check compares every pair of keys in a map.
  const doc = parseDocument(text, { customTags: TAGS, lineCounter, prettyErrors: true, uniqueKeys: false });
  const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code === 'TAG_RESOLVE_FAILED')];
  if (problems.length > 0) {
    const problem = problems[0];
    if (isStackOverflow(problem.message)) throw tooDeep(file);
    const where = problem.linePos ? ` at line ${problem.linePos[0].line}` : '';
    const message = firstLine(problem.message.replace(/ at line \d+, column \d+.*/s, ''));
    throw new AuditInputError(`${file}: malformed YAML${where}: ${message}${preprocessorHint(message)}`);
  }
  checkYamlShape(doc, file, lineCounter);
  let value: unknown;
  try {
    // checkYamlShape has bounded what aliases add, in one pass; the parser's own maxAliasCount check rescans the
    // whole document for each alias it meets inside an anchored node, so many aliases would cost quadratic time.
    value = doc.toJS({ maxAliasCount: -1 });
  } catch (error) {
    if (isStackOverflow(firstLine(error))) throw tooDeep(file);
    throw new AuditInputError(`${file}: malformed YAML: ${firstLine(error)}`);
  }
  const resourceLines = new Map<string, number>();
  const resources = isMap(doc.contents) ? doc.contents.get('Resources', true) : undefined;
  if (isMap(resources)) {
    for (const pair of resources.items) {
      if (isScalar(pair.key) && pair.key.range) resourceLines.set(String(pair.key.value), lineCounter.linePos(pair.key.range[0]).line);
    }
  }
  return { value, resourceLines };
}

/** The tokens that start a value, counted by the lexer (which keeps no tree) before the parser builds one of half a kilobyte a node. */
const VALUE_TOKENS = new Set(['scalar', 'single-quoted-scalar', 'double-quoted-scalar', 'block-scalar-header', 'flow-seq-start', 'flow-map-start', 'seq-item-ind', 'alias']);

function checkValueCount(text: string, file: string): void {
  let values = 0;
  for (const token of new Lexer().lex(text)) {
    if (VALUE_TOKENS.has(CST.tokenType(token) ?? '') && ++values > INPUT_LIMITS.maxValues) throw tooManyValues(file);
  }
}

function isStackOverflow(message: string): boolean {
  return /Maximum call stack size exceeded/.test(message);
}

/** A node being walked by checkYamlShape: how deep it is, what it holds, and what its subtree expands to. */
interface Frame {
  readonly node: Node;
  readonly depth: number;
  readonly children: unknown[];
  next: number;
  /** Nodes in the subtree once aliases are expanded. */
  size: number;
  /** Collections nested in the subtree, itself included, once aliases are expanded. */
  height: number;
}

/**
 * One pass over the parsed document, without recursion, before anything is
 * expanded: unique keys in every map, nesting within `INPUT_LIMITS.maxDepth`
 * also where an alias puts a deep anchored node inside a deep one, at most
 * `maxYamlAnchors` anchors and aliases, no alias inside the node it names,
 * and at most `maxYamlAliasNodes` nodes added by expanding aliases (which
 * stops the exponential "billion laughs").
 */
function checkYamlShape(doc: Document, file: string, lineCounter: LineCounter): void {
  if (!isCollection(doc.contents)) return;
  const anchored = new Map<string, Node>();
  const expanded = new Map<Node, { size: number; height: number }>();
  let anchorsAndAliases = 0;
  let aliasNodes = 0;
  const count = () => {
    if (++anchorsAndAliases > INPUT_LIMITS.maxYamlAnchors) {
      throw new AuditInputError(`${file}: more than ${INPUT_LIMITS.maxYamlAnchors} YAML anchors and aliases, which no template needs`);
    }
  };
  const open = (node: Node, depth: number): Frame => {
    if (node.anchor) {
      count();
      anchored.set(node.anchor, node);
    }
    if (!isCollection(node)) return { node, depth, children: [], next: 0, size: 1, height: 0 };
    if (depth > INPUT_LIMITS.maxDepth) throw tooDeep(file);
    if (isMap(node)) checkUniqueKeys(node, file, lineCounter);
    const children = isMap(node) ? node.items.flatMap((pair) => [pair.key, pair.value]) : node.items;
    return { node, depth, children, next: 0, size: 1, height: 1 };
  };
  const stack: Frame[] = [open(doc.contents, 1)];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      if (isAlias(child)) {
        count();
        const target = anchored.get(child.source);
        const size = target ? expanded.get(target) : undefined;
        if (target && !size) throw new AuditInputError(`${file}: YAML alias *${child.source}${lineOf(child, lineCounter)} is inside the node it names, so it never ends`);
        if (size) {
          aliasNodes += size.size;
          if (aliasNodes > INPUT_LIMITS.maxYamlAliasNodes) {
            throw new AuditInputError(`${file}: YAML aliases expand to more than ${INPUT_LIMITS.maxYamlAliasNodes} nodes (an exponential "billion laughs" expansion?)`);
          }
          if (top.depth + size.height > INPUT_LIMITS.maxDepth) throw tooDeep(file);
          top.size += size.size;
          top.height = Math.max(top.height, size.height + 1);
        }
      } else if (isNode(child)) {
        stack.push(open(child, top.depth + 1));
      }
      continue;
    }
    stack.pop();
    if (top.node.anchor) expanded.set(top.node, { size: top.size, height: top.height });
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.size += top.size;
      parent.height = Math.max(parent.height, top.height + 1);
    }
  }
}

/** Map keys must be unique (the message the parser itself gives), compared as scalars: one pass with a set. */
function checkUniqueKeys(map: YAMLMap, file: string, lineCounter: LineCounter): void {
  const keys = new Set<unknown>();
  for (const pair of map.items) {
    if (!isScalar(pair.key)) continue;
    if (keys.has(pair.key.value)) throw new AuditInputError(`${file}: malformed YAML${lineOf(pair.key, lineCounter)}: Map keys must be unique`);
    keys.add(pair.key.value);
  }
}

/** ` at line N` for a node the parser placed. */
function lineOf(node: Node, lineCounter: LineCounter): string {
  return node.range ? ` at line ${lineCounter.linePos(node.range[0]).line}` : '';
}

/**
 * A tag of a tool that rewrites templates before CloudFormation sees them (the rain CLI's `!Rain::Embed`,
 * `!Rain::Module`, `!Rain::S3`): CloudFormation refuses it too, and the template to audit is the one the tool writes.
 */
function preprocessorHint(message: string): string {
  const tag = /Unresolved tag: (!Rain::\w+)/.exec(message)?.[1];
  return tag ? ` (${tag} is the rain CLI's, not CloudFormation's: audit the template \`rain pkg\` writes)` : '';
}
