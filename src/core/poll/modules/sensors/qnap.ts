// QNAP NAS-MIB (enterprise 24681), the sensors LibreNMS shows for os qnap:
//   QTS 4.4+ components tree (storageSystemEx …1.4.1.1.1.1): enclosure and CPU temperatures, disk temperatures and
//   S.M.A.R.T. state, system fans (speed, state), power supplies (temperature, fan speed, state);
//   legacy systemInfo tree (…1.2): the state of each drive bay (hdStatus).
// -1 is the firmware's "no reading" for temperatures and fan speeds: those are left out.
import type { SensorInfo } from '../../types';
import { addSensors, columns, num, text, type Rows, type SensorDraft, type SensorModule } from './common';

const C = '1.3.6.1.4.1.24681.1.4.1.1.1.1';
export const QNAP_OIDS = {
  enclosure: `${C}.1.2.1`,
  fan: `${C}.2.2.1`,
  power: `${C}.3.2.1`,
  cpuTemp: `${C}.4.2`,
  disk: `${C}.5.2.1`,
  legacyDisk: '1.3.6.1.4.1.24681.1.2.11.1',
} as const;

type States = Record<number, [string, SensorInfo['status']]>;
const HD_STATUS: States = { 0: ['ready', 'ok'], [-5]: ['noDisk', 'unknown'], [-6]: ['invalid', 'critical'], [-9]: ['rwError', 'critical'], [-4]: ['unknown', 'unknown'] };
const SMART: States = { 0: ['good', 'ok'], 1: ['warning', 'warning'], 2: ['abnormal', 'critical'], [-1]: ['error', 'critical'] };
const OK_FAIL: States = { 0: ['ok', 'ok'], [-1]: ['fail', 'critical'] };

const reading = (v: unknown) => {
  const n = num(v);
  return n === undefined || n === -1 ? undefined : n;
};
const word = (v: unknown) => text(v) ?? '';

function state(raw: unknown, states: States, index: string, description: string): SensorDraft | undefined {
  const n = num(raw);
  if (n === undefined) return undefined;
  const s = Object.hasOwn(states, n) ? states[n] : undefined;
  return { class: 'state', index, description, value: n, stateText: s?.[0] ?? String(n), status: s?.[1] ?? 'unknown' };
}

function value(cls: SensorDraft['class'], raw: unknown, index: string, description: string): SensorDraft | undefined {
  const n = reading(raw);
  return n === undefined ? undefined : { class: cls, index, description, value: n };
}

/** The sensors of the tables read (rows by index, columns by number), in LibreNMS's naming. */
export function qnapSensors(t: { enclosure: Rows; cpu: Rows; power: Rows; disk: Rows; fan: Rows; legacyDisk: Rows }): SensorDraft[] {
  const out: (SensorDraft | undefined)[] = [];
  for (const [i, r] of t.enclosure) out.push(value('temperature', r.get(7), `enclosure.${i}`, `Enclosure ${word(r.get(2))}`));
  for (const [i, r] of t.cpu) out.push(value('temperature', r.get(0), `cpu.${i}`, 'CPU'));
  for (const [i, r] of t.power) out.push(value('temperature', r.get(6), `psu.${i}`, `Enclosure ${word(r.get(3))} PSU ${word(r.get(2))}`));
  for (const [i, r] of t.disk) out.push(value('temperature', r.get(6), `disk.${i}`, `Disk ${i} ${word(r.get(8))}`.trim()));
  for (const [i, r] of t.fan) out.push(value('fanspeed', r.get(5), `fan.${i}`, `FAN ${i}`));
  for (const [i, r] of t.power) out.push(value('fanspeed', r.get(5), `psu-fan.${i}`, `PSU ${word(r.get(2))}`));
  for (const [i, r] of t.legacyDisk) out.push(state(r.get(4), HD_STATUS, `hd.${i}`, `Disk ${i}`));
  for (const [i, r] of t.disk) out.push(state(r.get(5), SMART, `smart.${i}`, `Disk ${i}`));
  for (const [i, r] of t.fan) out.push(state(r.get(4), OK_FAIL, `fan-state.${i}`, `FAN ${i}`));
  for (const [i, r] of t.power) out.push(state(r.get(4), OK_FAIL, `psu-state.${i}`, `PSU ${i}`));
  return out.filter((d): d is SensorDraft => d !== undefined);
}

/** cpuTemp is a scalar (cpuTemp.0): its instances as rows whose column 0 holds the value. */
async function cpuTemps(c: Parameters<SensorModule['run']>[0]): Promise<Rows> {
  const rows: Rows = new Map();
  for (const vb of await c.walk(QNAP_OIDS.cpuTemp, 4)) {
    if (vb.oid.startsWith(`${QNAP_OIDS.cpuTemp}.`)) rows.set(vb.oid.slice(QNAP_OIDS.cpuTemp.length + 1), new Map([[0, vb.value]]));
  }
  return rows;
}

export const qnapModule: SensorModule = {
  name: 'sensors.qnap', stage: 'vendor', os: ['qnap'],
  async run(c, out) {
    // The first column of each table is read first: firmware without the QTS 4.4 tree costs one request per table.
    const [enclosure, cpu, power, disk, fan, legacyDisk] = await Promise.all([
      columns(c, QNAP_OIDS.enclosure, [7, 2]),
      cpuTemps(c),
      columns(c, QNAP_OIDS.power, [4, 2, 3, 5, 6]),
      columns(c, QNAP_OIDS.disk, [5, 3, 6, 8]),
      columns(c, QNAP_OIDS.fan, [4, 5]),
      columns(c, QNAP_OIDS.legacyDisk, [4]),
    ]);
    addSensors(out, 'qnap', qnapSensors({ enclosure, cpu, power, disk, fan, legacyDisk }));
  },
};
