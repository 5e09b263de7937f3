/**
 * The tag an organization trail carries, so a template alone says that its
 * trail must record every account of the organization: `OrganizationTrail`
 * writes it and `ElectionBaseline-CloudTrailOrganizationScope` judges it.
 */

/** The tag key that says what a trail must record. */
export const TRAIL_SCOPE_TAG = 'election:trail-scope';

/** The value for a trail that records every account of the organization (IsOrganizationTrail). */
export const ORGANIZATION_TRAIL_SCOPE = 'organization';
