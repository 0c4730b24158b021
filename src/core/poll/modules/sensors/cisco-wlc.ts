// Cisco wireless controllers (AIRESPACE-WIRELESS-MIB, enterprise 14179): the unit's internal temperature
// (bsnSensorTemperature, °C) with its alarm limits (bsnTemperatureAlarmLowLimit / HighLimit).
import { addSensors, num, scalars, type SensorModule } from './common';

const BSN = '1.3.6.1.4.1.14179.2.3.1';

export const ciscoWlcModule: SensorModule = {
  name: 'sensors.cisco-wlc', stage: 'vendor', os: ['ciscowlc'],
  async run(c, out) {
    const [value, low, high] = (await scalars(c, [`${BSN}.13.0`, `${BSN}.14.0`, `${BSN}.15.0`])).map(num);
    if (value === undefined) return;
    addSensors(out, 'cisco-wlc', [{ class: 'temperature', index: 'unit.0', description: 'Unit Temperature 0', value, limitLow: low, limitHigh: high }]);
  },
};
