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
  /**
   * CISA Cross-Sector Cybersecurity Performance Goals (CPGs), v1.0.1 (March 2023). CPG 2.0
   * (December 2025) regroups the goals under the NIST CSF 2.0 functions; its ids are not
   * mapped yet, so `CISA-CPG:2.K` and the like are v1.0.1 ids.
   */
  CISA_CPG = 'CISA-CPG',
  /** CIS Critical Security Controls v8, by safeguard (`CIS-v8:3.11`). */
  CIS_V8 = 'CIS-v8',
  /** 52 U.S.C. 20701, retention and preservation of records and papers by officers of elections. */
  USC_52_20701 = '52-USC-20701',
}

/** One control of the catalogue. */
export interface Control {
  /** Catalogue id, unique across sources, e.g. `NIST-800-53-r5:AU-9(2)`, `CISA-CPG:2.K`, `CIS-v8:3.11`, `52-USC-20701`. */
  readonly id: string;
  /** The control's id inside its source document, e.g. `AU-9(2)`, `2.K`, `3.11`, `20701`. */
  readonly controlId: string;
  /** The control's title in its source document. */
  readonly title: string;
  /** The document the control comes from. */
  readonly source: ControlSource;
  /** The source document's title, e.g. `NIST SP 800-53 Rev. 5`. */
  readonly sourceTitle: string;
  /** The control family, used to group findings: `AU`, `SC`, `CPG-2`, `CIS-3` (CIS control 3, Data Protection) and so on. */
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
  [ControlSource.CIS_V8]: 'CIS Critical Security Controls v8',
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

/** A CIS Controls v8 safeguard: `<control>.<safeguard>`, grouped by its control. */
function cis(controlId: string, title: string): Control {
  if (!CIS_SAFEGUARD_ID.test(controlId)) throw new Error(`Malformed CIS Controls v8 safeguard id '${controlId}'`);
  const source = ControlSource.CIS_V8;
  return { id: `${source}:${controlId}`, controlId, title, source, sourceTitle: SOURCE_TITLES[source], family: `CIS-${controlId.split('.')[0]}` };
}

/** CIS Controls v8 has 18 controls, each with numbered safeguards. */
export const CIS_SAFEGUARD_ID = /^(?:[1-9]|1[0-8])\.[1-9]\d?$/;

const CATALOGUE: readonly Control[] = [
  nist('AC-2', 'Account Management'),
  nist('AC-3', 'Access Enforcement'),
  nist('AC-4', 'Information Flow Enforcement'),
  nist('AC-5', 'Separation of Duties'),
  nist('AC-6', 'Least Privilege'),
  nist('AC-6(9)', 'Least Privilege | Log Use of Privileged Functions'),
  nist('AC-7', 'Unsuccessful Logon Attempts'),
  nist('AC-16', 'Security and Privacy Attributes'),
  nist('AC-17', 'Remote Access'),
  nist('AC-21', 'Information Sharing'),
  nist('AC-24', 'Access Control Decisions'),
  nist('AT-4', 'Training Records'),
  nist('AU-2', 'Event Logging'),
  nist('AU-3', 'Content of Audit Records'),
  nist('AU-4', 'Audit Log Storage Capacity'),
  nist('AU-5', 'Response to Audit Logging Process Failures'),
  nist('AU-6', 'Audit Record Review, Analysis, and Reporting'),
  nist('AU-6(1)', 'Audit Record Review, Analysis, and Reporting | Automated Process Integration'),
  nist('AU-7', 'Audit Record Reduction and Report Generation'),
  nist('AU-8', 'Time Stamps'),
  nist('AU-9', 'Protection of Audit Information'),
  nist('AU-9(2)', 'Protection of Audit Information | Store on Separate Physical Systems or Components'),
  nist('AU-9(3)', 'Protection of Audit Information | Cryptographic Protection'),
  nist('AU-10', 'Non-repudiation'),
  nist('AU-11', 'Audit Record Retention'),
  nist('AU-12', 'Audit Record Generation'),
  nist('AU-14', 'Session Audit'),
  nist('AU-16', 'Cross-organizational Audit Logging'),
  nist('CA-2', 'Control Assessments'),
  nist('CA-7', 'Continuous Monitoring'),
  nist('CA-9', 'Internal System Connections'),
  nist('CM-2', 'Baseline Configuration'),
  nist('CM-3', 'Configuration Change Control'),
  nist('CM-5', 'Access Restrictions for Change'),
  nist('CM-6', 'Configuration Settings'),
  nist('CM-7', 'Least Functionality'),
  nist('CM-8', 'System Component Inventory'),
  nist('CM-9', 'Configuration Management Plan'),
  nist('CP-1', 'Policy and Procedures'),
  nist('CP-2', 'Contingency Plan'),
  nist('CP-6', 'Alternate Storage Site'),
  nist('CP-9', 'System Backup'),
  nist('CP-10', 'System Recovery and Reconstitution'),
  nist('IA-2', 'Identification and Authentication (Organizational Users)'),
  nist('IA-2(1)', 'Identification and Authentication | Multi-factor Authentication to Privileged Accounts'),
  nist('IA-2(2)', 'Identification and Authentication | Multi-factor Authentication to Non-privileged Accounts'),
  nist('IA-3', 'Device Identification and Authentication'),
  nist('IA-5', 'Authenticator Management'),
  nist('IA-5(7)', 'Authenticator Management | No Embedded Unprotected Authenticators'),
  nist('IR-4', 'Incident Handling'),
  nist('IR-5', 'Incident Monitoring'),
  nist('IR-6', 'Incident Reporting'),
  nist('MA-4', 'Nonlocal Maintenance'),
  nist('MP-2', 'Media Access'),
  nist('PM-11', 'Mission and Business Process Definition'),
  nist('PM-14', 'Testing, Training, and Monitoring'),
  nist('PM-17', 'Protecting Controlled Unclassified Information on External Systems'),
  nist('PM-21', 'Accounting of Disclosures'),
  nist('PM-31', 'Continuous Monitoring Strategy'),
  nist('RA-5', 'Vulnerability Monitoring and Scanning'),
  nist('SA-1', 'Policy and Procedures'),
  nist('SA-9', 'External System Services'),
  nist('SA-10', 'Developer Configuration Management'),
  nist('SA-15', 'Development Process, Standards, and Tools'),
  nist('SA-22', 'Unsupported System Components'),
  nist('SC-5', 'Denial-of-service Protection'),
  nist('SC-5(2)', 'Denial-of-service Protection | Capacity, Bandwidth, and Redundancy'),
  nist('SC-6', 'Resource Availability'),
  nist('SC-7', 'Boundary Protection'),
  nist('SC-8', 'Transmission Confidentiality and Integrity'),
  nist('SC-8(1)', 'Transmission Confidentiality and Integrity | Cryptographic Protection'),
  nist('SC-12', 'Cryptographic Key Establishment and Management'),
  nist('SC-13', 'Cryptographic Protection'),
  nist('SC-16', 'Transmission of Security and Privacy Attributes'),
  nist('SC-22', 'Architecture and Provisioning for Name/Address Resolution Service'),
  nist('SC-23', 'Session Authenticity'),
  nist('SC-25', 'Thin Nodes'),
  nist('SC-28', 'Protection of Information at Rest'),
  nist('SC-28(1)', 'Protection of Information at Rest | Cryptographic Protection'),
  nist('SC-36', 'Distributed Processing and Storage'),
  nist('SI-1', 'Policy and Procedures'),
  nist('SI-2', 'Flaw Remediation'),
  nist('SI-3', 'Malicious Code Protection'),
  nist('SI-4', 'System Monitoring'),
  nist('SI-4(4)', 'System Monitoring | Inbound and Outbound Communications Traffic'),
  nist('SI-4(5)', 'System Monitoring | System-generated Alerts'),
  nist('SI-5', 'Security Alerts, Advisories, and Directives'),
  nist('SI-7', 'Software, Firmware, and Information Integrity'),
  nist('SI-10', 'Information Input Validation'),
  nist('SI-12', 'Information Management and Retention'),
  nist('SI-13', 'Predictable Failure Prevention'),
  nist('SI-19', 'De-identification'),
  cpg('1.E', 'Mitigating Known Vulnerabilities'),
  cpg('2.B', 'Minimum Password Strength'),
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
  cis('1.1', 'Establish and Maintain Detailed Enterprise Asset Inventory'),
  cis('2.2', 'Ensure Authorized Software is Currently Supported'),
  cis('3.3', 'Configure Data Access Control Lists'),
  cis('3.4', 'Enforce Data Retention'),
  cis('3.7', 'Establish and Maintain a Data Classification Scheme'),
  cis('3.10', 'Encrypt Sensitive Data in Transit'),
  cis('3.11', 'Encrypt Sensitive Data at Rest'),
  cis('3.14', 'Log Sensitive Data Access'),
  cis('4.1', 'Establish and Maintain a Secure Configuration Process'),
  cis('4.4', 'Implement and Manage a Firewall on Servers'),
  cis('4.7', 'Manage Default Accounts on Enterprise Assets and Software'),
  cis('5.2', 'Use Unique Passwords'),
  cis('5.4', 'Restrict Administrator Privileges to Dedicated Administrator Accounts'),
  cis('5.6', 'Centralize Account Management'),
  cis('6.1', 'Establish an Access Granting Process'),
  cis('6.3', 'Require MFA for Externally-Exposed Applications'),
  cis('6.7', 'Centralize Access Control'),
  cis('6.8', 'Define and Maintain Role-Based Access Control'),
  cis('7.3', 'Perform Automated Operating System Patch Management'),
  cis('7.4', 'Perform Automated Application Patch Management'),
  cis('8.2', 'Collect Audit Logs'),
  cis('8.3', 'Ensure Adequate Audit Log Storage'),
  cis('8.5', 'Collect Detailed Audit Logs'),
  cis('8.9', 'Centralize Audit Logs'),
  cis('8.10', 'Retain Audit Logs'),
  cis('8.11', 'Conduct Audit Log Reviews'),
  cis('11.2', 'Perform Automated Backups'),
  cis('11.3', 'Protect Recovery Data'),
  cis('11.4', 'Establish and Maintain an Isolated Instance of Recovery Data'),
  cis('12.2', 'Establish and Maintain a Secure Network Architecture'),
  cis('13.1', 'Centralize Security Event Alerting'),
  cis('13.3', 'Deploy a Network Intrusion Detection Solution'),
  cis('13.4', 'Perform Traffic Filtering Between Network Segments'),
  cis('13.6', 'Collect Network Traffic Flow Logs'),
  cis('13.10', 'Perform Application Layer Filtering'),
  cis('16.5', 'Use Up-to-Date and Trusted Third-Party Software Components'),
  cis('16.10', 'Apply Secure Design Principles in Application Architectures'),
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
