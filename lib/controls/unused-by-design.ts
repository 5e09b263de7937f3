/**
 * Catalogue controls that no rule maps to, and why. They are process goals a
 * template cannot show; the catalogue keeps them because constructs and the
 * docs cite them (the SecurityMonitoring construct serves CPG 5.A; docs/controls.md
 * lists them).
 */
export const CONTROLS_UNUSED_BY_DESIGN: Readonly<Record<string, string>> = {
  'CISA-CPG:2.S': 'An incident response plan is a document the agency writes and exercises; no resource property shows it.',
  'CISA-CPG:4.A': 'Reporting incidents to CISA and others is a procedure people follow; a template can route alerts, not report them.',
  'CISA-CPG:5.A': 'Incident planning and preparedness (exercises, contacts, playbooks) is agency practice, not infrastructure.',
};
