import { DeploymentTarget } from './model';

/** Where a stack-set target is: `account 200000000001`, `OUs ou-ab12-cdef3456`, or `OUs ou-… but 5 named accounts` (DIFFERENCE). */
export function targetWhere(target: DeploymentTarget): string {
  const ous = `OUs ${target.organizationalUnitIds.join(', ')}`;
  if (target.accountFilterType === 'DIFFERENCE') return `${ous} but ${target.accounts.length} named accounts`;
  return target.accounts.length > 0 ? `account ${target.accounts.join(', ')}` : ous;
}

/** How a finding names a target (its findingId): `County::'Lake' (account 200000000001)`, else `Target::<where>`. */
export function targetName(target: DeploymentTarget): string {
  return target.county !== undefined ? `County::'${target.county}' (${targetWhere(target)})` : `Target::${targetWhere(target)}`;
}
