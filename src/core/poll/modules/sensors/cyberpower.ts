// CyberPower UPSes and PDUs (CPS-MIB, enterprise 3808): battery, input and output readings and states,
// environment probe (temperature in tenths of °F, humidity, dry contacts) and the PDU's load.
import type { SensorInfo } from '../../types';
import { addSensors, columns, num, readScalars, text, stateOf, type ScalarSpec, type SensorDraft, type SensorModule } from './common';

type States = Record<number, [string, SensorInfo['status']]>;
const UPS = '1.3.6.1.4.1.3808.1.1.1';
const ENV = '1.3.6.1.4.1.3808.1.1.4';
const PDU_LOAD = '1.3.6.1.4.1.3808.1.1.3.2.3.1.1';

const BATTERY: States = { 1: ['Unknown', 'unknown'], 2: ['Normal', 'ok'], 3: ['Low', 'critical'] };
const REPLACE: States = { 1: ['No', 'ok'], 2: ['Replace', 'critical'] };
const FAIL_CAUSE: States = { 1: ['No Transfer', 'ok'], 2: ['High Voltage', 'critical'], 3: ['Brown Out', 'critical'], 4: ['Self Test', 'warning'] };
const INPUT: States = { 1: ['Normal', 'ok'], 2: ['Over Voltage', 'critical'], 3: ['Under Voltage', 'critical'], 4: ['Frequency Failure', 'critical'], 5: ['Blackout', 'critical'] };
const OUTPUT: States = { 1: ['Unknown', 'unknown'], 2: ['Online', 'ok'], 3: ['On Battery', 'critical'], 4: ['On Boost', 'warning'], 5: ['On Sleep', 'warning'], 6: ['Off', 'critical'], 7: ['Rebooting', 'warning'] };
const CONTACT: States = { 1: ['Contact Normal', 'ok'], 2: ['Contact Abnormal', 'critical'] };

export const CYBERPOWER_SCALARS: ScalarSpec[] = [
  { oid: `${UPS}.2.1.1.0`, class: 'state', description: 'Battery Status', states: BATTERY, key: 'battery' },
  { oid: `${UPS}.2.2.5.0`, class: 'state', description: 'Battery Replace Indicator', states: REPLACE, key: 'replace' },
  { oid: `${UPS}.3.2.5.0`, class: 'state', description: 'Input Line Cause', states: FAIL_CAUSE, key: 'failcause' },
  { oid: `${UPS}.3.2.6.0`, class: 'state', description: 'Input Status', states: INPUT, key: 'input' },
  { oid: `${UPS}.4.1.1.0`, class: 'state', description: 'Output Status', states: OUTPUT, key: 'output' },
  { oid: `${UPS}.2.2.1.0`, class: 'charge', description: 'Battery Capacity', key: 'capacity' },
  { oid: `${UPS}.4.2.4.0`, class: 'current', description: 'Output', divisor: 10, key: 'outcurrent' },
  { oid: `${UPS}.2.2.2.0`, class: 'voltage', description: 'Battery Voltage', divisor: 10, key: 'battvolt' },
  { oid: `${UPS}.3.2.1.0`, class: 'voltage', description: 'Input Line Voltage', divisor: 10, key: 'involt' },
  { oid: `${UPS}.4.2.1.0`, class: 'voltage', description: 'Output Voltage', divisor: 10, key: 'outvolt' },
  { oid: `${UPS}.4.2.3.0`, class: 'load', description: 'Load', key: 'load' },
  { oid: `${UPS}.2.2.3.0`, class: 'temperature', description: 'Battery Temperature', key: 'batttemp' },
  // upsAdvanceBatteryRunTimeRemaining is TimeTicks: hundredths of a second → minutes.
  { oid: `${UPS}.2.2.4.0`, class: 'runtime', description: 'Battery Runtime', divisor: 6000, key: 'runtime' },
  { oid: `${UPS}.3.2.4.0`, class: 'frequency', description: 'Input', divisor: 10, key: 'infreq' },
  { oid: `${UPS}.4.2.2.0`, class: 'frequency', description: 'Output', divisor: 10, key: 'outfreq' },
  { oid: `${ENV}.3.1.0`, class: 'humidity', description: 'Environment Sensor Humidity', key: 'envhum' },
];

/** envirTemperature: tenths of °F. */
export const tenthsFahrenheitToCelsius = (v: number) => Number((((v / 10) - 32) * 5 / 9).toFixed(2));

export const cyberpowerModule: SensorModule = {
  name: 'sensors.cyberpower', stage: 'vendor', os: ['cyberpower'],
  async run(c, out) {
    const [s, [envTemp], contacts, pdu] = await Promise.all([
      readScalars(c, CYBERPOWER_SCALARS),
      readScalars(c, [{ oid: `${ENV}.2.1.0`, class: 'temperature', description: 'Environment Sensor Temperature', key: 'envtemp' }]).then((r) => (r.length ? r : [undefined])),
      columns(c, `${ENV}.4.2.1`, [3, 2]),
      columns(c, PDU_LOAD, [7, 2, 6]),
    ]);
    const res: SensorDraft[] = [...s];
    if (envTemp?.value !== undefined) res.push({ ...envTemp, value: tenthsFahrenheitToCelsius(envTemp.value) });
    for (const [i, r] of contacts) {
      const name = text(r.get(2)) ?? `Contact ${i}`;
      // Unnamed contacts keep the agent's default name "Contact#n": nothing is wired to them.
      if (/^Contact#\d+/.test(name)) continue;
      res.push({ class: 'state', index: `contact.${i}`, description: name, ...stateOf(num(r.get(3)), CONTACT) });
    }
    for (const [i, r] of pdu) {
      const p = num(r.get(7));
      if (p !== undefined) res.push({ class: 'power', index: `pdu.${i}`, description: `PDU Active Power ${i}`, value: p });
      const a = num(r.get(2));
      if (a !== undefined) res.push({ class: 'current', index: `pdu.${i}`, description: 'Input', value: a / 10 });
      const v = num(r.get(6));
      if (v !== undefined) res.push({ class: 'voltage', index: `pdu.${i}`, description: 'Input', value: v / 10 });
    }
    addSensors(out, 'cyberpower', res);
  },
};
