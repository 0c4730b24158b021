// Ubiquiti radios (enterprise 41112): airMAX (UBNT-AirMAX-MIB: host temperature, GPS fix), airFiber
// (UBNT-AirFIBER-MIB: radio temperatures, TX modulation, GPS sync), airFiber LTU (UBNT-AFLTU-MIB) and AF60
// (UI-AF60-MIB): radio role, GPS state and satellites, modulation/MCS rates of the first station, active link.
import type { SnmpClient } from '../../../snmp/client';
import type { SensorInfo } from '../../types';
import { addSensors, columns, num, readScalars, stateOf, text, type ScalarSpec, type SensorDraft, type SensorModule } from './common';

type States = Record<number, [string, SensorInfo['status']]>;
const U = '1.3.6.1.4.1.41112.1';
const GPS_FIX: States = { 0: ['unknown', 'unknown'], 1: ['nofix', 'critical'], 2: ['fix2d', 'ok'], 3: ['fix3d', 'ok'] };
const GPS_STATUS: States = { 1: ['absent', 'unknown'], 2: ['off', 'ok'], 3: ['on', 'ok'] };
const ROLE: States = { 0: ['ap', 'ok'], 1: ['cpe', 'ok'] };
const AF_MOD: States = { 0: ['qPSK-SISO-1-4x', 'warning'], 1: ['qPSK-SISO-1x', 'warning'], 2: ['qPSK-MIMO-2x', 'ok'], 4: ['qAM16-MIMO-4x', 'ok'], 6: ['qAM64-MIMO-6x', 'ok'], 8: ['qAM256-MIMO-8x', 'ok'], 10: ['qAM1024-MIMO-10x', 'ok'] };
const GPS_SYNC: States = { 1: ['off', 'warning'], 4: ['on', 'ok'] };
const LTU_RATE: States = {
  1: ['1X (QPSK+SFBC)', 'critical'], 2: ['2X (QPSK)', 'critical'], 4: ['4X (16QAM)', 'warning'], 6: ['6X (64QAM)', 'warning'],
  8: ['8X (256QAM)', 'ok'], 10: ['10X (1024QAM)', 'ok'], 12: ['12X (4096QAM)', 'ok'],
};
const MCS: States = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [n, [`${n}X`, n <= 2 ? 'critical' : n <= 4 ? 'warning' : 'ok']]));
const LINK: States = { 1: ['Main', 'ok'], 2: ['Backup', 'warning'] };

/** ubntHostTemperature: some airOS 8.7 releases report it scaled by 10^7. */
export function airmaxTemperature(raw: number): number {
  return Math.abs(raw) >= 1e6 ? Number((raw / 1e7).toPrecision(12)) : raw;
}

const AIRMAX: ScalarSpec[] = [{ oid: `${U}.4.9.2.0`, class: 'state', description: 'GPS Fix', states: GPS_FIX, key: 'gpsfix' }];
const AIRFIBER: ScalarSpec[] = [
  { oid: `${U}.3.2.1.2.1`, class: 'state', description: 'Tx Modulation Rate', states: AF_MOD, key: 'txmod' },
  { oid: `${U}.3.1.1.8.1`, class: 'state', description: 'GPS Sync', states: GPS_SYNC, key: 'gpssync' },
  { oid: `${U}.3.2.1.8.1`, class: 'temperature', description: 'Radio 0 Temp', key: 'radio0' },
  { oid: `${U}.3.2.1.10.1`, class: 'temperature', description: 'Radio 1 Temp', key: 'radio1' },
];
const gpsBlock = (base: string, idx: string): ScalarSpec[] => [
  { oid: `${base}.1.${idx}`, class: 'state', description: 'GPS Status', states: GPS_STATUS, key: 'gpsstatus' },
  { oid: `${base}.2.${idx}`, class: 'state', description: 'GPS fix', states: GPS_FIX, key: 'gpsfix' },
  { oid: `${base}.7.${idx}`, class: 'count', description: 'Sat visible', key: 'satvisible' },
  { oid: `${base}.8.${idx}`, class: 'count', description: 'Sat tracked', key: 'sattracked' },
];
const LTU: ScalarSpec[] = [{ oid: `${U}.10.1.2.1.0`, class: 'state', description: 'Radio Role', states: ROLE, key: 'role' }, ...gpsBlock(`${U}.10.1.7`, '0')];
const AF60: ScalarSpec[] = [{ oid: `${U}.11.1.1.1.1`, class: 'state', description: 'Radio Role', states: ROLE, key: 'role' }, ...gpsBlock(`${U}.11.1.4`, '1')];

/** The first station's rates (a PtP link has one). */
async function firstStation(c: SnmpClient, entry: string, specs: { col: number; descr: string; states: States; key: string; map?: (v: unknown) => number | undefined }[]): Promise<SensorDraft[]> {
  const rows = await columns(c, entry, specs.map((s) => s.col));
  const first = [...rows.values()][0];
  if (!first) return [];
  return specs.filter((s) => first.has(s.col)).map((s) => ({ class: 'state', index: s.key, description: s.descr, ...stateOf((s.map ?? num)(first.get(s.col)), s.states) }));
}

export const ubiquitiAirosModule: SensorModule = {
  name: 'sensors.ubiquiti-airos', stage: 'vendor', os: ['airos', 'airos-af', 'airos-af-ltu', 'airos-af60'],
  async run(c, out) {
    const res: SensorDraft[] = [];
    switch (out.os) {
      case 'airos': {
        res.push(...await readScalars(c, [...AIRMAX, { oid: `${U}.4.8.4.0`, class: 'temperature', description: 'Temperature', key: 'temp' }]));
        for (const s of res) if (s.class === 'temperature' && s.value !== undefined) s.value = airmaxTemperature(s.value);
        break;
      }
      case 'airos-af': res.push(...await readScalars(c, AIRFIBER)); break;
      case 'airos-af-ltu':
        res.push(...await readScalars(c, LTU), ...await firstStation(c, `${U}.10.1.4.1`, [
          { col: 1, descr: 'TX Modulation Rate', states: LTU_RATE, key: 'txrate' }, { col: 2, descr: 'RX Modulation Rate', states: LTU_RATE, key: 'rxrate' }]));
        break;
      case 'airos-af60':
        res.push(...await readScalars(c, AF60), ...await firstStation(c, `${U}.11.1.3.1`, [
          { col: 2, descr: 'Active link', states: LINK, key: 'link', map: (v) => (text(v) === undefined ? undefined : text(v) === 'main' ? 1 : 2) },
          { col: 5, descr: 'TX MCS Rate', states: MCS, key: 'txmcs' }, { col: 6, descr: 'RX MCS Rate', states: MCS, key: 'rxmcs' }]));
        break;
    }
    addSensors(out, 'ubiquiti', res);
  },
};
