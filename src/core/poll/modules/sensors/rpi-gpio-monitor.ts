// Raspberry Pi GPIO monitor (the `rpigpiomonitor` snmpd extend LibreNMS documents): its output alternates a
// definition line and a reading line per sensor. A definition is
//   id,class,description,lowLimit,lowWarn,highWarn,highLimit;value,generic,text;value,generic,text;…
// where each state gives its value, a generic status (0 ok, 1 warning, 2 critical, 3 unknown) and its word.
// Runs only on hosts whose agent showed the extend at discovery (registry), so it costs nothing elsewhere.
import type { SensorClass, SensorInfo } from '../../types';
import { UNITS, addSensors, num, text, type SensorDraft, type SensorModule } from './common';

const NAME = 'rpigpiomonitor';
/** nsExtendOutLine."rpigpiomonitor": the subtree of the extend's output lines. */
export const RPI_GPIO_LINES = `1.3.6.1.4.1.8072.1.3.2.4.1.2.${NAME.length}.${[...Buffer.from(NAME)].join('.')}`;
const GENERIC: SensorInfo['status'][] = ['ok', 'warning', 'critical', 'unknown'];

export function parseGpioMonitor(lines: readonly string[]): SensorDraft[] {
  const out: SensorDraft[] = [];
  for (let i = 0; i + 1 < lines.length; i += 2) {
    const [head, ...stateDefs] = lines[i].split(';');
    const [id, cls, description, lowLimit, lowWarn, highWarn, highLimit] = head.split(',').map((s) => s.trim());
    const value = num(lines[i + 1]);
    if (!id || !cls || !Object.hasOwn(UNITS, cls)) continue;
    const d: SensorDraft = { class: cls as SensorClass, index: id, description: description || id, value };
    if (cls === 'state') {
      const states = new Map(stateDefs.map((s) => s.split(',')).filter((p) => p.length >= 3).map(([v, g, t]) => [Number(v), { generic: Number(g), text: t.trim() }]));
      const st = value === undefined ? undefined : states.get(value);
      d.stateText = st?.text ?? (value === undefined ? undefined : String(value));
      d.status = st ? (GENERIC[st.generic] ?? 'unknown') : 'unknown';
    } else {
      const lim = (s: string | undefined) => (s ? num(s) : undefined);
      Object.assign(d, { limitLow: lim(lowLimit), limitLowWarn: lim(lowWarn), limitHighWarn: lim(highWarn), limitHigh: lim(highLimit) });
    }
    out.push(d);
  }
  return out;
}

export const rpiGpioMonitorModule: SensorModule = {
  name: 'sensors.rpi-gpio-monitor', stage: 'vendor', os: ['linux'],
  async run(c, out) {
    const vbs = await c.walk(RPI_GPIO_LINES, 50);
    const lines = vbs.filter((vb) => vb.oid.startsWith(`${RPI_GPIO_LINES}.`)).map((vb) => text(vb.value) ?? '');
    addSensors(out, 'rpi-gpio', parseGpioMonitor(lines));
  },
};
