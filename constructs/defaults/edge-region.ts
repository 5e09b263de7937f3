import { Aws, CfnRule, Fn, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ValidationErrorCode } from '../../lib/validation-error';
import { validationError } from './validate';

/** The only Region where CloudFront web ACLs, their logs and CloudFront log delivery sources can live. */
export const EDGE_REGION = 'us-east-1';

const RULE_ID = 'ElectionBaselineEdgeRegion';

/**
 * Makes sure the stack of `scope` deploys to us-east-1: a literal other Region
 * throws at synth; an env-agnostic stack gets a CloudFormation Rules
 * assertion, so `cdk deploy` fails before creating anything elsewhere.
 */
export function requireEdgeRegion(scope: IConstruct, prop: string, given: string, why: string): void {
  const stack = Stack.of(scope);
  if (!Token.isUnresolved(stack.region)) {
    if (stack.region !== EDGE_REGION) {
      throw validationError(scope, ValidationErrorCode.WRONG_PLACEMENT, prop, `${given} in stack '${stack.stackName}' of region ${stack.region}`,
        `${why}; deploy this stack with env: { region: '${EDGE_REGION}' }`);
    }
    return;
  }
  if (stack.node.tryFindChild(RULE_ID)) return;
  new CfnRule(stack, RULE_ID, {
    assertions: [{
      assert: Fn.conditionEquals(Aws.REGION, EDGE_REGION),
      assertDescription: `This stack holds CloudFront-scope resources (WAF web ACL, CloudFront log delivery) that exist only in ${EDGE_REGION}: deploy it to ${EDGE_REGION}.`,
    }],
  });
}
