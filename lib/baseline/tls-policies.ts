/**
 * The TLS security policies the baseline accepts on entry points it judges:
 * each negotiates TLS 1.2 or later only. TLS 1.0 and 1.1 are deprecated
 * (RFC 8996) and NIST SP 800-52r2 requires TLS 1.2 at least. A fixed list,
 * brought up to date with each release of the pack, shared by the rules and
 * any construct that sets a policy.
 */

/**
 * Elastic Load Balancing (ALB HTTPS and NLB TLS listeners) predefined
 * policies with TLS 1.2 as the minimum: the TLS 1.3 families of 2021-06
 * (ELBSecurityPolicy-TLS13-1-2-2021-06 is the one AWS recommends), their
 * FIPS (2023-04) and post-quantum (2025-09) variants, and the TLS 1.2-only
 * and forward-secrecy 1.2 policies. The ...-TLS13-1-0-..., ...-TLS13-1-1-...,
 * 2016-08, 2015-05, TLS-1-0, TLS-1-1, FS-2018-06 and FS-1-1 policies accept
 * TLS 1.0 or 1.1 and are not listed.
 */
export const ELB_TLS12_POLICIES: ReadonlySet<string> = new Set([
  'ELBSecurityPolicy-TLS13-1-2-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06',
  'ELBSecurityPolicy-TLS13-1-3-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS-1-2-2017-01',
  'ELBSecurityPolicy-TLS-1-2-Ext-2018-06',
  'ELBSecurityPolicy-FS-1-2-2019-08',
  'ELBSecurityPolicy-FS-1-2-Res-2019-08',
  'ELBSecurityPolicy-FS-1-2-Res-2020-10',
]);

/** The policy the baseline recommends for new ELB listeners. */
export const ELB_RECOMMENDED_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

/**
 * OpenSearch Service (and legacy Elasticsearch) domain endpoint policies
 * with TLS 1.2 as the minimum. When `TLSSecurityPolicy` is absent the
 * service has applied Policy-Min-TLS-1-0-2019-07, so absent is not accepted.
 */
export const OPENSEARCH_TLS12_POLICIES: ReadonlySet<string> = new Set(['Policy-Min-TLS-1-2-2019-07', 'Policy-Min-TLS-1-2-PFS-2023-10']);
