// Liebert/Vertiv cooling units (LIEBERT-GP-ENVIRONMENTAL-MIB, 476.1.42.3.4): the temperature and humidity tables
// (whole °C and %RH, each row naming its well-known point by OID, with thresholds and a setpoint), the state
// scalars (subsystems on/off, operating mode and reason), the capacities in use (%) and the operation hours of fans,
// heaters, humidifiers… Rows name their point by an OID of the MIB; the name shown is that object's, made readable.
import type { SensorInfo } from '../../types';
import { addSensors, columns, num, readScalars, text, type Rows, type ScalarSpec, type SensorDraft, type SensorModule } from './common';

type States = Record<number, [string, SensorInfo['status']]>;
const ENV = '1.3.6.1.4.1.476.1.42.3.4';

const TEMP_POINTS = ['ControlTemperature', 'ReturnAirTemperature', 'SupplyAirTemperature', 'AmbientTemperature', 'InverterTemperature',
  'BatteryTemperature', 'AcDcConverterTemperature', 'PfcTemperature', 'TransformerTemperature', 'LocalTemperature',
  'DigitalScrollCompressorTemperature', 'ChillWaterTemperature', 'CoolantTemperature', 'EnclosureTemperatureSensors',
  'AmbientRoomTemperature', 'DewPointTemperature', 'EnclosureTemperature', 'AdjustedTemperature', 'ExternalSensors',
  'SupplyFluidTemperature', 'SupplyRefrigerantTemperature', 'MinDesiredRoomAirTemperature', 'DewPointTemperatures', 'ReturnFluidTemperature'];
const HUM_POINTS = ['ControlHumidity', 'ReturnAirHumidity', 'SupplyAirHumidity', 'AmbientHumidity'];
const OP_POINTS = ['Fan', 'Compressor', 'ElectricHeater', 'ChilledWater', 'Humidifier', 'Dehumidifier', 'FreeCooling', 'HotWater',
  'HotGas', 'BatteryCabinet', 'Pump', 'Compressor', 'Valve', 'RemoteSensorStatistic'];

/** "SupplyAirTemperature" → "Supply Air Temperature". */
export const words = (s: string) => s.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');

/** Name of a well-known point: the OID's last number in a list of the MIB's objects under `base`. */
export function pointName(ref: unknown, base: string, names: readonly string[], fallback: string): string {
  const oid = text(ref)?.replace(/^\./, '');
  if (oid?.startsWith(`${base}.`)) {
    const n = Number(oid.slice(base.length + 1));
    if (Number.isInteger(n) && n >= 1 && n <= names.length) return words(names[n - 1]);
  }
  return fallback;
}

/** Rows of the temperature (°C) or humidity (%RH) table: measurement, thresholds, and the setpoint as its own sensor. */
export function climateSensors(rows: Rows, cls: 'temperature' | 'humidity', base: string, names: readonly string[]): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of rows) {
    const name = pointName(r.get(2), base, names, `${cls === 'temperature' ? 'Temperature' : 'Humidity'} ${i}`);
    const v = num(r.get(3));
    if (v !== undefined) out.push({ class: cls, index: `${cls}.${i}`, description: name, value: v, limitHigh: num(r.get(4)), limitLow: num(r.get(5)) });
    const sp = num(r.get(6));
    if (sp !== undefined) out.push({ class: cls, index: `${cls}.setpoint.${i}`, description: `Setpoint for ${name}`, value: sp });
  }
  return out;
}

/** Operation hours per point (fan 1, heater 2…): a count in hours, limited by the point's warning time when set. */
export function operationHours(rows: Rows): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (const [i, r] of rows) {
    const v = num(r.get(5));
    if (v === undefined) continue;
    const name = pointName(r.get(2), `${ENV}.7.1`, OP_POINTS, 'Operation');
    const warn = num(r.get(6));
    out.push({ class: 'count', index: `hours.${i}`, description: `${name} ${num(r.get(3)) ?? i} Operating Hours`, value: v, unit: 'h',
      limitHighWarn: warn ? warn : undefined });
  }
  return out;
}

const ON_OFF: States = { 1: ['on', 'ok'], 2: ['off', 'ok'] };
const ALARM: States = { 1: ['on', 'critical'], 2: ['off', 'ok'] };
export const ENV_SYSTEM: States = { 1: ['on', 'ok'], 2: ['off', 'warning'], 3: ['standby', 'ok'] };
export const ENV_REASON: States = { 1: ['none', 'ok'], 2: ['local user', 'ok'], 3: ['alarm', 'critical'], 4: ['schedule', 'ok'],
  5: ['remote user', 'ok'], 6: ['external device', 'ok'], 7: ['local display', 'ok'] };
const MODE: States = { 1: ['auto', 'ok'], 2: ['manual', 'ok'] };
const st = (n: number, description: string, states: States, key: string): ScalarSpec => ({ oid: `${ENV}.3.${n}.0`, class: 'state', description, states, key });
const pct = (n: number, description: string, key: string): ScalarSpec => ({ oid: `${ENV}.3.${n}.0`, class: 'percent', description, key });

export const ENV_SCALARS: ScalarSpec[] = [
  st(1, 'System Status', ENV_SYSTEM, 'system'), st(2, 'Cooling Subsystem Status', ON_OFF, 'cooling'),
  st(4, 'Humidifier Subsystem Status', ON_OFF, 'humidifier'), st(5, 'Dehumidifier Subsystem Status', ON_OFF, 'dehumidifier'),
  st(7, 'System Fan Status', ON_OFF, 'fan'), st(8, 'General Alarm Status', ALARM, 'alarm'), st(11, 'Audible Alarm Status', ALARM, 'audible'),
  st(14, 'Operating State Reason', ENV_REASON, 'reason'), st(15, 'Operating Mode', MODE, 'mode'),
  st(21, 'Electric Heaters Status', ON_OFF, 'heaters'), st(22, 'Hot Water System Status', ON_OFF, 'hotwater'),
  pct(9, 'Cooling Capacity Usage', 'cooling'), pct(16, 'Fan Capacity Usage', 'fan'), pct(17, 'Free Cooling Capacity Usage', 'freecooling'),
  pct(18, 'Dehumidifying Capacity Usage', 'dehumidifying'), pct(19, 'Humidifying Capacity Usage', 'humidifying'),
];

export const liebertEnvironmentalModule: SensorModule = {
  name: 'sensors.liebert-environmental', stage: 'vendor', os: ['liebert'],
  async run(c, out) {
    const [temps, hums, hours, scalars] = await Promise.all([
      columns(c, `${ENV}.1.3.3.1`, [3, 2, 4, 5, 6]),
      columns(c, `${ENV}.2.2.3.1`, [3, 2, 4, 5, 6]),
      columns(c, `${ENV}.4.32.1`, [5, 2, 3, 6]),
      readScalars(c, ENV_SCALARS),
    ]);
    addSensors(out, 'liebert-env', [
      ...scalars,
      ...climateSensors(temps, 'temperature', `${ENV}.1.1`, TEMP_POINTS),
      ...climateSensors(hums, 'humidity', `${ENV}.2.1`, HUM_POINTS),
      ...operationHours(hours),
    ]);
  },
};
