/**
 * Input the audit cannot judge: a missing path, a malformed or unreadable
 * file, something that is not a CloudFormation template, a template
 * cloudformation-include cannot load, an unknown format or pack. The CLI
 * prints its message as one line and exits 2; it never carries a stack trace
 * to the user.
 */
export class AuditInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AuditInputError';
  }
}

/** The first line of an error's message, for one-line reports. */
export function firstLine(error: unknown): string {
  // Duck-typed: an error from another realm (a VM context, a test runner) is no `instanceof Error` here.
  const message = typeof (error as { message?: unknown })?.message === 'string' ? (error as { message: string }).message : String(error);
  return message.split('\n').map((line) => line.trim()).find((line) => line.length > 0) ?? 'unknown error';
}
