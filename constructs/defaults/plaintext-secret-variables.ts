import { CfnResource, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { exposesSecret, namesSecret } from '../../lib/baseline/plaintext-secrets';
import { ResourceLookup } from '../../lib/baseline/symbolic-text';

/**
 * The environment variables of `fn` that ElectionBaseline-LambdaNoPlaintextSecrets
 * fails: the rule's own predicate, on the values as the template will carry
 * them, so the construct refuses exactly what the rule would report.
 */
export function plaintextSecretVariables(fn: lambda.Function): string[] {
  const stack = Stack.of(fn);
  const environment = stack.resolve((fn.node.defaultChild as lambda.CfnFunction).environment) as { variables?: unknown } | undefined;
  const variables = environment?.variables;
  if (variables === undefined || variables === null || typeof variables !== 'object') return [];
  let resources: ResourceLookup | undefined;
  // Only a secret-named variable with a reference is judged by what it refers to: index the stack for it alone.
  const templateFor = (name: string, value: unknown) =>
    namesSecret(name) && typeof value === 'object' && value !== null ? (resources ??= resourceIndex(stack)) : NO_RESOURCES;
  return Object.entries(variables as Record<string, unknown>)
    .filter(([name, value]) => exposesSecret(name, value, templateFor(name, value)))
    .map(([name]) => name);
}

const NO_RESOURCES: ResourceLookup = { get: () => undefined };

/** The types of the stack's resources by logical id: what a reference may name. Parameters and imports are not in it. */
function resourceIndex(stack: Stack): ResourceLookup {
  const types = new Map(stack.node.findAll()
    .filter((node): node is CfnResource => CfnResource.isCfnResource(node) && Stack.of(node) === stack)
    .map((node) => [stack.resolve(node.logicalId) as string, node.cfnResourceType]));
  return { get: (logicalId) => types.get(logicalId) };
}
