import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { counterDelta, octetRate, rebootedBetween } from '../../../src/core/poll/rates';

describe('counter deltas and rates', () => {
  it('plain increase', () => {
    assert.equal(counterDelta({ value: 1000, bits: 32 }, { value: 4000, bits: 32 }, false), 3000);
    assert.equal(octetRate({ value: 1000, bits: 64 }, { value: 38500, bits: 64 }, 300, false, 1e9), 1000);
  });
  it('32-bit wrap counts through the top', () => {
    assert.equal(counterDelta({ value: 4294967000, bits: 32 }, { value: 704, bits: 32 }, false), 1000);
    assert.equal(octetRate({ value: 4294967000, bits: 32 }, { value: 704, bits: 32 }, 8, false, 1e8), 1000);
  });
  it('a 64-bit counter going back is a reset, not a wrap', () => {
    assert.equal(counterDelta({ value: 5e12, bits: 64 }, { value: 10, bits: 64 }, false), undefined);
  });
  it('no rate across a reboot, nor when the counter width changed', () => {
    assert.equal(octetRate({ value: 10, bits: 32 }, { value: 20, bits: 32 }, 300, true, 1e9), undefined);
    assert.equal(octetRate({ value: 10, bits: 32 }, { value: 20, bits: 64 }, 300, false, 1e9), undefined);
  });
  it('an implausible rate (above the link speed) is dropped', () => {
    // a counter reset that looks like a wrap: 4 GB in 300 s on a 100 Mbit/s link
    assert.equal(octetRate({ value: 100, bits: 32 }, { value: 50, bits: 32 }, 300, false, 1e8), undefined);
    assert.equal(octetRate({ value: 0, bits: 32 }, { value: 10, bits: 32 }, 0, false, 1e8), undefined);
  });
});

describe('reboot detection', () => {
  it('uptime going back is a reboot', () => assert.equal(rebootedBetween(86400, 120, 300, false), true));
  it('uptime going forward is not', () => assert.equal(rebootedBetween(86400, 86700, 300, false), false));
  it('a second of jitter is not', () => assert.equal(rebootedBetween(1000, 999, 300, true), false));
  it('a 497-day TimeTicks wrap is not a reboot', () => {
    const top = 2 ** 32 / 100;
    assert.equal(rebootedBetween(top - 100, 200, 300, true), false);
    assert.equal(rebootedBetween(top - 100, 200, 300, false), true, 'snmpEngineTime/extend uptimes do not wrap');
  });
  it('unknown uptimes are not a reboot', () => assert.equal(rebootedBetween(undefined, 5, 300, true), false));
});
