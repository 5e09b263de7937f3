/**
 * The control catalogue: every control a baseline rule can map to, as data.
 *
 * cdk-nag writes NIST ids into message strings, so no report can group by
 * control. Our rules point at entries of this catalogue instead, and every
 * report (SARIF tags, OSCAL findings, the HTML summary by family) reads it.
 */

/** The documents the baseline's controls come from. */
export enum ControlSource {
  /** NIST SP 800-53 Revision 5, Security and Privacy Controls for Information Systems and Organizations. */
  NIST_800_53_R5 = 'NIST-800-53-r5',
  /** CISA Cross-Sector Cybersecurity Performance Goals (CPGs), v1.0.1. */
  CISA_CPG = 'CISA-CPG',
  /** 52 U.S.C. 20701, retention and preservation of records and papers by officers of elections. */
  USC_52_20701 = '52-USC-20701',
}

/** One control of the catalogue. */
export interface Control {
  /** Catalogue id, unique across sources, e.g. `NIST-800-53-r5:AU-9(2)`, `CISA-CPG:2.K`, `52-USC-20701`. */
  readonly id: string;
  /** The control's id inside its source document, e.g. `AU-9(2)`, `2.K`, `20701`. */
  readonly controlId: string;
  /** The control's title in its source document. */
  readonly title: string;
  /** The document the control comes from. */
  readonly source: ControlSource;
  /** The source document's title, e.g. `NIST SP 800-53 Rev. 5`. */
  readonly sourceTitle: string;
  /** The control family, used to group findings: `AU`, `SC`, `2` (CPG account security) and so on. */
  readonly family: string;
  /**
   * The OSCAL control id, for NIST controls only (`au-9.2` for AU-9(2)).
   * @default - none: the source has no OSCAL catalogue
   */
  readonly oscalId?: string;
}

const SOURCE_TITLES: Record<ControlSource, string> = {
  [ControlSource.NIST_800_53_R5]: 'NIST SP 800-53 Rev. 5',
  [ControlSource.CISA_CPG]: 'CISA Cross-Sector Cybersecurity Performance Goals',
  [ControlSource.USC_52_20701]: '52 U.S.C. 20701 (federal election records retention)',
};

function nist(controlId: string, title: string): Control {
  const match = /^([A-Z]{2})-(\d+)(?:\((\d+)\))?$/.exec(controlId);
  if (!match) throw new Error(`Malformed NIST SP 800-53 control id '${controlId}'`);
  const [, family, base, enhancement] = match;
  const oscalId = `${family.toLowerCase()}-${base}${enhancement ? `.${enhancement}` : ''}`;
  const source = ControlSource.NIST_800_53_R5;
  return { id: `${source}:${controlId}`, controlId, title, source, sourceTitle: SOURCE_TITLES[source], family, oscalId };
}

function cpg(controlId: string, title: string): Control {
  const source = ControlSource.CISA_CPG;
  return { id: `${source}:${controlId}`, controlId, title, source, sourceTitle: SOURCE_TITLES[source], family: `CPG-${controlId.split('.')[0]}` };
}

