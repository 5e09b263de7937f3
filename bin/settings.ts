import { App } from 'aws-cdk-lib';

/**
 * The reference app's settings, read from CDK context (`-c key=value` or
 * `cdk.json`) so vendors deploy without editing code. Each has a safe default.
 */
export interface ReferenceAppSettings {
  /** `agencyName`: tagged on every resource as `election:agency`. */
  readonly agencyName: string;
  /** `recordsRetentionDays`: Object Lock retention of the results bucket (at least 672). */
  readonly recordsRetentionDays: number;
  /** `alertEmail`: subscribed to the security alert topic, when given. */
  readonly alertEmail?: string;
}

export const DEFAULT_SETTINGS: ReferenceAppSettings = {
  agencyName: 'Example County Board of Elections',
  recordsRetentionDays: 730,
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads and checks the settings; a bad value is an error that names the context key. */
export function readSettings(app: App): ReferenceAppSettings {
  const agencyName = stringContext(app, 'agencyName') ?? DEFAULT_SETTINGS.agencyName;
  // It becomes a tag value (letters, digits, spaces and + - = . _ : / @ only) and part of the SNS display name (100 at most).
  if (!/^[\p{L}\p{N} +\-=._:/@]{1,80}$/u.test(agencyName)) {
    throw new Error(`Context 'agencyName' is '${agencyName}': use 1 to 80 letters, digits, spaces and + - = . _ : / @ (AWS tag values allow no other characters)`);
  }
  const rawRetention = app.node.tryGetContext('recordsRetentionDays');
  const recordsRetentionDays = rawRetention === undefined ? DEFAULT_SETTINGS.recordsRetentionDays : Number(rawRetention);
  if (!Number.isInteger(recordsRetentionDays)) {
    throw new Error(`Context 'recordsRetentionDays' is '${rawRetention}': give a whole number of days, at least 672`);
  }
  const alertEmail = stringContext(app, 'alertEmail');
  if (alertEmail !== undefined && !EMAIL.test(alertEmail)) {
    throw new Error(`Context 'alertEmail' is '${alertEmail}': give one email address, such as soc@example.gov`);
  }
  return { agencyName, recordsRetentionDays, alertEmail };
}

function stringContext(app: App, key: string): string | undefined {
  const value = app.node.tryGetContext(key);
  if (value === undefined || value === '') return undefined;
  return String(value);
}
