// A printer's own state as sensors: HOST-RESOURCES hrDeviceStatus and hrPrinterDetectedErrorState of the printer
// device, and the Printer-MIB marker counters (lifetime and since power-on). One GET decides whether it is a printer.
import type { SensorInfo } from '../../types';
import { addSensors, num, PROBE_OIDS, standardProbe, stateOf, type SensorDraft, type SensorModule } from './common';
import { isWindows } from './ups-mib';

const HR_PRINTER = '1.3.6.1.2.1.25.3.1.5';

export const DEVICE_STATES: Record<number, [string, SensorInfo['status']]> = {
  1: ['unknown', 'unknown'], 2: ['running', 'ok'], 3: ['warning', 'warning'], 4: ['testing', 'ok'], 5: ['down', 'critical'],
};

/** hrPrinterDetectedErrorState bits, most significant bit of the first octet first. */
export const PRINTER_ERRORS: [string, 'warning' | 'critical'][] = [
  ['lowPaper', 'warning'], ['noPaper', 'critical'], ['lowToner', 'warning'], ['noToner', 'critical'], ['doorOpen', 'critical'],
  ['jammed', 'critical'], ['offline', 'critical'], ['serviceRequested', 'warning'], ['inputTrayMissing', 'critical'],
  ['outputTrayMissing', 'critical'], ['markerSupplyMissing', 'critical'], ['outputNearFull', 'warning'], ['outputFull', 'critical'],
  ['inputTrayEmpty', 'critical'], ['overduePreventMaint', 'warning'],
];

/** First-octet conditions LibreNMS counts as critical when it folds several into one state (noPaper … serviceRequested). */
const LIBRENMS_CRITICAL = new Set([1, 3, 4, 5, 6, 7]);

/**
 * The error octets as a state numbered like LibreNMS's: 0 when no bit is set, one bit its position in the MIB's list
 * (1 lowPaper … 8 serviceRequested), several bits 9 ("warning, multiple issues") or 10 ("critical, multiple issues",
 * when a first-octet one of them is critical to LibreNMS). Every bit set is named in the state text.
 */
export function printerError(bits: Buffer): Pick<SensorInfo, 'value' | 'stateText' | 'status'> {
  const set: number[] = [];
  bits.forEach((byte, k) => { for (let b = 0; b < 8; b++) if (byte & (0x80 >> b)) set.push(8 * k + b); });
  if (!set.length) return { value: 0, stateText: 'noError', status: 'ok' };
  const named = set.map((i) => PRINTER_ERRORS[i] ?? [`bit${i}`, 'warning']);
  const value = set.length === 1 ? set[0] + 1 : set.some((i) => LIBRENMS_CRITICAL.has(i)) ? 10 : 9;
  return { value, stateText: named.map((n) => n[0]).join(', '), status: named.some((n) => n[1] === 'critical') ? 'critical' : 'warning' };
}

/** prtMarkerCounterUnit (PrtMarkerCounterUnitTC, RFC 3805) by its MIB label, which names the counters. */
const COUNTER_UNITS = new Map<number, string>([
  [3, 'tenThousandthsOfInches'], [4, 'micrometers'], [5, 'characters'], [6, 'lines'], [7, 'impressions'], [8, 'sheets'],
  [9, 'dotRow'], [11, 'hours'], [16, 'feet'], [17, 'meters'],
]);

/** "Life time <unit>" and "<Unit> since powered on", as LibreNMS names them; "?" when the agent gives no unit. */
export function counterWords(unit: number | undefined): [string, string] {
  const u = unit === undefined ? '?' : (COUNTER_UNITS.get(unit) ?? String(unit));
  return [`Life time ${u}`, `${u[0].toUpperCase()}${u.slice(1)} since powered on`];
}

export function readPrinter(probe: Map<string, unknown>): SensorDraft[] {
  const [type, status, errors, life, powerOn, unit] = PROBE_OIDS.slice(7).map((o) => probe.get(o));
  const isPrinter = String(type ?? '').replace(/^\./, '') === HR_PRINTER || life !== undefined;
  if (!isPrinter) return [];
  const out: SensorDraft[] = [];
  if (num(status) !== undefined) out.push({ class: 'state', index: 'device', description: 'Printer Device Status', ...stateOf(num(status), DEVICE_STATES) });
  // An empty octet string is an agent that does not report errors (not "no error"): no sensor then.
  if (Buffer.isBuffer(errors) && errors.length > 0) out.push({ class: 'state', index: 'errors', description: 'Printer Error Status', ...printerError(errors) });
  const words = counterWords(num(unit));
  if (num(life) !== undefined) out.push({ class: 'count', index: 'life', description: words[0], value: num(life) });
  if (num(powerOn) !== undefined) out.push({ class: 'count', index: 'poweron', description: words[1], value: num(powerOn) });
  return out;
}

export const printerSensorModule: SensorModule = {
  name: 'sensors.printer', stage: 'general', applies: (out) => !isWindows(out),
  async run(c, out) {
    addSensors(out, 'printer', readPrinter(await standardProbe(c, out)));
  },
};
