import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apcBatteryStatus, apcStatus, fromApc, APC_OIDS } from '../../../src/core/poll/modules/ups/apc';
import { mergeUps } from '../../../src/core/poll/modules/ups/common';
import { cpsStatus, fromCps, CPS_OIDS } from '../../../src/core/poll/modules/ups/cyberpower';
import { fromXups, xupsStatus, XUPS_OIDS } from '../../../src/core/poll/modules/ups/eaton';
import { fromUpsMib, upsMibBatteryStatus, upsMibStatus, UPS_MIB_OIDS } from '../../../src/core/poll/modules/ups/ups-mib';
import { looksLikeUps } from '../../../src/core/poll/modules/ups';
import { fromIta2, ITA2_OIDS } from '../../../src/core/poll/modules/ups/vertiv-ita2';

type Vals<T> = Record<keyof T, number | undefined>;
const none = <T extends object>(o: T): Vals<T> => Object.fromEntries(Object.keys(o).map((k) => [k, undefined])) as Vals<T>;

describe('UPS state mapping', () => {
  it('UPS-MIB upsOutputSource and upsBatteryStatus', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, undefined].map(upsMibStatus), ['unknown', 'off', 'online', 'bypass', 'onBattery', 'boost', 'trim', 'unknown']);
    assert.deepEqual([1, 2, 3, 4, 9].map(upsMibBatteryStatus), ['unknown', 'normal', 'low', 'depleted', 'unknown']);
  });
  it('APC upsBasicOutputStatus folds its modes onto the few a user acts on', () => {
    assert.equal(apcStatus(2), 'online');
    assert.equal(apcStatus(3), 'onBattery');
    assert.equal(apcStatus(15), 'onBattery');
    assert.equal(apcStatus(4), 'boost');
    assert.equal(apcStatus(12), 'trim');
    assert.equal(apcStatus(9), 'bypass');
    assert.equal(apcStatus(7), 'off');
    assert.equal(apcStatus(13), 'online');
    assert.equal(apcStatus(99), 'unknown');
    assert.deepEqual([2, 3, 4, 5].map(apcBatteryStatus), ['normal', 'low', 'fault', 'absent']);
  });
  it('Eaton xupsOutputSource', () => {
    assert.deepEqual([3, 5, 4, 11, 6, 7, 10, 2, 1].map(xupsStatus), ['online', 'onBattery', 'bypass', 'bypass', 'boost', 'trim', 'online', 'off', 'unknown']);
  });
});

