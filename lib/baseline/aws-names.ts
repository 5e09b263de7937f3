/**
 * How an AWS Region and a service's IAM action prefix are written. The
 * statewide constructs refuse a Region or a service that is not one, so a
 * stack set or a guardrail never names something AWS would reject at deploy.
 */

/**
 * A Region name: `us-east-1`, `us-gov-west-1`, `us-iso-east-1`, `us-isob-east-1`.
 * @see https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html (AWS format)
 */
export const AWS_REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

/**
 * A service's prefix in IAM actions (`s3`, `cloudformation`, `wafv2`), as a
 * guardrail or an execution role lists the services a stack set may use.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html (AWS format)
 */
export const SERVICE_PREFIX = /^[a-z0-9-]{2,40}$/;
