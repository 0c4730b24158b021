// Simulated devices of the demo estate: snmprec recordings written for Parc (our own, MIT like the project).
// Counters use snmpsim's `numeric` variation so traffic moves between polls: without `cumulative`, it answers
// initial + rate × (seconds since start), a counter growing linearly at `rate` per second. (With `cumulative`
// each answer adds rate × seconds-since-start to the previous one: quadratic growth, rates rising past link
// speed within half an hour.)

function ifRows(ports: { name: string; alias: string; speedMbps: number; up: boolean; rateBytes: number }[], hc: boolean): string[] {
  const lines: string[] = [];
  ports.forEach((p, n) => {
    const i = n + 1;
    lines.push(
      `1.3.6.1.2.1.2.2.1.1.${i}|2|${i}`,
      `1.3.6.1.2.1.2.2.1.2.${i}|4|${p.name}`,
      `1.3.6.1.2.1.2.2.1.3.${i}|2|6`,
      `1.3.6.1.2.1.2.2.1.4.${i}|2|1500`,
      `1.3.6.1.2.1.2.2.1.5.${i}|66|${Math.min(p.speedMbps * 1e6, 4294967295)}`,
      `1.3.6.1.2.1.2.2.1.6.${i}|4x|0050568a${(0x10 + i).toString(16).padStart(4, '0')}`,
      `1.3.6.1.2.1.2.2.1.7.${i}|2|1`,
      `1.3.6.1.2.1.2.2.1.8.${i}|2|${p.up ? 1 : 2}`,
      `1.3.6.1.2.1.2.2.1.10.${i}|65:numeric|rate=${p.up ? p.rateBytes : 0},wrap=1,max=4294967295`,
      `1.3.6.1.2.1.2.2.1.14.${i}|65|0`,
      `1.3.6.1.2.1.2.2.1.16.${i}|65:numeric|rate=${p.up ? Math.round(p.rateBytes / 3) : 0},wrap=1,max=4294967295`,
      `1.3.6.1.2.1.2.2.1.20.${i}|65|0`,
    );
  });
  if (hc) {
    ports.forEach((p, n) => {
      const i = n + 1;
      lines.push(
        `1.3.6.1.2.1.31.1.1.1.1.${i}|4|${p.name.replace('GigabitEthernet', 'Gi')}`,
        `1.3.6.1.2.1.31.1.1.1.6.${i}|70:numeric|rate=${p.up ? p.rateBytes : 0}`,
        `1.3.6.1.2.1.31.1.1.1.10.${i}|70:numeric|rate=${p.up ? Math.round(p.rateBytes / 3) : 0}`,
        `1.3.6.1.2.1.31.1.1.1.15.${i}|66|${p.speedMbps}`,
        `1.3.6.1.2.1.31.1.1.1.18.${i}|4|${p.alias}`,
      );
    });
  }
  return lines;
}

function system(descr: string, objectId: string, name: string, location: string, uptimeTicks: number): string[] {
  return [
    `1.3.6.1.2.1.1.1.0|4|${descr}`,
    `1.3.6.1.2.1.1.2.0|6|${objectId}`,
    `1.3.6.1.2.1.1.3.0|67:numeric|rate=100,initial=${uptimeTicks}`,
    '1.3.6.1.2.1.1.4.0|4|Service informatique <it@example.invalid>',
    `1.3.6.1.2.1.1.5.0|4|${name}`,
    `1.3.6.1.2.1.1.6.0|4|${location}`,
  ];
}

/** Sorted by OID, as snmpsim requires. */
function sorted(lines: string[]): string[] {
  const key = (l: string) => l.split('|')[0].split('.').map(Number);
  return lines.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
  });
}

export const coreSwitch = (): string[] => sorted([
  ...system('Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E9, RELEASE SOFTWARE (fc1)', '1.3.6.1.4.1.9.1.1208', 'core-sw1', 'Suresnes HQ, baie réseau', 31_536_000_00),
  ...ifRows([
    { name: 'GigabitEthernet1/0/1', alias: 'uplink fibre Mitry', speedMbps: 1000, up: true, rateBytes: 2_500_000 },
    { name: 'GigabitEthernet1/0/2', alias: 'RDS01', speedMbps: 1000, up: true, rateBytes: 800_000 },
    { name: 'GigabitEthernet1/0/3', alias: 'observium', speedMbps: 1000, up: true, rateBytes: 120_000 },
    { name: 'GigabitEthernet1/0/4', alias: 'imprimante accueil', speedMbps: 100, up: false, rateBytes: 0 },
    { name: 'GigabitEthernet1/0/5', alias: '', speedMbps: 1000, up: true, rateBytes: 40_000 },
    { name: 'TenGigabitEthernet1/1/1', alias: 'stack', speedMbps: 10000, up: true, rateBytes: 9_000_000 },
  ], true),
]);

export const printer = (): string[] => sorted([
  ...system('HP ETHERNET MULTI-ENVIRONMENT,ROM none,JETDIRECT,JD153,EEPROM JSI24090012', '1.3.6.1.4.1.11.2.3.9.1', 'printer-2', 'Mitry-Mory, accueil', 8_640_000),
  ...ifRows([{ name: 'HP ETHERNET MULTI-ENVIRONMENT', alias: '', speedMbps: 100, up: true, rateBytes: 2_000 }], false),
  '1.3.6.1.2.1.25.2.3.1.1.1|2|1',
  '1.3.6.1.2.1.25.2.3.1.2.1|6|1.3.6.1.2.1.25.2.1.2',
  '1.3.6.1.2.1.25.2.3.1.3.1|4|RAM',
  '1.3.6.1.2.1.25.2.3.1.4.1|2|1024',
  '1.3.6.1.2.1.25.2.3.1.5.1|2|524288',
  '1.3.6.1.2.1.25.2.3.1.6.1|2|302010',
]);

export const ups = (): string[] => sorted([
  ...system('APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.8.2 PN:apc_hw05_aos_682.bin AF1:v6.8.2 AN1:apc_hw05_sumx_682.bin MN:SMT1500RMI2U HR:02 SN: AS1234567890 MD:01/15/2019)', '1.3.6.1.4.1.318.1.3.27', 'ups-tls-1', 'Toulouse local technique [43.6047, 1.4442]', 12_960_000),
  ...ifRows([{ name: 'eth0', alias: '', speedMbps: 100, up: true, rateBytes: 500 }], false),
]);

/** A spare Debian box in the lab, in no site (shown as Unassigned). */
export const labSpare = (): string[] => sorted([
  ...system('Linux lab-spare 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) x86_64', '1.3.6.1.4.1.8072.3.2.10', 'lab-spare', 'Atelier', 4_320_000),
  ...ifRows([{ name: 'enp1s0', alias: '', speedMbps: 1000, up: true, rateBytes: 15_000 }], true),
]);
