/**
 * How an AWS account and an AWS Organizations organization are written. The
 * statewide constructs refuse an account or organization id that is not one,
 * and the rules that judge delegated administrators and foreign principals
 * read them with the same patterns.
 */

/**
 * An AWS account id: exactly 12 digits.
 * @see https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html (AWS format)
 */
export const ACCOUNT_ID = /^\d{12}$/;

/** The body of an organization id, shared by the two patterns below. */
const ORGANIZATION_ID_BODY = 'o-[a-z0-9]{10,32}';

/**
 * An AWS Organizations organization id: `o-` and 10 to 32 lower-case letters or digits.
 * @see https://docs.aws.amazon.com/organizations/latest/APIReference/API_Organization.html (AWS format)
 */
export const ORGANIZATION_ID = new RegExp(`^${ORGANIZATION_ID_BODY}$`);

/**
 * An organization id, or an organization path that starts with one (`o-a1b2c3d4e5/r-ab12/ou-ab12-cd34ef56/`,
 * as `aws:PrincipalOrgPaths` takes it): what confines a policy condition to the agency's organization.
 */
export const ORGANIZATION_ID_OR_PATH = new RegExp(`^${ORGANIZATION_ID_BODY}(/|$)`);
