/**
 * Lambda runtimes whose AWS deprecation date has passed: AWS no longer
 * patches them. A fixed list, so that a verdict does not change with the
 * clock; it is brought up to date with each release of the pack. Next due,
 * with the end of Amazon Linux 2 support: python3.11, java8.al2, java11,
 * java17, provided.al2. ElectionFunction refuses these at synth and the
 * ElectionBaseline-LambdaSupportedRuntime rule fails them.
 */
export const DEPRECATED_RUNTIMES: ReadonlySet<string> = new Set([
  'nodejs', 'nodejs4.3', 'nodejs4.3-edge', 'nodejs6.10', 'nodejs8.10', 'nodejs10.x', 'nodejs12.x', 'nodejs14.x', 'nodejs16.x',
  'nodejs18.x', 'nodejs20.x',
  'python2.7', 'python3.6', 'python3.7', 'python3.8', 'python3.9', 'python3.10',
  'ruby2.5', 'ruby2.7', 'ruby3.2',
  'java8',
  'dotnetcore1.0', 'dotnetcore2.0', 'dotnetcore2.1', 'dotnetcore3.1', 'dotnet5.0', 'dotnet6', 'dotnet7', 'dotnet8',
  'go1.x', 'provided',
]);

/** Whether a runtime identifier is deprecated, compared without case or surrounding spaces so a variant spelling cannot slip past. */
export function isDeprecatedRuntime(runtime: string): boolean {
  return DEPRECATED_RUNTIMES.has(runtime.trim().toLowerCase());
}
