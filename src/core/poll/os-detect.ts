// Operating system and vendor from sysObjectID's enterprise number and sysDescr,
// the way Observium/LibreNMS recognise devices (a compact subset of their rules).

export interface OsGuess {
  os: string;
  vendor?: string;
}

const ENTERPRISE_VENDOR: Record<number, string> = {
  9: 'Cisco', 11: 'HP', 43: '3Com', 311: 'Microsoft', 318: 'APC', 367: 'Ricoh', 534: 'Eaton', 674: 'Dell',
  850: 'Tripp Lite', 1248: 'Epson', 1347: 'Kyocera', 1602: 'Canon', 2011: 'Huawei', 2021: 'Net-SNMP', 2435: 'Brother',
  2636: 'Juniper', 3375: 'F5', 4526: 'Netgear', 6574: 'Synology', 6876: 'VMware', 8072: 'Net-SNMP', 9303: 'Aruba',
  10002: 'Ubiquiti', 11863: 'TP-Link', 12356: 'Fortinet', 14823: 'Aruba', 14988: 'MikroTik', 18334: 'Konica Minolta',
  24681: 'QNAP', 25461: 'Palo Alto Networks', 30065: 'Arista', 41112: 'Ubiquiti', 42: 'Oracle', 43356: 'Mimosa',
  476: 'Vertiv', 13742: 'Vertiv', 253: 'Xerox', 641: 'Lexmark', 236: 'Samsung', 1916: 'Extreme Networks',
};

interface Rule {
  os: string;
  vendor?: string;
  descr?: RegExp;
  oid?: RegExp;
}

// First match wins; order from specific to generic.
const RULES: Rule[] = [
  { os: 'asa', vendor: 'Cisco', descr: /Cisco Adaptive Security Appliance/i },
  { os: 'asa', vendor: 'Cisco', oid: /^1\.3\.6\.1\.4\.1\.9\.1\.(745|746|747|748|749|750|1407|1408|1409|1410|1411)$/ },
  { os: 'ftd', vendor: 'Cisco', descr: /Cisco Firepower|FirePOWER/i },
  { os: 'nxos', vendor: 'Cisco', descr: /NX-OS/ },
  { os: 'iosxe', vendor: 'Cisco', descr: /IOS[ -]?XE/ },
  { os: 'ios', vendor: 'Cisco', descr: /Cisco IOS|IOS \(tm\)/ },
  { os: 'ios', vendor: 'Cisco', oid: /^1\.3\.6\.1\.4\.1\.9\.1\./ },
  { os: 'arubaos', vendor: 'Aruba', descr: /ArubaOS/i },
  { os: 'procurve', vendor: 'HP', descr: /ProCurve|HP .*Switch|Aruba.*Switch/i },
  { os: 'airos', vendor: 'Ubiquiti', oid: /^1\.3\.6\.1\.4\.1\.41112\./ },
  { os: 'unifi', vendor: 'Ubiquiti', descr: /UAP|U7P|UniFi/i },
  // UniFi access points answer with Frogfoot's enterprise number and a plain Linux sysDescr.
  { os: 'unifi', vendor: 'Ubiquiti', oid: /^1\.3\.6\.1\.4\.1\.10002\.1$/ },
  { os: 'edgeos', vendor: 'Ubiquiti', descr: /EdgeOS|EdgeRouter/i },
  { os: 'airos', vendor: 'Ubiquiti', descr: /Ubiquiti|AirOS/i },
  { os: 'routeros', vendor: 'MikroTik', descr: /RouterOS/i },
  { os: 'routeros', vendor: 'MikroTik', oid: /^1\.3\.6\.1\.4\.1\.14988\./ },
  { os: 'dsm', vendor: 'Synology', descr: /Synology|DiskStation/i },
  { os: 'panos', vendor: 'Palo Alto Networks', oid: /^1\.3\.6\.1\.4\.1\.25461\./ },
  { os: 'fortigate', vendor: 'Fortinet', oid: /^1\.3\.6\.1\.4\.1\.12356\./ },
  { os: 'junos', vendor: 'Juniper', descr: /JUNOS/i },
  { os: 'netbotz', vendor: 'APC', oid: /^1\.3\.6\.1\.4\.1\.318\.1\.3\.8\./ },
  { os: 'apc', vendor: 'APC', oid: /^1\.3\.6\.1\.4\.1\.318\./ },
  { os: 'eatonups', vendor: 'Eaton', oid: /^1\.3\.6\.1\.4\.1\.(534|705)\./ },
  { os: 'poweralert', vendor: 'Tripp Lite', oid: /^1\.3\.6\.1\.4\.1\.850\./ },
  { os: 'vertiv', vendor: 'Vertiv', oid: /^1\.3\.6\.1\.4\.1\.(476|13742)\./ },
  { os: 'ilom', vendor: 'Oracle', oid: /^1\.3\.6\.1\.4\.1\.42\.2\.200\./ },
  { os: 'mimosa', vendor: 'Mimosa', oid: /^1\.3\.6\.1\.4\.1\.43356\./ },
  { os: 'windows', vendor: 'Microsoft', oid: /^1\.3\.6\.1\.4\.1\.311\./ },
  { os: 'windows', vendor: 'Microsoft', descr: /Windows/i },
  { os: 'printer', vendor: 'HP', descr: /JETDIRECT|LaserJet|HP ETHERNET MULTI-ENVIRONMENT/i },
  { os: 'printer', vendor: 'Brother', descr: /Brother/i },
  { os: 'printer', descr: /Kyocera|Ricoh|Lexmark|Xerox|Canon|Epson|Konica|Printer|Laser/i },
  { os: 'freebsd', descr: /FreeBSD/ },
  { os: 'openbsd', descr: /OpenBSD/ },
  { os: 'netbsd', descr: /NetBSD/ },
  { os: 'dragonfly', descr: /DragonFly/i },
  { os: 'macos', vendor: 'Apple', descr: /Darwin/ },
  { os: 'linux', descr: /^Linux\b/ },
];

