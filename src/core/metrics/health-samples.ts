// Health measurements of one device's poll: sensors (one series per sensor, its class as data source), printer
// supply levels and page counter, UPS charge/load/runtime/voltages.
import type { DeviceReport } from '../monitor/cycle';
import type { Sample } from './store';

/** Units of the health data sources (merged into DS_UNITS). Sensor series use their class as data source. */
export const HEALTH_DS_UNITS: Record<string, string> = {
  temperature: '°C', fanspeed: 'rpm', voltage: 'V', current: 'A', power: 'W', humidity: '%', frequency: 'Hz',
  dbm: 'dBm', percent: '%', runtime: 'min', charge: '%', state: 'state', airflow: 'cfm', pressure: 'Pa', signal: 'dB',
  count: '', levelPercent: '%', pages: 'pages', inputVoltage: 'V', outputVoltage: 'V', batteryTemperature: '°C',
};

export function healthSamples(d: DeviceReport, t: number): Sample[] {
  const out: Sample[] = [];
  const add = (entity: string, label: string, ds: string, value: number | undefined) => {
    if (value !== undefined && Number.isFinite(value)) out.push({ device: d.key, entity, label, ds, t, value });
  };
  for (const s of d.sensors ?? []) add(`sensor:${s.index}`, s.description, s.class, s.value);
  for (const s of d.supplies ?? []) add(`supply:${s.index}`, s.description, 'levelPercent', s.levelPercent);
  add('printer', 'printer', 'pages', d.pageCount);
  const u = d.ups;
  if (u) {
    add('ups', 'UPS', 'charge', u.batteryChargePercent);
    add('ups', 'UPS', 'load', u.loadPercent);
    add('ups', 'UPS', 'runtime', u.runtimeMinutes);
    add('ups', 'UPS', 'inputVoltage', u.inputVoltage);
    add('ups', 'UPS', 'outputVoltage', u.outputVoltage);
    add('ups', 'UPS', 'batteryTemperature', u.batteryTemperatureC);
  }
  return out;
}
