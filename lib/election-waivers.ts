import { IConstruct } from 'constructs';
import { isoDateProblem, WAIVER_METADATA_TYPE } from './baseline/waiver-register';
import { ElectionValidationError, ValidationErrorCode } from './validation-error';
import { recordWaiver } from './waiver-record';

/** One waiver in the register: CDK's acknowledgment plus who approved it and until when. */
export interface ElectionWaiver {
  /**
   * The rule id it waives, as for `Validations.acknowledge`: `AwsSolutions-S1`,
   * `ElectionBaseline-S3BucketServerAccessLogs`, or a granular finding
   * `AwsSolutions-IAM5[Action::s3:*]`.
   */
  readonly id: string;
  /**
   * Why, in words an auditor can check. The pack refuses (a `fatal` error at
   * synth) a reason under 20 characters or 3 words, and any waiver of a rule
   * that cannot be waived.
   */
  readonly reason: string;
  /**
   * Who approved it: a person, role or board. Reports show it, so an auditor
   * knows whom to ask (NIST CA-7, PM-4: accepted risks have an owner).
   * @default - none: reports show the waiver without an approver
   */
  readonly approvedBy?: string;
  /**
   * The last day it holds, as an ISO date `YYYY-MM-DD`. After it the waiver
   * holds nothing: `ElectionBaselineChecks` fails the synth and
   * `election-audit` reopens its findings; within 30 days both warn. An
   * exception without an end date becomes permanent (NIST CA-5: milestones).
   * Anything but a real calendar date throws.
   * @default - none: the waiver holds until it is removed
   */
  readonly expires?: string;
}

/**
 * The waiver register: `ElectionWaivers.of(scope).waive({ id, reason,
 * approvedBy, expires })` acknowledges a finding on `scope` and everything below
 * it, as `Validations.of(scope).acknowledge` does (so every cdk-nag v3 pack
 * honors it), and records the approver and expiry as construct metadata
 * (`cdk-election-baseline:waiver`), which the cloud assembly carries to
 * `election-audit` and its reports.
 */
export class ElectionWaivers {
  /** The construct metadata type of a register entry: data `{ id, approvedBy?, expires? }`. */
  public static readonly METADATA_TYPE = WAIVER_METADATA_TYPE;

  /** The register of `scope`: its waivers cover `scope` and every construct below it. */
  public static of(scope: IConstruct): ElectionWaivers {
    return new ElectionWaivers(scope);
  }

  private constructor(private readonly scope: IConstruct) {}

  /** Waives each of `waivers` on this scope; a bad id, approver or date throws, naming the value. */
  public waive(...waivers: ElectionWaiver[]): void {
    for (const waiver of waivers) this.check(waiver);
    for (const waiver of waivers) {
      recordWaiver(this.scope, waiver.id, waiver.reason, { approvedBy: waiver.approvedBy?.trim(), expires: waiver.expires });
    }
  }

  private check(waiver: ElectionWaiver): void {
    const path = this.scope.node.path;
    if (typeof waiver.id !== 'string' || waiver.id.trim() === '') {
      throw waiverError(path, typeof waiver.id === 'string' ? ValidationErrorCode.MISSING_VALUE : ValidationErrorCode.INVALID_VALUE, 'id', `is '${String(waiver.id)}'`, 'give the rule id the waiver is for, e.g. AwsSolutions-S1');
    }
    const prop = (name: string) => `${name} of the waiver of ${waiver.id}`;
    if (waiver.approvedBy !== undefined && (typeof waiver.approvedBy !== 'string' || waiver.approvedBy.trim() === '')) {
      throw waiverError(path, ValidationErrorCode.INVALID_VALUE, prop('approvedBy'), `is '${String(waiver.approvedBy)}'`,
        "name who approved it (a person, role or board, e.g. 'County CISO'), or leave it out");
    }
    const dateProblem = waiver.expires === undefined ? undefined : isoDateProblem(waiver.expires);
    if (dateProblem) {
      throw waiverError(path, ValidationErrorCode.INVALID_VALUE, prop('expires'), dateProblem.replace(/^(\S+) is/, 'is $1,'),
        'give the last day it holds as an ISO date YYYY-MM-DD, e.g. 2027-06-30');
    }
  }
}

/** A waiver the register refuses, named by the register (it is not a construct) and the scope it was given for. */
function waiverError(path: string, code: ValidationErrorCode, prop: string, value: string, allowed: string): ElectionValidationError {
  return new ElectionValidationError({ code, constructPath: path, constructType: ElectionWaivers.name, prop, value, allowed });
}
