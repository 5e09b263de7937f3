import { ControlSource } from './catalogue';

/** Catalogue ids of NIST SP 800-53 Rev. 5 controls: `nist('AU-2')` is `NIST-800-53-r5:AU-2`. */
export function nist(...controlIds: string[]): string[] {
  return controlIds.map((id) => `${ControlSource.NIST_800_53_R5}:${id}`);
}

/** Catalogue ids of CIS Controls v8 safeguards: `cis('3.11')` is `CIS-v8:3.11`. */
export function cis(...safeguardIds: string[]): string[] {
  return safeguardIds.map((id) => `${ControlSource.CIS_V8}:${id}`);
}

/** Catalogue ids of CISA CPG (v1.0.1) goals: `cpg('2.K')` is `CISA-CPG:2.K`. */
export function cpg(...goalIds: string[]): string[] {
  return goalIds.map((id) => `${ControlSource.CISA_CPG}:${id}`);
}
