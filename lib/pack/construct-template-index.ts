import { CfnParameter, CfnResource, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { TemplateAccounts } from './accounts';
import { at, isObject } from '../baseline/intrinsics';
import { renderedFragment, renderedResource } from '../render/rendered-template';
import { StackTemplate, TemplateResource, toTemplateResource } from './template-model';

/** A resource as its template carries it, with the index of its stack. */
export interface IndexedResource {
  readonly resource: TemplateResource;
  readonly template: StackTemplate;
}

/** A stack as CDK wrote it at synth: its template, and the account it deploys to when known. */
export interface SynthesizedStack {
  /** The template file's JSON. */
  readonly template: unknown;
  /** The stack's account (the validation context's `accountId`); undefined for an env-agnostic stack. */
  readonly account?: string;
}

/**
 * Renders every CloudFormation resource of the stacks under a scope once, as
 * the template will carry it, so rules judge template JSON and never the
 * construct objects: the same verdict at synth and on a bare template.
 */
export class ConstructTemplateIndex {
  /**
   * Indexes every stack that holds a resource under `scope`. A stack whose
   * synthesized template is given (by construct path) is read from it, so the
   * rules judge the very file CloudFormation will deploy; any other stack is
   * rendered from the tree. Each template knows its own account (from the
   * synthesized stack, else the stack's literal `account`) and the trusted ones.
   */
  public static build(
    scope: IConstruct,
    synthesized: ReadonlyMap<string, SynthesizedStack> = new Map(),
    trustedAccounts: ReadonlySet<string> = new Set(),
  ): ConstructTemplateIndex {
    const index = new ConstructTemplateIndex();
    const byStack = new Map<Stack, CfnResource[]>();
    for (const node of scope.node.findAll()) {
      if (!CfnResource.isCfnResource(node)) continue;
      const stack = Stack.of(node);
      const list = byStack.get(stack) ?? [];
      list.push(node);
      byStack.set(stack, list);
    }
    for (const [stack, found] of byStack) {
      // Cross-resource rules need the whole stack: walk it again only when the scope holds part of it.
      const nodes = stack.node.scopes.includes(scope) ? found : resourcesOf(stack);
      const written = synthesized.get(stack.node.path);
      const accounts: TemplateAccounts = { own: written?.account ?? literalAccount(stack), trusted: trustedAccounts };
      const resources = at(written?.template, 'Resources');
      if (isObject(resources)) index.addTemplate(stack, nodes, resources, accounts, asRecord(at(written?.template, 'Parameters')));
      else index.addRendered(stack, nodes, accounts);
    }
    return index;
  }

  private readonly byNode = new Map<CfnResource, IndexedResource>();

  private constructor() {}

  /** The rendered resource for a node; undefined for one outside the indexed stacks. */
  public lookup(node: CfnResource): IndexedResource | undefined {
    return this.byNode.get(node);
  }

  /** Every indexed node with its rendered resource. */
  public entries(): IterableIterator<[CfnResource, IndexedResource]> {
    return this.byNode.entries();
  }

  private addTemplate(stack: Stack, nodes: readonly CfnResource[], resources: Record<string, unknown>, accounts: TemplateAccounts, parameters: Record<string, unknown>): void {
    const template = StackTemplate.fromResources(resources, accounts, parameters);
    for (const node of nodes) {
      const resource = template.get(stack.resolve(node.logicalId) as string);
      if (resource) this.byNode.set(node, { resource, template });
    }
  }

  private addRendered(stack: Stack, nodes: readonly CfnResource[], accounts: TemplateAccounts): void {
    const rendered = nodes.map((node): [CfnResource, TemplateResource] => [node, render(node)]);
    const template = new StackTemplate(rendered.map(([, resource]) => resource), accounts, renderParameters(stack));
    for (const [node, resource] of rendered) this.byNode.set(node, { resource, template });
  }
}

/** The stack's account when the app gives it (`env: { account }`); undefined for an env-agnostic stack. */
function literalAccount(stack: Stack): string | undefined {
  return Token.isUnresolved(stack.account) ? undefined : stack.account;
}

function asRecord(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

/** The stack's `Parameters` section as the template will carry it. */
function renderParameters(stack: Stack): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  for (const node of stack.node.findAll()) {
    if (!(node instanceof CfnParameter) || Stack.of(node) !== stack) continue;
    Object.assign(parameters, asRecord(renderedFragment(node).Parameters));
  }
  return parameters;
}

function resourcesOf(stack: Stack): CfnResource[] {
  return stack.node.findAll().filter((node): node is CfnResource => CfnResource.isCfnResource(node) && Stack.of(node) === stack);
}

/** A resource as its template will carry it, rendered by the renderer constructs check themselves with. */
function render(node: CfnResource): TemplateResource {
  const { logicalId, entry } = renderedResource(node);
  return toTemplateResource(logicalId, entry);
}
