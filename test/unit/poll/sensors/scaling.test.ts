import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { entityClass, entityValue, sensorName, SI_EXPONENT } from '../../../../src/core/poll/modules/sensors/entity-sensor';
import { div, scale, statusFromLimits } from '../../../../src/core/poll/modules/sensors/common';

describe('ENTITY-SENSOR-MIB scaling (entPhySensorScale × entPhySensorPrecision)', () => {
  it('maps every SI prefix of the MIB, with exa(14) numbered before peta(15)', () => {
    const names: [number, number][] = [[1, -24], [2, -21], [3, -18], [4, -15], [5, -12], [6, -9], [7, -6], [8, -3], [9, 0], [10, 3], [11, 6], [12, 9], [13, 12], [14, 18], [15, 15], [16, 21], [17, 24]];
    for (const [k, e] of names) assert.equal(SI_EXPONENT[k], e, `scale ${k}`);
  });
  it('units with a precision of 3 digits: 46925 → 46.925', () => assert.equal(entityValue(46925, 9, 3), 46.925));
  it('milli with precision 1: 32916 mV·10 → 3.2916 V', () => assert.equal(entityValue(32916, 8, 1), 3.2916));
  it('micro amperes without precision: 4752 µA → 0.004752 A', () => assert.equal(entityValue(4752, 7, 0), 0.004752));
  it('negative readings keep their sign: -56 with precision 1 → -5.6 dBm', () => assert.equal(entityValue(-56, 9, 1), -5.6));
  it('kilo and mega scale up', () => {
    assert.equal(entityValue(12, 10, 0), 12000);
    assert.equal(entityValue(15, 11, 1), 1500000);
  });
  it('yocto and yotta stay finite and exact to 12 digits', () => {
    assert.equal(entityValue(5, 1, 0), 5e-24);
    assert.equal(entityValue(5, 17, 0), 5e24);
  });
  it('a missing scale is units; a nonsense precision is ignored', () => {
    assert.equal(entityValue(30, undefined, undefined), 30);
    assert.equal(entityValue(30, 9, -2), 30);
    assert.equal(entityValue(30, 9, 42), 30);
  });
  it('no binary noise', () => {
    assert.equal(scale(123, -1), 12.3);
    assert.equal(div(2433, 10), 243.3);
    assert.equal(div(undefined, 10), undefined);
  });
});

describe('ENTITY-SENSOR-MIB types and names', () => {
  it('types map to classes', () => {
    assert.equal(entityClass(3, 'x'), 'voltage');
    assert.equal(entityClass(4, 'x'), 'voltage');
    assert.equal(entityClass(5, 'x'), 'current');
    assert.equal(entityClass(6, 'x'), 'power');
    assert.equal(entityClass(7, 'x'), 'frequency');
    assert.equal(entityClass(8, 'x'), 'temperature');
    assert.equal(entityClass(9, 'x'), 'humidity');
    assert.equal(entityClass(10, 'x'), 'fanspeed');
    assert.equal(entityClass(12, 'x'), 'state');
    assert.equal(entityClass(14, 'x'), 'dbm');
    assert.equal(entityClass(2, 'x'), undefined);
  });
  it('an "other" sensor named for optical power is dBm, any other "other" is left out', () => {
    assert.equal(entityClass(1, 'subslot 0/0 transceiver 0 Tx Power Sensor'), 'dbm');
    assert.equal(entityClass(1, 'Gi1/0/1 Receive Power'), undefined);
    assert.equal(entityClass(1, 'Board sensor'), undefined);
  });
  it('names drop the word Sensor and capitalise words', () => {
    assert.equal(sensorName({ name: 'subslot 0/0 transceiver 0 Temperature Sensor' }, '4128'), 'Subslot 0/0 Transceiver 0 Temperature');
    assert.equal(sensorName({ name: 'CPU Temperature Sensor 0/0' }, '30').replace(/\s+/g, ' '), 'CPU Temperature 0/0');
    assert.equal(sensorName({ name: 'PowerSupply1 Fan' }, '3'), 'PSU 1 Fan');
    assert.equal(sensorName({ descr: 'CPU die' }, '7'), 'CPU Die');
    assert.equal(sensorName(undefined, '7'), 'Sensor 7');
  });
});

describe('status from limits', () => {
  it('beyond a hard limit is critical, beyond a warning limit warning, within ok', () => {
    assert.equal(statusFromLimits({ value: 95, limitHigh: 90, limitHighWarn: 80 }), 'critical');
    assert.equal(statusFromLimits({ value: 85, limitHigh: 90, limitHighWarn: 80 }), 'warning');
    assert.equal(statusFromLimits({ value: 50, limitHigh: 90, limitHighWarn: 80 }), 'ok');
    assert.equal(statusFromLimits({ value: -45, limitLow: -40 }), 'critical');
    assert.equal(statusFromLimits({ value: 2, limitLow: 0, limitLowWarn: 5 }), 'warning');
  });
  it('without limits or value there is nothing to judge', () => {
    assert.equal(statusFromLimits({ value: 50 }), undefined);
    assert.equal(statusFromLimits({ limitHigh: 3 }), undefined);
  });
});
