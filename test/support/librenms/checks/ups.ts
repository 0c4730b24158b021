// UPS: where LibreNMS has the UPS's battery charge and runtime sensors, Parc's `ups` must give the same charge (%)
// and runtime (minutes, to 0.5). LibreNMS models the UPS as sensors; its charge/runtime sensors named for a UPS
// battery are the ones compared (not a PSU's, not "time on battery" or battery-age counters).
import type { LibrenmsCase } from '../corpus';
import type { FieldCheck } from './types';

type Sensor = NonNullable<LibrenmsCase['sensors']>[number];
const CHARGE = /^(Battery Charge|Battery #0|Battery charge remaining|Battery Capacity|Remaining)$/i;
const RUNTIME = /^(Runtime|Estimated battery time remaining|Battery Runtime|Estimated Battery Runtime)$/i;

function pick(c: LibrenmsCase): { charge?: Sensor; runtime?: Sensor } {
  const s = c.sensors ?? [];
  const charge = s.find((x) => x.sensor_class === 'charge' && CHARGE.test((x.sensor_descr ?? '').trim()) && x.sensor_current !== null);
  // 65535 is the "not measured" filler some cards send: LibreNMS keeps it, a runtime of 45 days is no reading.
  const runtime = s.find((x) => x.sensor_class === 'runtime' && RUNTIME.test((x.sensor_descr ?? '').trim()) && x.sensor_current !== null && x.sensor_current !== 65535);
  return { charge, runtime };
}

export const upsChecks: FieldCheck[] = [
  {
    field: 'ups',
    applies: (c) => !c.osOnly && (!!pick(c).charge || !!pick(c).runtime),
    judge: (c, p) => {
      const { charge, runtime } = pick(c);
      if (!p.ups) return { agrees: false, detail: `no UPS read (os ${p.os})` };
      const bad: string[] = [];
      if (charge && (p.ups.batteryChargePercent === undefined || Math.abs(p.ups.batteryChargePercent - charge.sensor_current!) > 0.5)) bad.push(`charge ${charge.sensor_current}, got ${p.ups.batteryChargePercent ?? null}`);
      if (runtime && (p.ups.runtimeMinutes === undefined || Math.abs(p.ups.runtimeMinutes - runtime.sensor_current!) > 0.5)) bad.push(`runtime ${runtime.sensor_current}, got ${p.ups.runtimeMinutes ?? null}`);
      return bad.length ? { agrees: false, detail: bad.join('; ') } : { agrees: true };
    },
  },
];
