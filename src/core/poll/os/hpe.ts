// HP, HPE and Aruba: ProCurve/Aruba OS switches, AOS-CX, ArubaOS controllers and Instant APs, Comware, iLO, JetDirect.
import { under, type OsRule } from './types';

export const HPE_RULES: OsRule[] = [
  { os: 'arubaos-cx', vendor: 'Aruba', oid: under('1.3.6.1.4.1.47196.4.1.1.1') },
  { os: 'aruba-instant', vendor: 'Aruba', oid: under('1.3.6.1.4.1.14823.1.2') },
  { os: 'arubaos', vendor: 'Aruba', descr: /^(ArubaOS|AOS-W)\b/ },
  { os: 'arubaos', vendor: 'Aruba', oid: under('1.3.6.1.4.1.14823.1.1') },
  { os: 'comware', vendor: 'HPE', descr: /Comware/ },
  { os: 'comware', vendor: 'HPE', oid: under('1.3.6.1.4.1.25506') },
  { os: 'hpe-ilo', vendor: 'HPE', oid: under('1.3.6.1.4.1.232.9.4') },
  { os: 'hpe-ilo', vendor: 'HPE', descr: /^Integrated Lights-Out/ },
  { os: 'jetdirect', vendor: 'HP', oid: under('1.3.6.1.4.1.11.2.3.9') },
  { os: 'jetdirect', vendor: 'HP', descr: /JETDIRECT|HP ETHERNET MULTI-ENVIRONMENT/ },
  { os: 'procurve', vendor: 'HP', oid: under('1.3.6.1.4.1.11.2.3.7.11') },
  { os: 'procurve', vendor: 'HP', descr: /ProCurve/ },
];
