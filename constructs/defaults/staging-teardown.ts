import { RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { DataClass } from '../../lib/baseline/data-class';
import { DISPOSABLE_DATA_CLASSES } from '../../lib/baseline/disposable-data';
import { waiverReasonProblem } from '../../lib/baseline/waiver-register';
import { ValidationErrorCode } from '../../lib/validation-error';
import { acknowledge } from './acknowledgments';
import { retainingRemovalPolicy, shown, validationError } from './validate';

/** The rule a staging bucket's DESTROY fails, and the staging opt-out waives. */
const RETAIN_STATEFUL_RESOURCES = 'ElectionBaseline-RetainStatefulResources';

/** What a bucket's props ask for at stack delete. */
export interface TeardownRequest {
  readonly dataClass: DataClass;
  readonly removalPolicy?: RemovalPolicy;
  readonly autoDeleteObjects?: boolean;
  readonly stagingTeardown?: { readonly reason: string };
}

/**
 * The removal policy a bucket is built with: RETAIN (or RETAIN_ON_UPDATE_OR_DELETE),
 * unless the staging opt-out is complete: a disposable class, `stagingTeardown`
 * with a reason an auditor can read, and DESTROY. Any part of it alone throws,
 * naming the prop: records, PII and logs never go with a stack (52 U.S.C. 20701, NIST CP-9).
 */
export function checkedRemovalPolicy(scope: IConstruct, request: TeardownRequest): RemovalPolicy {
  const fail: Fail = (code, prop, given, allowed) => validationError(scope, code, prop, given, allowed);
  const destroy = request.removalPolicy === RemovalPolicy.DESTROY;
  if (!destroy && !request.autoDeleteObjects && request.stagingTeardown === undefined) {
    return retainingRemovalPolicy(scope, request.removalPolicy);
  }

  const classes = DISPOSABLE_DATA_CLASSES.map((c) => `'${c}'`).join(' and ');
  if (!DISPOSABLE_DATA_CLASSES.includes(request.dataClass)) {
    const why = `for class '${request.dataClass}': election records, voter PII and audit logs must survive a stack delete ` +
      `(52 U.S.C. 20701, NIST CP-9); only staging buckets of class ${classes} may opt out`;
    if (request.autoDeleteObjects) throw fail(ValidationErrorCode.WEAKENS_BASELINE, 'autoDeleteObjects', 'is true', `it must be false or unset ${why}`);
    if (destroy) throw fail(ValidationErrorCode.WEAKENS_BASELINE, 'removalPolicy', 'is DESTROY', `allowed are RETAIN and RETAIN_ON_UPDATE_OR_DELETE ${why}`);
    throw fail(ValidationErrorCode.WEAKENS_BASELINE, 'stagingTeardown', 'is set', `it must be unset ${why}`);
  }

  const optOut = `with stagingTeardown: { reason } on a staging bucket of class ${classes}`;
  if (request.stagingTeardown === undefined) {
    if (request.autoDeleteObjects) throw fail(ValidationErrorCode.WEAKENS_BASELINE, 'autoDeleteObjects', 'is true', `it must be false or unset, or come with removalPolicy DESTROY ${optOut}`);
    throw fail(ValidationErrorCode.WEAKENS_BASELINE, 'removalPolicy', 'is DESTROY', `allowed are RETAIN and RETAIN_ON_UPDATE_OR_DELETE, or DESTROY ${optOut}`);
  }
  checkReason(request.stagingTeardown.reason, fail);
  if (!destroy) {
    const given = `while removalPolicy is ${String(request.removalPolicy ?? RemovalPolicy.RETAIN).toUpperCase().replace(/-/g, '_')}`;
    if (request.autoDeleteObjects) throw fail(ValidationErrorCode.CONFLICTING_PROPS, 'autoDeleteObjects', `is true ${given}`, 'it needs removalPolicy DESTROY: a retained bucket is never emptied');
    throw fail(ValidationErrorCode.CONFLICTING_PROPS, 'stagingTeardown', `is set ${given}`, 'set removalPolicy: RemovalPolicy.DESTROY with it, or drop it: a waiver of nothing misleads an auditor');
  }
  return RemovalPolicy.DESTROY;
}

/**
 * The waiver a staging bucket carries: the library made the opt-out, at the
 * agency's request, for the reason the agency gave.
 */
export function stagingTeardownAck(scope: IConstruct, dataClass: DataClass, reason: string): { id: string; reason: string } {
  return {
    id: RETAIN_STATEFUL_RESOURCES,
    reason: `Staging opt-out made by ${scope.constructor.name} at the agency's request (stagingTeardown, class '${dataClass}'): ${reason}`,
  };
}

/** Where CDK puts the stack's one function that empties auto-delete buckets, with its role. */
const AUTO_DELETE_PROVIDER_ID = 'Custom::S3AutoDeleteObjectsCustomResourceProvider';

/**
 * What cdk-nag's anchor packs find on CDK's auto-delete provider when they
 * read the template (the bare-template audit does; at synth they skip it, as
 * CDK writes it without L1 classes). CDK sets every property of it.
 */
export const AUTO_DELETE_PROVIDER_ACKS = [
  {
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: 'CDK attaches AWSLambdaBasicExecutionRole to the role of its S3AutoDeleteObjects provider (made for stagingTeardown ' +
      'buckets) so the function can write its own logs: CloudWatch Logs writes only, and CDK offers no way to replace it.',
  },
  {
    id: 'NIST.800.53.R5-LambdaConcurrency',
    reason: 'CDK\'s S3AutoDeleteObjects provider runs only when CloudFormation deletes or replaces a stagingTeardown bucket; ' +
      'reserving concurrency for it would take from the account\'s pool for a function idle the rest of the time.',
  },
  {
    id: 'NIST.800.53.R5-LambdaDLQ',
    reason: 'CloudFormation invokes CDK\'s S3AutoDeleteObjects provider synchronously as a custom resource: a failure fails the ' +
      'stack operation and shows in its events, so there is no asynchronous event to dead-letter.',
  },
  {
    id: 'NIST.800.53.R5-LambdaInsideVPC',
    reason: 'CDK\'s S3AutoDeleteObjects provider only calls the S3 API to empty stagingTeardown buckets; CDK creates it outside any ' +
      'VPC and offers no VPC setting for it.',
  },
];

const acknowledgedProviders = new WeakSet<IConstruct>();

/**
 * Acknowledges the anchors' findings on the auto-delete provider of
 * `scope`'s stack, once per stack however many staging buckets share it.
 */
export function acknowledgeAutoDeleteProvider(scope: IConstruct): void {
  const provider = Stack.of(scope).node.tryFindChild(AUTO_DELETE_PROVIDER_ID);
  if (!provider || acknowledgedProviders.has(provider)) return;
  acknowledgedProviders.add(provider);
  acknowledge(provider, ...AUTO_DELETE_PROVIDER_ACKS);
}

type Fail = (code: ValidationErrorCode, prop: string, given: string, allowed: string) => Error;

/** The reason becomes a waiver: it must be one the pack accepts on its own, before the library's prefix lengthens it. */
function checkReason(reason: unknown, fail: Fail): void {
  if (typeof reason !== 'string' || Token.isUnresolved(reason)) {
    throw fail(typeof reason === 'string' ? ValidationErrorCode.TOKEN_NOT_ALLOWED : ValidationErrorCode.INVALID_VALUE, 'stagingTeardown.reason', `is ${typeof reason === 'string' ? 'a token' : shown(reason)}`,
      'give the agency\'s reason as a literal string: it becomes a waiver an auditor reads');
  }
  const problem = waiverReasonProblem(reason);
  if (problem) throw fail(ValidationErrorCode.INVALID_VALUE, 'stagingTeardown.reason', `is ${shown(reason)}`, `${problem}; it becomes the waiver of ${RETAIN_STATEFUL_RESOURCES}`);
}
