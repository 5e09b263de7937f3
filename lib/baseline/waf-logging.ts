/**
 * What a web ACL's request log must never carry. ElectionWebAcl redacts these
 * on every log it writes and ElectionBaseline-WafLoggingRedacted fails a
 * logging configuration that keeps them.
 */

/**
 * Headers every WAF log redacts: session tokens and credentials must never
 * land in a log that more people can read than the site's operators (NIST
 * AU-9, SC-28; CIS v8 3.11). House policy.
 */
export const WAF_ALWAYS_REDACTED_HEADERS: readonly string[] = ['authorization', 'cookie'];
