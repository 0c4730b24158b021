// Liebert/Vertiv MPH/MPX rack PDUs (LIEBERT-GP-PDU-MIB, 476.1.42.3.8): per power source the total power, apparent
// power, power factor and neutral current; per input line its voltage and current; per receptacle branch its current,
// headroom and utilisation; per receptacle voltage, current, power and on/off state; the auxiliary temperature and
// humidity probes; the PDU's status bit-field. Units from the MIB: currents in 0.1 A (columns named …Hundredths in
// 0.01 A), voltages in V (…Tenths 0.1 V), power in W, apparent power in VA, power factor in 0.01, utilisation in 0.1 %,
// probes in 0.1 °C and 0.1 %RH. Current thresholds are a percentage of the rated current: limits are rated × threshold.
import type { SnmpClient } from '../../../snmp/client';
import type { SensorInfo } from '../../types';
import { addSensors, columns, div, num, stateOf, text, type Rows, type SensorDraft, type SensorModule } from './common';

type States = Record<number, [string, SensorInfo['status']]>;
const PDU = '1.3.6.1.4.1.476.1.42.3.8';
const PDU_ENTRY = `${PDU}.20.1`;
const PS_ENTRY = `${PDU}.30.20.1`;
const LINE_ENTRY = `${PDU}.30.40.1`;
const RB_ENTRY = `${PDU}.40.20.1`;
const RCP_ENTRY = `${PDU}.50.20.1`;
const AUX_ENTRY = `${PDU}.60.15.1`;

export const RCP_POWER_STATE: States = { 0: ['unknown', 'unknown'], 1: ['off', 'ok'], 2: ['on', 'ok'], 3: ['off, pending on delay', 'ok'] };

/** lgpPduEntrySysStatus is a bit-field: the worst state whose bit is set wins. */
const SYS_BITS: [number, string, SensorInfo['status']][] = [
  [32, 'abnormal operation', 'critical'], [16, 'normal with alarm', 'critical'], [8, 'normal with warning', 'warning'],
  [2, 'start-up', 'warning'], [1, 'normal operation', 'ok'],
];
export function pduSysStatus(raw: number | undefined): Pick<SensorInfo, 'value' | 'stateText' | 'status'> {
  if (raw === undefined) return { status: 'unknown' };
  const set = SYS_BITS.filter(([bit]) => (raw & bit) !== 0);
  if (!set.length) return { value: raw, stateText: String(raw), status: 'unknown' };
  return { value: raw, stateText: set.map(([, w]) => w).join(', '), status: set[0][2] };
}

/** A current limit from a rated current (0.1 A) and a threshold in percent of it. */
export function ratedLimit(rated: number | undefined, percent: number | undefined): number | undefined {
  if (rated === undefined || percent === undefined || rated <= 0) return undefined;
  return Number(((rated / 10) * (percent / 100)).toPrecision(12));
}

/** The power source (`pdu.ps`) a row of a deeper table belongs to: its index's first two parts. */
const psOf = (index: string) => index.split('.').slice(0, 2).join('.');
const label = (row: Map<number, unknown>, user: number, sys: number, fallback: string) => text(row.get(user)) || text(row.get(sys)) || fallback;

export function powerSourceSensors(ps: Rows, lines: Rows): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of ps) {
    const model = text(r.get(20)) || `PDU ${i}`;
    const rated = num(r.get(35));
    const total = num(r.get(65));
    if (total !== undefined) out.push({ class: 'power', index: `ps.${i}`, description: `Total for ${model}`, value: total });
    const ap = num(r.get(90));
    if (ap !== undefined) out.push({ class: 'power', index: `ps.ap.${i}`, description: `Apparent Power ${model}`, value: ap, unit: 'VA' });
    const pf = num(r.get(95));
    if (pf !== undefined) out.push({ class: 'power_factor', index: `ps.${i}`, description: `Power Factor Total ${model}`, value: div(pf, 100) });
    const neutral = num(r.get(70));
    if (neutral !== undefined) {
      out.push({ class: 'current', index: `ps.neutral.${i}`, description: `Neutral ${i.split('.').pop()}`, value: div(neutral, 10),
        limitHigh: ratedLimit(rated, num(r.get(80))), limitHighWarn: ratedLimit(rated, num(r.get(75))) });
    }
  }
  for (const [i, r] of lines) {
    const line = num(r.get(15)) ?? i.split('.').pop();
    const rated = num(ps.get(psOf(i))?.get(35));
    const v = num(r.get(19)) !== undefined ? div(num(r.get(19)), 10) : num(r.get(20));
    if (v !== undefined) out.push({ class: 'voltage', index: `line.${i}`, description: `AC RMS ${line}`, value: v });
    const a = num(r.get(22)) !== undefined ? div(num(r.get(22)), 100) : div(num(r.get(21)), 10);
    if (a !== undefined) {
      out.push({ class: 'current', index: `line.${i}`, description: `Total Input Line ${line}`, value: a,
        limitHigh: ratedLimit(rated, num(r.get(37))), limitHighWarn: ratedLimit(rated, num(r.get(36))), limitLow: ratedLimit(rated, num(r.get(35))) || undefined });
    }
  }
  return out;
}

