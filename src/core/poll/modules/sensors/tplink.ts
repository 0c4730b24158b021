// TP-Link JetStream switches (enterprise 11863): SFP diagnostics (TPLINK-DDMSTATUS-MIB, readings as decimal text,
// "N/A" without a module) and PoE (TPLINK-POWER-OVER-ETHERNET-MIB: system budget, power and state per port, ports
// named by their LLDP port description).
import type { SensorInfo } from '../../types';
import { addSensors, columns, num, readScalars, readTables, stateOf, text, type ScalarSpec, type SensorDraft, type SensorModule, type TableSpec } from './common';

type States = Record<number, [string, SensorInfo['status']]>;
const DDM = '1.3.6.1.4.1.11863.6.96.1.7.1.1';
const POE = '1.3.6.1.4.1.11863.6.56.1.1';
const LLDP_PORT_DESC = '1.0.8802.1.1.2.1.3.7.1';
const DDM_FLAG: States = { 0: ['False', 'ok'], 1: ['True', 'critical'] };
const DDM_READY: States = { 0: ['False', 'ok'], 1: ['True', 'ok'] };
const POE_STATUS: States = { 0: ['off', 'ok'], 1: ['turning on', 'ok'], 2: ['on', 'ok'], 3: ['overload', 'critical'], 4: ['short', 'critical'], 5: ['nonstandard-pd', 'warning'], 6: ['voltage-high', 'critical'], 7: ['voltage-low', 'critical'], 8: ['hardware-fault', 'critical'], 9: ['overtemperature', 'critical'] };

const port = (r: Map<number, unknown>) => text(r.get(1)) ?? '';
const noReading = (col: number) => (r: Map<number, unknown>) => num(r.get(col)) === undefined;
export const DDM_TABLES: TableSpec[] = [
  { entry: DDM, class: 'temperature', name: (r) => `DDM Temperature ${port(r)}`, value: 2, extra: [1], skip: noReading(2), key: 'temp' },
  { entry: DDM, class: 'voltage', name: (r) => `DDM Voltage ${port(r)}`, value: 3, extra: [1], skip: noReading(3), key: 'volt' },
  { entry: DDM, class: 'current', name: (r) => `DDM Bias Current ${port(r)}`, value: 4, divisor: 1000, extra: [1], skip: noReading(4), key: 'bias' },
];
export const POE_SCALARS: ScalarSpec[] = [
  { oid: `${POE}.1.3.0`, class: 'power', description: 'Power Consumption', divisor: 10, key: 'consumption' },
  { oid: `${POE}.1.4.0`, class: 'power', description: 'Power Remaining', divisor: 10, key: 'remaining' },
  { oid: `${POE}.1.1.0`, class: 'power', description: 'Power Limit', divisor: 10, key: 'limit' },
];

/** The DDM flags are words: True/False, N/A without a module. */
export function ddmFlag(v: unknown): number | undefined {
  const t = text(v)?.toLowerCase();
  return t === 'false' || t === '0' ? 0 : t === 'true' || t === '1' ? 1 : undefined;
}
const DDM_FLAGS: [number, string, States, string][] = [
  [7, 'DDM Data Ready', DDM_READY, 'ready'], [8, 'DDM Loss of Signal', DDM_FLAG, 'los'], [9, 'DDM TX Fault', DDM_FLAG, 'txfault'],
];

/** mW → dBm. */
const mwToDbm = (mw: number) => 10 * Math.log10(mw);

export const tplinkModule: SensorModule = {
  name: 'sensors.tplink', stage: 'vendor', os: ['jetstream', 'tplink'],
  async run(c, out) {
    const [t, s, ddm, poe] = await Promise.all([
      readTables(c, DDM_TABLES), readScalars(c, POE_SCALARS), columns(c, DDM, [1, 5, 6, 7, 8, 9]), columns(c, `${POE}.2.1.1`, [11, 7, 8]),
    ]);
    const res: SensorDraft[] = [...t, ...s];
    for (const [i, r] of ddm) {
      for (const [col, descr, states, key] of DDM_FLAGS) {
        const v = ddmFlag(r.get(col));
        if (v !== undefined) res.push({ class: 'state', index: `${key}.${i}`, description: `${descr} ${port(r)}`, ...stateOf(v, states) });
      }
      for (const [col, dir] of [[5, 'TX'], [6, 'RX']] as const) {
        const mw = num(r.get(col));
        if (mw !== undefined && mw > 0) res.push({ class: 'dbm', index: `${dir.toLowerCase()}.${i}`, description: `DDM ${dir} Power ${port(r)}`, value: mwToDbm(mw) });
      }
    }
    if (poe.size) {
      const descr = await columns(c, LLDP_PORT_DESC, [4]);
      const name = (i: string) => text(descr.get(i)?.get(4)) ?? `Port ${i}`;
      for (const [i, r] of poe) {
        const status = num(r.get(11));
        res.push({ class: 'state', index: `poe.${i}`, description: name(i), ...stateOf(status, POE_STATUS) });
        const p = num(r.get(7));
        if (status && p !== undefined) res.push({ class: 'power', index: `poe.${i}`, description: name(i), value: p / 10, limitHigh: num(r.get(8)) !== undefined ? num(r.get(8))! / 10 : undefined });
      }
    }
    addSensors(out, 'tplink', res);
  },
};