export function enterpriseNumber(sysObjectID: string | undefined): number | undefined {
  const m = /^\.?1\.3\.6\.1\.4\.1\.(\d+)/.exec(sysObjectID ?? '');
  return m ? Number(m[1]) : undefined;
}

export function detectOs(sysObjectID: string | undefined, sysDescr: string | undefined): OsGuess {
  const oid = (sysObjectID ?? '').replace(/^\./, '');
  const descr = sysDescr ?? '';
  for (const r of RULES) {
    if (r.oid && !r.oid.test(oid)) continue;
    if (r.descr && !r.descr.test(descr)) continue;
    if (!r.oid && !r.descr) continue;
    const vendor = r.vendor ?? vendorOf(oid, descr);
    return { os: r.os, vendor };
  }
  const vendor = vendorOf(oid, descr);
  return { os: 'generic', vendor };
}

function vendorOf(oid: string, descr: string): string | undefined {
  const ent = enterpriseNumber(oid);
  const v = ent !== undefined ? ENTERPRISE_VENDOR[ent] : undefined;
  if (v && v !== 'Net-SNMP') return v;
  const m = /\b(Kyocera|Ricoh|Lexmark|Xerox|Canon|Epson|Konica Minolta|Brother|HP|Dell|Lenovo|Supermicro)\b/i.exec(descr);
  return m ? m[1] : v;
}

/**
 * Appliances built on net-snmp that look like plain Linux by sysObjectID and sysDescr, recognised from
 * hrSystemInitialLoadParameters (the kernel command line): Synology's has `syno_hw_version=MODEL`.
 */
export function refineFromKernelCmdline(guess: OsGuess, cmdline: string | undefined): OsGuess & { hardware?: string } {
  const syno = /syno_hw_version=(\S+)/.exec(cmdline ?? '');
  if (syno && (guess.os === 'linux' || guess.os === 'generic')) return { os: 'dsm', vendor: 'Synology', hardware: syno[1] };
  return guess;
}
