// What sysDescr says about model and version, per OS. Pure functions: unit-tested with made-up strings.
export interface Identity {
  hardware?: string;
  version?: string;
  serial?: string;
}

type Parser = (descr: string, sysObjectID: string) => Identity;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Some agents (or their recordings) wrap sysDescr in double quotes. */
export const unquote = (s: string) => s.replace(/^\s*"/, '').replace(/"\s*$/, '');
const m1 = (s: string, re: RegExp) => re.exec(s)?.[1];

/** Cisco IOS, IOS XE, NX-OS, ASA, FTD. IOS XE 16+ is known by image and version ("CAT9K_IOSXE 17.9.4"). */
export function ciscoVersion(raw: string): string | undefined {
  const descr = unquote(raw);
  const train = /^Cisco IOS Software \[[^\]]+\],.*?Software \(([^)]+)\), Version ([^, ]+)/.exec(descr);
  if (train) return `${train[1]} ${train[2]}`;
  return m1(descr, /Threat Defense, Version (.+?), ASA/i)
    ?? m1(descr, /Software \([^)]*\),? Version ([^, ]+)/)
    ?? m1(descr, /Adaptive Security Appliance Version (\S+)/)
    ?? m1(descr, /NX-OS.*?Version ([^, ]+)/)
    ?? m1(descr, /\bVersion:? ([^, #]+)/);
}

const HP_WORDS = /^(?:(?:HPE?|Hewlett Packard Enterprise|ProCurve|Aruba|Instant On|OfficeConnect)\s+)+/;

/** ProCurve / Aruba OS switches: "<vendor> <part> <model> Switch, revision <ver>, ROM …" or "…, <ver>, Linux …". */
function procurve(descr: string): Identity {
  const [first, second] = descr.split(',');
  const hardware = squash(first.replace(HP_WORDS, '').replace(/\bSwitch\b/g, ''));
  const rev = m1(descr, /\brevision ([\w.]+)/) ?? m1(second ?? '', /^\s*(?:\w+_)?([A-Z]{0,2}\.?\d[\w.]*)/);
  return { hardware: hardware || undefined, version: rev };
}

/** AOS-CX: "<vendor> <part number> <model words> Swch <version>". */
function arubaCx(descr: string): Identity {
  const m = /^(?:Aruba|HPE ANW|HPE)\s+(?:[A-Z]{1,2}\d{3,}[A-Z]?\s+)?(.+?)\s+Swch\s+(\S+)$/.exec(descr.trim());
  return m ? { hardware: squash(m[1]), version: m[2] } : {};
}

/** ArubaOS controllers and Instant APs: "ArubaOS (MODEL: 7210), Version 8.2.0.2 (62929)". */
function arubaos(descr: string): Identity {
  return { hardware: m1(descr, /\(MODEL: ([^)]+)\)/), version: m1(descr, /Version (\S+)/) };
}

/** Comware: model after the release on one line, or on its own second line. */
function comware(descr: string): Identity {
  const version = m1(descr, /Software Version ([\d.]+)/);
  const lines = descr.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  let hardware = lines.length > 1 && !/^Copyright/.test(lines[1]) ? lines[1].replace(/^(?:HPE?|H3C)\s+/, '') : undefined;
  hardware ??= m1(descr, /Release \S+ (?:HPE?|H3C) (.+?)\s+Switch\b/);
  return { hardware: hardware && squash(hardware), version };
}

/** "Juniper Networks, Inc. ex3400-48t Ethernet Switch, kernel JUNOS 15.1X53-D59.4, …". */
function junos(descr: string): Identity {
  const model = m1(descr, /^Juniper Networks, Inc\. (\S+)/);
  return { hardware: model ? `Juniper ${model.toUpperCase()}` : undefined, version: m1(descr, /\bJUNOS ([^, ]+)/) };
}

/** "<model> <text>, <version>, <more>" (Netgear, EdgeSwitch) or "<model> <version>" (UniFi switches). */
function modelCommaVersion(descr: string): Identity {
  // Some EdgeSwitch releases say "EdgeSwitch 16-Port XG, firmware 1.1.0".
  const parts = descr.split(',').map((p) => p.trim().replace(/^firmware /, ''));
  if (parts.length >= 2 && /^v?\d+(\.\d+)+/.test(parts[1])) {
    return { hardware: parts[0], version: parts[1] };
  }
  const sp = /^(\S+) (v?\d+(?:\.\d+)+)$/.exec(descr.trim());
  return sp ? { hardware: sp[1], version: sp[2] } : {};
}

/** Netgear: the model is the first word of the first field. */
function netgear(descr: string): Identity {
  const id = modelCommaVersion(descr);
  return { hardware: id.hardware?.split(' ')[0], version: id.version };
}

/** Huawei VRP: "<model>\nHuawei Versatile…" or "Huawei <model> Huawei Versatile…", "Version 5.170 (<model> V200R010C00SPC600)". */
function vrp(descr: string): Identity {
  const hardware = m1(descr, /^Huawei (\S+) Huawei Versatile/) ?? m1(descr, /^(\S+)\s*\r?\n\s*Huawei Versatile/);
  const v = /Version ([\d.]+) \((?:\S+ )?(V\d+R\d+\w*)\)/.exec(descr);
  return { hardware, version: v ? `${v[1]} (${v[2]})` : undefined };
}

/** pfSense/OPNsense/FreeBSD: "<name> <host> <version> … <arch>". */
function bsdAppliance(descr: string): Identity {
  const t = descr.trim().split(/\s+/);
  if (t.length < 3) return {};
  return { version: t[2], hardware: /^(amd64|i386|arm64|aarch64|armv\w+)$/.test(t[t.length - 1]) ? t[t.length - 1] : undefined };
}

/** TrueNAS/FreeNAS: "TrueNAS-13.0-U5 (hash). Hardware: <cpu>. Software: …". */
function truenas(descr: string): Identity {
  return {
    version: m1(descr, /^(?:TrueNAS|FreeNAS)-(?:SCALE-)?(\d[\w.-]*?)\.?(?:\s|$)/),
    hardware: m1(descr, /Hardware: (.+?)\. Software:/),
  };
}

// The processor family as LibreNMS's Unix discovery names it: the first of these found anywhere in the banner (the
// architecture is not always last: "… x86_64 GNU/Linux synology_geminilake_920+"); other architectures get none.
const LINUX_ARCH: [RegExp, string][] = [
  [/i[3-6]86/, 'Generic x86'], [/x86_64/, 'Generic x86 64-bit'], [/sparc32/, 'Generic SPARC 32-bit'], [/sparc64/, 'Generic SPARC 64-bit'],
  [/mips/, 'Generic MIPS'], [/armv5/, 'Generic ARMv5'], [/armv6/, 'Generic ARMv6'], [/armv7/, 'Generic ARMv7'],
  [/aarch64/, 'Generic ARMv8 64-bit'], [/armv/, 'Generic ARM'],
];

/** "Linux <host> <kernel release> #1 SMP … <arch>"; the host name may be missing. */
export function linux(descr: string): Identity {
  const version = m1(descr, /^Linux (?:\S+ )?(\d+\.\d+[^\s|]*)/);
  return { version, hardware: LINUX_ARCH.find(([re]) => re.test(descr))?.[1] };
}

// Windows: NT version and product type (sysObjectID .1 workstation, .2 server, .3 domain controller).
const WINDOWS: Readonly<Record<string, [string, string]>> = {
  '5.0': ['2000', '2000 Server'], '5.1': ['XP', 'XP'], '5.2': ['XP x64', 'Server 2003'], '6.0': ['Vista', 'Server 2008'],
  '6.1': ['7', 'Server 2008 R2'], '6.2': ['8', 'Server 2012'], '6.3': ['8.1', 'Server 2012 R2'],
};

/** "Hardware: AMD64 Family 16 … - Software: Windows Version 6.1 (Build 7600 …)". */
export function windows(descr: string, sysObjectID: string): Identity {
  const nt = m1(descr, /Version (\d+\.\d+)/);
  const kind = m1(sysObjectID, /311\.1\.1\.3\.1\.(\d+)$/);
  let version: string | undefined;
  if (nt && Object.hasOwn(WINDOWS, nt)) {
    const [ws, srv] = WINDOWS[nt];
    const name = kind === '1' ? ws : kind === '3' && nt === '5.0' ? '2000 Datacenter Server' : srv;
    version = `${name} (NT ${nt})`;
  } else if (nt) {
    version = `NT ${nt}`;
  }
  const cpu = m1(descr, /Hardware: (\S+)/);
  const hardware = !cpu ? undefined
    : /^(EM64T|Intel64)$/.test(cpu) ? 'Intel x64'
      : cpu === 'AMD64' ? 'AMD x64'
        : /^x86$/.test(cpu) ? 'Generic x86'
          : /^ARM64$/i.test(cpu) ? 'ARM 64-bit' : undefined;
  return { version, hardware };
}

const PARSERS: Readonly<Record<string, Parser>> = {
  ios: (d) => ({ version: ciscoVersion(d) }),
  iosxe: (d) => ({ version: ciscoVersion(d) }),
  nxos: (d) => ({ version: ciscoVersion(d) }),
  asa: (d) => ({ version: ciscoVersion(d) }),
  ftd: (d) => ({ version: m1(d, /Threat Defense, Version (.+?), ASA/i) }),
  procurve,
  'arubaos-cx': arubaCx,
  arubaos,
  'aruba-instant': arubaos,
  comware,
  junos,
  routeros: (d) => ({ hardware: m1(d, /^RouterOS (\S+)/) }),
  swos: (d) => ({ hardware: m1(d, /^(\S+) SwOS/), version: m1(d, /SwOS (v\S+)/) }),
  edgeswitch: modelCommaVersion,
  edgeos: () => ({}),
  'unifi-usp': (d) => ({ version: d.trim() }),
  netgear,
  vrp,
  pfsense: bsdAppliance,
  opnsense: bsdAppliance,
  truenas,
  'truenas-scale': truenas,
  linux,
  proxmox: linux,
  windows,
  'hpe-ilo': (d) => ({ version: m1(d, /Integrated Lights-Out \d+ ([\d.]+)/) }),
  dlinkap: (d) => ({ hardware: m1(d, /^(D-Link \S+)/) }),
  'dlink-dgs1250': (d) => ({ hardware: d.trim() }),
  zynos: (d) => ({ hardware: m1(d, /^(\S+)$/) }),
  zywall: (d) => ({ hardware: m1(d, /^(\S+)$/) }),
  zyxelwlc: (d) => ({ hardware: m1(d, /^(\S+)$/) }),
  zyxelusg: (d) => ({ hardware: d.trim() || undefined }),
  merakimr: (d) => ({ hardware: d.trim() || undefined }),
  merakims: (d) => ({ hardware: d.split(',')[0].trim() || undefined }),
  ciscosb: (d) => ({ hardware: m1(d, /^([A-Z]{2,3}\d{3}\w*(?:-\w+)*) /) }),
  xerox: (d) => ({ hardware: m1(d, /Xerox ([^;]+)/) }),
  fujifilmprinter: (d) => ({ hardware: m1(d, /FUJIFILM ([^;]+)/) }),
  // "Lexmark MX521de version MCUAT.230.038 kernel 4.11.12 All-N-1".
  lexmarkprinter: (d) => {
    const m = /Lexmark ([a-zA-Z0-9]+) version (\S+)/.exec(d);
    return m ? { hardware: m[1], version: m[2] } : {};
  },
  // "Samsung M4080FX; V11.01.03.04_02-27-2017;Engine V1.00.06 …;S/N ZDFABJBG800001".
  samsungprinter: (d) => {
    const m = /(?:Samsung )+(.*?)(?: Series)?; ?V?([\d.]+).*S\/N (\S+)/.exec(d);
    return m ? { hardware: m[1], version: m[2], serial: m[3] } : {};
  },
  // WatchGuard Fireboxes answer their model as the whole banner ("M470", "T45-W-PoE").
  fireware: (d) => ({ hardware: d.trim() || undefined }),
  'dell-laser': (d) => {
    const m = /^(Dell \S+) version (\S+)/.exec(d);
    return m ? { hardware: m[1], version: m[2] } : {};
  },
  brother: (d) => ({ version: m1(d, /Firmware Ver\.(\S+)/) }),
  'eaton-mgeups': (d) => ({ hardware: d.trim() || undefined }),
  eatonupsm2: (d) => ({ hardware: d.trim() || undefined }),
  sharp: (d) => ({ hardware: m1(d, /^(SHARP \S+)$/) }),
  // "NRG MP 2553 1.05 / NRG Network Printer C model / …": the last number after the model is the firmware.
  nrg: (d) => {
    const m = /NRG (.*) ([\d.]+)/.exec(d);
    return m ? { hardware: m[1], version: m[2] } : {};
  },
};

/** Model and version as this OS's sysDescr carries them; {} when it does not. */
export function parseSysDescr(os: string | undefined, sysDescr: string | undefined, sysObjectID = ''): Identity {
  if (!os || !sysDescr || !Object.hasOwn(PARSERS, os)) return {};
  const id = PARSERS[os](unquote(sysDescr), sysObjectID.replace(/^\./, ''));
  const out: Identity = {};
  for (const k of ['hardware', 'version', 'serial'] as const) {
    const v = id[k]?.trim();
    if (v) out[k] = v;
  }
  return out;
}
