/**
 * API Gateway throttling ceilings. RegistrationPortal refuses at synth a stage
 * limit above them and ElectionBaseline-ApiGatewayThrottling fails one, so both
 * read these (NIST SC-5, SC-5(2)).
 */

/**
 * The account's default steady rate across all APIs in a Region, requests per second.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html (AWS quota)
 */
export const ACCOUNT_THROTTLING_RATE_LIMIT = 10_000;

/**
 * The account's default burst across all APIs in a Region, requests.
 * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/limits.html (AWS quota)
 */
export const ACCOUNT_THROTTLING_BURST_LIMIT = 5_000;

/**
 * The highest steady rate a stage or method may allow, requests per second: a
 * tenth of the account's rate, within the default Lambda concurrency of 1,000
 * for handlers that answer within a second. House policy.
 */
export const MAX_THROTTLING_RATE_LIMIT = 1000;

/** The highest burst a stage or method may allow: two seconds of the highest rate. House policy. */
export const MAX_THROTTLING_BURST_LIMIT = 2000;