export function branchSensors(rb: Rows): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of rb) {
    const name = label(r, 8, 20, `Branch ${i}`);
    const rated = num(r.get(75));
    const a = num(r.get(130));
    if (a !== undefined) {
      out.push({ class: 'current', index: `rb.${i}`, description: `RMS ${name}`, value: div(a, 100),
        limitHigh: ratedLimit(rated, num(r.get(145))), limitHighWarn: ratedLimit(rated, num(r.get(140))), limitLow: ratedLimit(rated, num(r.get(135))) || undefined });
    }
    const avail = num(r.get(150));
    if (avail !== undefined) out.push({ class: 'current', index: `rb.avail.${i}`, description: `Before Alarm ${name}`, value: div(avail, 100) });
    const used = num(r.get(160));
    if (used !== undefined) out.push({ class: 'percent', index: `rb.${i}`, description: `Utilization Percent ${name}`, value: div(used, 10) });
  }
  return out;
}

export function receptacleSensors(rcp: Rows): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of rcp) {
    const name = label(r, 10, 25, `Receptacle ${i}`);
    const v = num(r.get(55));
    if (v !== undefined) out.push({ class: 'voltage', index: `rcp.${i}`, description: `Voltage ${name}`, value: v });
    const a = num(r.get(60));
    if (a !== undefined) out.push({ class: 'current', index: `rcp.${i}`, description: `Current ${name}`, value: div(a, 10) });
    const w = num(r.get(65));
    if (w !== undefined) out.push({ class: 'power', index: `rcp.${i}`, description: `Power ${name}`, value: w });
    const va = num(r.get(70));
    if (va !== undefined) out.push({ class: 'power', index: `rcp.ap.${i}`, description: `Apparent Power ${name}`, value: va, unit: 'VA' });
    const pf = num(r.get(75));
    if (pf !== undefined) out.push({ class: 'power_factor', index: `rcp.${i}`, description: `Power Factor ${name}`, value: div(pf, 100) });
    if (r.has(95)) out.push({ class: 'state', index: `rcp.${i}`, description: `State ${name}`, ...stateOf(num(r.get(95)), RCP_POWER_STATE) });
  }
  return out;
}

/** lgpPduAuxMeasType: temperature(1), humidity(2), … — a probe row carries only the columns of its kind. */
export function auxSensors(aux: Rows): SensorDraft[] {
  const out: SensorDraft[] = [];
  const lim = (r: Map<number, unknown>, c: number) => div(num(r.get(c)), 10);
  for (const [i, r] of aux) {
    const name = label(r, 20, 15, `Probe ${i}`);
    const t = num(r.get(70));
    if (t !== undefined) {
      out.push({ class: 'temperature', index: `aux.${i}`, description: `Temp for ${name}`, value: div(t, 10),
        limitLow: lim(r, 75), limitHigh: lim(r, 80), limitLowWarn: lim(r, 85), limitHighWarn: lim(r, 90) });
    }
    const h = num(r.get(95));
    if (h !== undefined) {
      out.push({ class: 'humidity', index: `aux.${i}`, description: `Humidity for ${name}`, value: div(h, 10),
        limitLow: lim(r, 100), limitHigh: lim(r, 105), limitLowWarn: lim(r, 110), limitHighWarn: lim(r, 115) });
    }
  }
  return out;
}

async function readPdu(c: SnmpClient): Promise<SensorDraft[]> {
  const sys = await columns(c, PDU_ENTRY, [25]);
  if (!sys.size) return [];
  const [ps, lines, rb, rcp, aux] = await Promise.all([
    columns(c, PS_ENTRY, [20, 35, 65, 70, 75, 80, 90, 95]),
    columns(c, LINE_ENTRY, [15, 19, 20, 21, 22, 35, 36, 37]),
    columns(c, RB_ENTRY, [130, 8, 20, 75, 135, 140, 145, 150, 160]),
    columns(c, RCP_ENTRY, [10, 25, 55, 60, 65, 70, 75, 95]),
    columns(c, AUX_ENTRY, [10, 15, 20, 70, 75, 80, 85, 90, 95, 100, 105, 110, 115]),
  ]);
  const status = [...sys].map(([i, r]): SensorDraft => ({ class: 'state', index: `pdu.${i}`, description: 'System Status', ...pduSysStatus(num(r.get(25))) }));
  return [...status, ...powerSourceSensors(ps, lines), ...branchSensors(rb), ...receptacleSensors(rcp), ...auxSensors(aux)];
}

export const liebertPduModule: SensorModule = {
  name: 'sensors.liebert-pdu', stage: 'vendor', os: ['liebert'],
  async run(c, out) {
    addSensors(out, 'liebert-pdu', await readPdu(c));
  },
};
