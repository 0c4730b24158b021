// Printer supplies and UPS readings polled from our own recordings through snmpsim, and the events they raise.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { DevicePoll } from '../../../src/core/poll/types';
import { applyPoll } from '../../../src/core/monitor/changes';
import { DEFAULT_THRESHOLDS } from '../../../src/core/inventory/types';
import { pollRecords, type PolledRecords } from '../../support/poll-records';
import { printerRecord, upsRecord } from '../../fixtures/snmprec/health-devices';

describe('printer and UPS through snmpsim', () => {
  let polled: PolledRecords | undefined;
  let polls = new Map<string, DevicePoll>();
  before(async () => {
    const records = { printer: printerRecord(), 'printer-full': printerRecord(95), ups: upsRecord(false), 'ups-battery': upsRecord(true) };
    polled = await pollRecords(records);
    polls = polled.polls;
  });
  after(async () => {
    await polled?.sim.stop();
  });

  it('reads the supplies with levels, colours and types, the trays and the page counter', () => {
    const p = polls.get('printer')!;
    assert.equal(p.status, 'up', p.error);
    assert.equal(p.moduleErrors, undefined);
    assert.deepEqual(p.supplies!.map((s) => [s.description, s.type, s.colour, s.levelPercent, s.levelText]), [
      ['Black Toner Cartridge T-100K', 'toner', 'black', 8, undefined],
      ['Cyan Toner Cartridge T-100C', 'toner', 'cyan', 50, undefined],
      ['Waste Toner Box', 'wasteToner', undefined, undefined, 'someRemaining'],
      ['Imaging Drum', 'drum', undefined, undefined, 'unknown'],
      ['Tray 1', 'paper', undefined, undefined, 'someRemaining'],
    ]);
    assert.equal(p.pageCount, 48213);
    assert.equal(p.ups, undefined, 'a printer is not a UPS');
  });

  it('reads the UPS from UPS-MIB and PowerNet, the vendor filling what the standard MIB lacks', () => {
    const u = polls.get('ups')!;
    assert.equal(u.status, 'up', u.error);
    assert.equal(u.supplies, undefined, 'a UPS has no toner');
    assert.deepEqual(u.ups, {
      status: 'online', batteryChargePercent: 100, runtimeMinutes: 48, loadPercent: 38, inputVoltage: 231, outputVoltage: 230,
      batteryTemperatureC: 27, batteryStatus: 'normal', replaceBattery: false, source: 'ups-mib+apc',
    });
    const b = polls.get('ups-battery')!.ups!;
    assert.deepEqual([b.status, b.batteryChargePercent, b.runtimeMinutes, b.batteryStatus, b.replaceBattery], ['onBattery', 22, 6, 'low', true]);
  });

  it('raises toner low, on battery, battery low and replace battery; recoveries clear them', () => {
    const key = '127.0.0.1:1';
    const refill = applyPoll(key, applyPoll(key, undefined, polls.get('printer')!, DEFAULT_THRESHOLDS).record, { ...polls.get('printer-full')!, polledAt: new Date(Date.now() + 300_000).toISOString() }, DEFAULT_THRESHOLDS);
    const first = applyPoll(key, undefined, polls.get('printer')!, DEFAULT_THRESHOLDS);
    assert.deepEqual(first.events.map((e) => [e.type, e.entity]), [['supply-low', 'Black Toner Cartridge T-100K']]);
    assert.deepEqual(refill.events.map((e) => e.type), ['supply-ok']);

    const online = applyPoll('u', undefined, polls.get('ups')!, DEFAULT_THRESHOLDS);
    assert.deepEqual(online.events, []);
    const battery = applyPoll('u', online.record, { ...polls.get('ups-battery')!, polledAt: new Date(Date.parse(polls.get('ups')!.polledAt) + 300_000).toISOString() }, DEFAULT_THRESHOLDS);
    // The APC sensor module reports the same condition through its own state sensors (sensor-alarm events, tested
    // with the sensors); here, the UPS events.
    assert.deepEqual(battery.events.filter((e) => e.type.startsWith('ups-')).map((e) => [e.type, e.severity]), [['ups-on-battery', 'critical'], ['ups-battery-low', 'critical'], ['ups-battery-replace', 'warning']]);
  });
});
