// HP, HPE and Aruba: ProCurve/Aruba OS switches, AOS-CX, ArubaOS controllers and Instant APs, Comware, iLO, JetDirect.
import { under, type OsRule } from './types';

const INSTANT = under('1.3.6.1.4.1.14823.1.2');
// ClearPass shares Aruba's enterprise but is a policy server, not a controller.
const CLEARPASS = under('1.3.6.1.4.1.14823.1.6');

export const HPE_RULES: OsRule[] = [
  { os: 'arubaos-cx', vendor: 'Aruba', oid: under('1.3.6.1.4.1.47196.4.1.1.1') },
  { os: 'aruba-instant', vendor: 'Aruba', oid: INSTANT, descr: /ArubaOS|AOS-(8|10)\b/ },
  { os: 'arubaos', vendor: 'Aruba', descr: /ArubaOS|^AOS-W\b/, test: (oid) => !INSTANT.test(oid) },
  // Controllers, also OEM ones: Alcatel-Lucent OmniAccess (AOS-W) and Dell PowerConnect W keep Aruba's MIBs.
  { os: 'arubaos', vendor: 'Aruba', oid: under('1.3.6.1.4.1.14823', '1.3.6.1.4.1.6486.800.1.1.2.2.2'), test: (oid) => !INSTANT.test(oid) && !CLEARPASS.test(oid) },
  { os: 'comware', vendor: 'HPE', oid: under('1.3.6.1.4.1.25506') },
  { os: 'hpe-ilo', vendor: 'HPE', oid: under('1.3.6.1.4.1.232.9.4') },
  { os: 'hpe-ilo', vendor: 'HPE', descr: /^Integrated Lights-Out/ },
  { os: 'jetdirect', vendor: 'HP', oid: under('1.3.6.1.4.1.11.2.3.9') },
  { os: 'jetdirect', vendor: 'HP', descr: /JETDIRECT|HP ETHERNET MULTI-ENVIRONMENT|HP Laser MFP/ },
  // Some LaserJets answer with HP's bare enterprise arc (hp.1).
  { os: 'jetdirect', vendor: 'HP', oid: /^1\.3\.6\.1\.4\.1\.11\.1$/ },
  // ProCurve, ArubaOS-Switch and OfficeConnect/Instant On switches (hpEtherSwitch and the older 7.8.5 arc).
  { os: 'procurve', vendor: 'HP', oid: under('1.3.6.1.4.1.11.2.3.7.11', '1.3.6.1.4.1.11.2.3.7.8.5') },
  { os: 'procurve', vendor: 'HP', descr: /ProCurve/ },
  // A-series switches built by H3C print Comware but, under HP's switch arc above, are ProCurve's.
  { os: 'comware', vendor: 'HPE', descr: /Comware/, test: (oid) => !/^1\.3\.6\.1\.4\.1\.11\./.test(oid) },
];
