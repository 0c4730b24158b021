// Cisco cellular modems (CISCO-WAN-3G-MIB, CISCO-WAN-CELL-EXT-MIB): modem, SIM, band, roaming and packet-service
// states, modem temperature, nearby cells and the LTE operating band, each named after the modem's entity.
import type { SensorInfo } from '../../types';
import { addSensors, columns, entityNames, num, stateOf, type SensorDraft, type SensorModule } from './common';
import { CISCO_OS } from './cisco-group';

type States = Record<number, [string, SensorInfo['status']]>;
const G3 = '1.3.6.1.4.1.9.9.661.1';
const LTE = '1.3.6.1.4.1.9.9.817.1.1.1.1.1';

const MODEM: States = { 1: ['unknown', 'unknown'], 2: ['offline', 'critical'], 3: ['online', 'ok'], 4: ['low power mode', 'warning'] };
const BAND: States = {
  1: ['unknown', 'unknown'], 2: ['invalid', 'critical'], 3: ['none', 'unknown'], 4: ['gsm850', 'ok'], 5: ['gsm900', 'ok'], 6: ['gsm1800', 'ok'],
  7: ['gsm1900', 'ok'], 8: ['wcdma800', 'ok'], 9: ['wcdma850', 'ok'], 10: ['wcdma1900', 'ok'], 11: ['wcdma2100', 'ok'], 12: ['lte band', 'ok'],
};
const PACKET: States = {
  1: ['unknown', 'unknown'], 2: ['none', 'warning'], 3: ['gprs', 'ok'], 4: ['edge', 'ok'], 5: ['umts wcdma', 'ok'], 6: ['hsdpa', 'ok'],
  7: ['hsupa', 'ok'], 8: ['hspa', 'ok'], 9: ['hspa plus', 'ok'], 10: ['lte', 'ok'],
};
const ROAMING: States = { 1: ['unknown', 'unknown'], 2: ['roaming', 'ok'], 3: ['home', 'ok'] };
const SIM: States = {
  1: ['unknown', 'unknown'], 2: ['ok', 'ok'], 3: ['not inserted', 'ok'], 4: ['removed', 'warning'], 5: ['initFailure', 'critical'],
  6: ['generalFailure', 'critical'], 7: ['locked', 'critical'], 8: ['chv1Blocked', 'critical'], 9: ['chv2Blocked', 'critical'],
  10: ['chv1Rejected', 'critical'], 11: ['chv2Rejected', 'critical'], 12: ['mepLocked', 'critical'], 13: ['networkRejected', 'critical'],
};

export const CELL_STATES: { entry: string; col: number; descr: string; states: States; key: string }[] = [
  { entry: `${G3}.3.1.1`, col: 6, descr: 'Modem status', states: MODEM, key: 'modem' },
  { entry: `${G3}.3.4.1.1`, col: 3, descr: 'Current band', states: BAND, key: 'band' },
  { entry: `${G3}.3.2.1`, col: 5, descr: 'Packet service', states: PACKET, key: 'packet' },
  { entry: `${G3}.3.2.1`, col: 6, descr: 'Roaming status', states: ROAMING, key: 'roaming' },
  { entry: `${G3}.3.5.1.1`, col: 2, descr: 'SIM status', states: SIM, key: 'sim' },
];

export const ciscoWan3gModule: SensorModule = {
  name: 'sensors.cisco-wan-3g', stage: 'vendor', os: CISCO_OS,
  async run(c, out) {
    // The modem table first: a router without a cellular modem costs one request.
    const temps = await columns(c, `${G3}.1.1`, [12]);
    if (!temps.size) return;
    const [states, cells, band] = await Promise.all([
      Promise.all(CELL_STATES.map((s) => columns(c, s.entry, [s.col]))),
      columns(c, `${G3}.3.4.1.1`, [5]),
      columns(c, LTE, [6]),
    ]);
    const idx = [...new Set([...temps.keys(), ...cells.keys(), ...band.keys()])];
    const names = await entityNames(c, idx);
    const name = (i: string) => names.get(i)?.name ?? '';
    const res: SensorDraft[] = [];
    CELL_STATES.forEach((s, k) => {
      for (const [i, r] of states[k]) res.push({ class: 'state', index: `${s.key}.${i}`, description: s.descr, ...stateOf(num(r.get(s.col)), s.states) });
    });
    for (const [i, r] of temps) {
      const v = num(r.get(12));
      if (v !== undefined) res.push({ class: 'temperature', index: `modem.${i}`, description: name(i) || `Modem ${i}`, value: v });
    }
    for (const [i, r] of cells) {
      const v = num(r.get(5));
      if (v !== undefined) res.push({ class: 'count', index: `cells.${i}`, description: `${name(i)} - Nearby cells`, value: v });
    }
    for (const [i, r] of band) {
      const v = num(r.get(6));
      if (v !== undefined) res.push({ class: 'count', index: `lteband.${i}`, description: `${name(i)} - Cellular operating band`, value: v });
    }
    addSensors(out, 'cisco-wan-3g', res);
  },
};