describe('UPS values and units', () => {
  it('UPS-MIB: minutes, %, max load over lines, replace-battery from the alarm table', () => {
    const u = fromUpsMib({ ...none(UPS_MIB_OIDS), outputSource: 5, chargeRemaining: 42, minutesRemaining: 12, load1: 30, load2: 55, batteryTemperature: 0, alarmsPresent: 2, batteryStatus: 3 },
      ['1.3.6.1.2.1.33.1.6.3.2', '.1.3.6.1.2.1.33.1.6.3.1']);
    assert.equal(u.status, 'onBattery');
    assert.equal(u.batteryChargePercent, 42);
    assert.equal(u.runtimeMinutes, 12);
    assert.equal(u.loadPercent, 55);
    assert.equal(u.batteryTemperatureC, undefined, '0 °C means no probe');
    assert.equal(u.replaceBattery, true);
    assert.equal(u.batteryStatus, 'low');
    assert.equal(fromUpsMib({ ...none(UPS_MIB_OIDS), alarmsPresent: 0 }).replaceBattery, false);
    assert.equal(fromUpsMib(none(UPS_MIB_OIDS)).replaceBattery, undefined);
  });
  it('APC: high-precision tenths preferred, TimeTicks runtime in minutes, replace indicator', () => {
    const u = fromApc({ ...none(APC_OIDS), outputStatus: 2, hpCapacity: 1000, advCapacity: 99, runtimeTicks: 396000, hpOutputLoad: 169, advOutputLoad: 17, hpTemperature: 261, replaceIndicator: 2, advInputVoltage: 239 });
    assert.deepEqual(
      { s: u.status, c: u.batteryChargePercent, r: u.runtimeMinutes, l: u.loadPercent, t: u.batteryTemperatureC, rep: u.replaceBattery, v: u.inputVoltage },
      { s: 'online', c: 100, r: 66, l: 16.9, t: 26.1, rep: true, v: 239 });
  });
  it('Eaton: seconds → minutes, battery failure → replace', () => {
    const u = fromXups({ ...none(XUPS_OIDS), outputSource: 5, timeRemaining: 8620, capacity: 63, batteryFailure: 1, outputLoad: 25 });
    assert.deepEqual({ s: u.status, r: u.runtimeMinutes, c: u.batteryChargePercent, rep: u.replaceBattery, l: u.loadPercent }, { s: 'onBattery', r: 143.7, c: 63, rep: true, l: 25 });
    assert.equal(fromXups({ ...none(XUPS_OIDS), batteryFailure: 2 }).replaceBattery, false);
  });
  it('CyberPower: TimeTicks runtime, tenths of volts, replace indicator', () => {
    assert.deepEqual([2, 3, 4, 8, 6, 1].map(cpsStatus), ['online', 'onBattery', 'boost', 'trim', 'off', 'unknown']);
    const u = fromCps({ ...none(CPS_OIDS), outputStatus: 3, capacity: 80, runtimeTicks: 174000, inputVoltage: 1195, outputVoltage: 1202, replaceIndicator: 2, batteryStatus: 3, outputLoad: 24 });
    assert.deepEqual({ s: u.status, c: u.batteryChargePercent, r: u.runtimeMinutes, i: u.inputVoltage, o: u.outputVoltage, rep: u.replaceBattery, b: u.batteryStatus, l: u.loadPercent },
      { s: 'onBattery', c: 80, r: 29, i: 119.5, o: 120.2, rep: true, b: 'low', l: 24 });
  });
  it('vendor values fill what UPS-MIB left, a known status beats unknown', () => {
    const m = mergeUps({ status: 'unknown', batteryChargePercent: 90, source: 'ups-mib' }, { status: 'onBattery', batteryChargePercent: 91.5, runtimeMinutes: 20, source: 'apc' });
    assert.deepEqual(m, { status: 'onBattery', batteryChargePercent: 90, runtimeMinutes: 20, source: 'ups-mib+apc' });
    assert.deepEqual(mergeUps(undefined, { status: 'unknown', source: 'apc' }), undefined, 'a module that found nothing adds no UPS');
    assert.deepEqual(mergeUps({ status: 'online' }, { status: 'trim' }), { status: 'online' });
  });
  it('Vertiv ITA2: tenths of volts and of load %, runtime in tenths of a minute (VERTIV-ITA2-MIB), status left unknown', () => {
    const u = fromIta2({ ...none(ITA2_OIDS), capacity: 100, runtime: 347, outputLoad: 292, inputVoltage: 2367, outputVoltage: 2308 });
    assert.deepEqual([u.status, u.batteryChargePercent, u.runtimeMinutes, u.loadPercent, u.inputVoltage, u.outputVoltage], ['unknown', 100, 34.7, 29.2, 236.7, 230.8]);
  });
  it('which devices are UPSes', () => {
    assert.ok(looksLikeUps({ os: 'apc' }));
    assert.ok(looksLikeUps({ os: 'netvision-rfc' }) && looksLikeUps({ os: 'vertiv-ita2' }));
    assert.ok(looksLikeUps({ os: 'generic', sysObjectID: '1.3.6.1.4.1.534.1' }));
    assert.ok(!looksLikeUps({ os: 'ios', sysObjectID: '1.3.6.1.4.1.9.1.1208', sysDescr: 'Cisco IOS Software' }));
  });
});
