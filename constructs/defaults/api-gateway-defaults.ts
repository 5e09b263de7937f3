import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';

/**
 * The API Gateway baseline on one screen: stage logging, tracing and
 * throttling, and the request model a submission must match. Each setting
 * names the threat it answers.
 */

/**
 * Steady requests per second the stage accepts. Even a large state's
 * registration deadline brings tens of submissions a second; 100 leaves ten
 * times that headroom, yet a bot flood that got past WAF cannot fill the table
 * or spend the account's shared 10,000 requests per second (NIST SC-5).
 */
export const DEFAULT_THROTTLING_RATE_LIMIT = 100;
/** Requests the stage absorbs at once: two seconds of the rate. */
export const DEFAULT_THROTTLING_BURST_LIMIT = 200;
export const DEFAULT_STAGE_NAME = 'v1';

export interface StageDefaultsOptions {
  readonly stageName: string;
  readonly accessLogGroup: logs.ILogGroup;
  readonly rateLimit: number;
  readonly burstLimit: number;
}

export function hardenedStageOptions(options: StageDefaultsOptions): apigateway.StageOptions {
  return {
    stageName: options.stageName,
    // Who called what, when, from where, with what result: one JSON line per request (NIST AU-2, AU-3).
    accessLogDestination: new apigateway.LogGroupLogDestination(options.accessLogGroup),
    accessLogFormat: apigateway.AccessLogFormat.jsonWithStandardFields({
      caller: true, httpMethod: true, ip: true, protocol: true, requestTime: true,
      resourcePath: true, responseLength: true, status: true, user: true,
    }),
    // Execution logs for errors only, and never data trace: it would copy every voter's submission into the logs.
    loggingLevel: apigateway.MethodLoggingLevel.ERROR,
    dataTraceEnabled: false,
    metricsEnabled: true,
    // X-Ray traces follow a request from the edge to the table (NIST AU-12, SI-4).
    tracingEnabled: true,
    // Every method: steady rate and burst (election-day DDoS, 2022; NIST SC-5).
    throttlingRateLimit: options.rateLimit,
    throttlingBurstLimit: options.burstLimit,
  };
}

/**
 * The submission a voter sends, as JSON Schema draft 4. Deliberately small:
 * types, lengths and formats only, so malformed or oversized payloads stop at
 * API Gateway before they reach the function or the table (NIST SI-10; the
 * Illinois 2016 injection came through form fields). Extra fields are refused.
 * Agencies with a richer form pass their own schema.
 */
export const DEFAULT_SUBMISSION_SCHEMA: apigateway.JsonSchema = {
  schema: apigateway.JsonSchemaVersion.DRAFT4,
  title: 'VoterRegistrationSubmission',
  type: apigateway.JsonSchemaType.OBJECT,
  additionalProperties: false,
  required: ['givenName', 'familyName', 'dateOfBirth', 'residentialAddress', 'citizenshipAttested', 'ageAttested'],
  properties: {
    givenName: { type: apigateway.JsonSchemaType.STRING, minLength: 1, maxLength: 100 },
    middleName: { type: apigateway.JsonSchemaType.STRING, maxLength: 100 },
    familyName: { type: apigateway.JsonSchemaType.STRING, minLength: 1, maxLength: 100 },
    dateOfBirth: { type: apigateway.JsonSchemaType.STRING, pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
    residentialAddress: {
      type: apigateway.JsonSchemaType.OBJECT,
      additionalProperties: false,
      required: ['line1', 'city', 'state', 'zip'],
      properties: {
        line1: { type: apigateway.JsonSchemaType.STRING, minLength: 1, maxLength: 200 },
        line2: { type: apigateway.JsonSchemaType.STRING, maxLength: 200 },
        city: { type: apigateway.JsonSchemaType.STRING, minLength: 1, maxLength: 100 },
        state: { type: apigateway.JsonSchemaType.STRING, pattern: '^[A-Z]{2}$' },
        zip: { type: apigateway.JsonSchemaType.STRING, pattern: '^[0-9]{5}(-[0-9]{4})?$' },
      },
    },
    // HAVA (52 U.S.C. 21083): a driver's licence number, or else the last four digits of the SSN.
    driversLicenseNumber: { type: apigateway.JsonSchemaType.STRING, pattern: '^[A-Za-z0-9]{1,20}$' },
    ssnLast4: { type: apigateway.JsonSchemaType.STRING, pattern: '^[0-9]{4}$' },
    email: { type: apigateway.JsonSchemaType.STRING, maxLength: 254 },
    citizenshipAttested: { type: apigateway.JsonSchemaType.BOOLEAN, enum: [true] },
    ageAttested: { type: apigateway.JsonSchemaType.BOOLEAN, enum: [true] },
  },
};