const CATALOGUE: readonly Control[] = [
  nist('AC-2', 'Account Management'),
  nist('AC-3', 'Access Enforcement'),
  nist('AC-4', 'Information Flow Enforcement'),
  nist('AC-6', 'Least Privilege'),
  nist('AC-6(9)', 'Least Privilege | Log Use of Privileged Functions'),
  nist('AC-7', 'Unsuccessful Logon Attempts'),
  nist('AU-2', 'Event Logging'),
  nist('AU-3', 'Content of Audit Records'),
  nist('AU-4', 'Audit Log Storage Capacity'),
  nist('AU-5', 'Response to Audit Logging Process Failures'),
  nist('AU-6', 'Audit Record Review, Analysis, and Reporting'),
  nist('AU-6(1)', 'Audit Record Review, Analysis, and Reporting | Automated Process Integration'),
  nist('AU-9', 'Protection of Audit Information'),
  nist('AU-9(2)', 'Protection of Audit Information | Store on Separate Physical Systems or Components'),
  nist('AU-9(3)', 'Protection of Audit Information | Cryptographic Protection'),
  nist('AU-10', 'Non-repudiation'),
  nist('AU-11', 'Audit Record Retention'),
  nist('AU-12', 'Audit Record Generation'),
  nist('CA-7', 'Continuous Monitoring'),
  nist('CM-6', 'Configuration Settings'),
  nist('CM-7', 'Least Functionality'),
  nist('CP-9', 'System Backup'),
  nist('CP-10', 'System Recovery and Reconstitution'),
  nist('IA-2', 'Identification and Authentication (Organizational Users)'),
  nist('IA-2(1)', 'Identification and Authentication | Multi-factor Authentication to Privileged Accounts'),
  nist('IA-2(2)', 'Identification and Authentication | Multi-factor Authentication to Non-privileged Accounts'),
  nist('IA-5', 'Authenticator Management'),
  nist('IA-5(7)', 'Authenticator Management | No Embedded Unprotected Authenticators'),
  nist('IR-4', 'Incident Handling'),
  nist('IR-5', 'Incident Monitoring'),
  nist('IR-6', 'Incident Reporting'),
  nist('RA-5', 'Vulnerability Monitoring and Scanning'),
  nist('SC-5', 'Denial-of-service Protection'),
  nist('SC-5(2)', 'Denial-of-service Protection | Capacity, Bandwidth, and Redundancy'),
  nist('SC-7', 'Boundary Protection'),
  nist('SC-8', 'Transmission Confidentiality and Integrity'),
  nist('SC-8(1)', 'Transmission Confidentiality and Integrity | Cryptographic Protection'),
  nist('SC-12', 'Cryptographic Key Establishment and Management'),
  nist('SC-13', 'Cryptographic Protection'),
  nist('SC-23', 'Session Authenticity'),
  nist('SC-28', 'Protection of Information at Rest'),
  nist('SC-28(1)', 'Protection of Information at Rest | Cryptographic Protection'),
  nist('SA-22', 'Unsupported System Components'),
  nist('SI-2', 'Flaw Remediation'),
  nist('SI-3', 'Malicious Code Protection'),
  nist('SI-4', 'System Monitoring'),
  nist('SI-4(4)', 'System Monitoring | Inbound and Outbound Communications Traffic'),
  nist('SI-4(5)', 'System Monitoring | System-generated Alerts'),
  nist('SI-5', 'Security Alerts, Advisories, and Directives'),
  nist('SI-7', 'Software, Firmware, and Information Integrity'),
  nist('SI-10', 'Information Input Validation'),
  nist('SI-12', 'Information Management and Retention'),
  cpg('1.E', 'Mitigating Known Vulnerabilities'),
  cpg('2.E', 'Separating User and Privileged Accounts'),
  cpg('2.F', 'Network Segmentation'),
  cpg('2.G', 'Detection of Unsuccessful (Automated) Login Attempts'),
  cpg('2.H', 'Phishing-Resistant Multifactor Authentication (MFA)'),
  cpg('2.K', 'Strong and Agile Encryption'),
  cpg('2.L', 'Secure Sensitive Data'),
  cpg('2.O', 'Document Device Configurations'),
  cpg('2.R', 'System Backups'),
  cpg('2.S', 'Incident Response (IR) Plans'),
  cpg('2.T', 'Log Collection'),
  cpg('2.U', 'Secure Log Storage'),
  cpg('2.W', 'No Exploitable Services on the Internet'),
  cpg('3.A', 'Detecting Relevant Threats and TTPs'),
  cpg('4.A', 'Incident Reporting'),
  cpg('5.A', 'Incident Planning and Preparedness'),
  {
    id: ControlSource.USC_52_20701,
    controlId: '20701',
    title: 'Retention and preservation of records and papers by officers of elections (22 months)',
    source: ControlSource.USC_52_20701,
    sourceTitle: SOURCE_TITLES[ControlSource.USC_52_20701],
    family: '52-USC-20701',
  },
];

const BY_ID = new Map(CATALOGUE.map((control) => [control.id, control]));

/** Reads the control catalogue. */
export class ControlCatalogue {
  /** Every control, in catalogue order. */
  public static all(): Control[] {
    return [...CATALOGUE];
  }

  /** The control with this catalogue id; throws on an id the catalogue does not hold. */
  public static get(id: string): Control {
    const control = BY_ID.get(id);
    if (!control) {
      throw new Error(`Unknown control '${id}': the catalogue holds ${[...BY_ID.keys()].join(', ')}`);
    }
    return control;
  }

  /** Whether the catalogue holds a control with this id. */
  public static has(id: string): boolean {
    return BY_ID.has(id);
  }
}
