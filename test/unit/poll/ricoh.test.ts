// Ricoh and its rebadges: recognition by sysDescr as LibreNMS tells them apart, NRG's banner, Ricoh's -100 level and
// the Printer-MIB counter names. Banners written for this test in the form Ricoh firmwares send.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectOs } from '../../../src/core/poll/os-detect';
import { parseSysDescr } from '../../../src/core/poll/modules/inventory/sysdescr';
import { osNameOf } from '../../../src/core/poll/modules/inventory/os-name';
import { nominalPercent, supplyLevel } from '../../../src/core/poll/modules/printer/supplies';
import { isRicohMade } from '../../../src/core/poll/modules/printer/ricoh';
import { counterWords } from '../../../src/core/poll/modules/sensors/printer';

const RICOH = '1.3.6.1.4.1.367.1.1';
const tail = (brand: string) => ` / ${brand} Network Printer C model / ${brand} Network Scanner C model / ${brand} Network Facsimile C model`;

describe('Ricoh recognition', () => {
  const cases: [string, string, string, string][] = [
    [RICOH, `RICOH IM C3000 1.10${tail('RICOH')}`, 'ricoh', 'Ricoh'],
    [RICOH, `RICOH MP C3004 1.02${tail('RICOH')}`, 'ricoh', 'Ricoh'],
    [RICOH, `RICOH Aficio MP C2051 1.06${tail('RICOH')}`, 'ricoh', 'Ricoh'],
    [RICOH, 'RICOH Aficio SP 4310N 1.03', 'ricoh', 'Ricoh'], // "RICOH Aficio" alone is enough
    [RICOH, `SAVIN MP C3004 1.02${tail('SAVIN')}`, 'savin', 'Savin'],
    [RICOH, `LANIER MP 2554 1.01${tail('LANIER')}`, 'lanier', 'Lanier'],
    [RICOH, `NRG MP 301 1.03${tail('NRG')}`, 'nrg', 'NRG'],
    [RICOH, `Gestetner MP C307 1.01${tail('Gestetner')}`, 'gestetner', 'Gestetner'],
    // A Ricoh-made agent under another name LibreNMS does not know: Parc still calls it a Ricoh.
    [RICOH, `infotec ISC 2432 1.21${tail('infotec')}`, 'ricoh', 'Ricoh'],
    ['', `RICOH Network Printer D model`, 'ricoh', 'Ricoh'],
  ];
  for (const [oid, descr, os, vendor] of cases) {
    it(`${os}: ${descr.slice(0, 40)}`, () => assert.deepEqual(detectOs(oid, descr), { os, vendor }));
  }
  it('treats every brand of the family as Ricoh-made for the supply rules', () => {
    for (const os of ['ricoh', 'savin', 'lanier', 'nrg', 'gestetner']) assert.ok(isRicohMade({ os }), os);
    assert.ok(isRicohMade({ os: 'generic', sysObjectID: `.${RICOH}` }));
    assert.ok(!isRicohMade({ os: 'jetdirect', sysObjectID: '1.3.6.1.4.1.11.2.3.9.1' }));
  });
});

describe('Ricoh identity and names', () => {
  it('reads NRG model and firmware from its banner (the last number after the model)', () => {
    assert.deepEqual(parseSysDescr('nrg', `NRG MP 301 1.03${tail('NRG')}`), { hardware: 'MP 301', version: '1.03' });
    assert.deepEqual(parseSysDescr('nrg', 'NRG'), {});
    // The other brands take theirs from RICOH-PRIVATE-MIB, not from the banner.
    assert.deepEqual(parseSysDescr('ricoh', `RICOH IM C3000 1.10${tail('RICOH')}`), {});
  });
  it('names the OS by brand', () => {
    assert.equal(osNameOf({ os: 'ricoh', version: '1.10' }), 'Ricoh 1.10');
    assert.equal(osNameOf({ os: 'savin' }), 'Savin');
    assert.equal(osNameOf({ os: 'gestetner', version: '1.01' }), 'Gestetner 1.01');
  });
});

describe('Ricoh supply levels', () => {
  it('shows -100 (near end) as 0 % on Ricoh-made agents only', () => {
    assert.deepEqual(supplyLevel(-100, 100, { ricohNearEnd: true }), { levelPercent: 0 });
    assert.deepEqual(supplyLevel(-100, -2, { ricohNearEnd: true }), { levelPercent: 0 });
    assert.deepEqual(supplyLevel(-100, 100), { levelText: 'unknown' });
  });
  it('keeps the standard special values: -3 some remaining (LibreNMS\'s 50), -2 unknown', () => {
    assert.equal(nominalPercent(supplyLevel(-3, 100, { ricohNearEnd: true })), 50);
    assert.deepEqual(supplyLevel(-2, 100, { ricohNearEnd: true }), { levelText: 'unknown' });
    assert.deepEqual(supplyLevel(70, 100, { ricohNearEnd: true }), { levelPercent: 70 });
  });
});

describe('Printer-MIB counter names', () => {
  it('names the lifetime and power-on counters by prtMarkerCounterUnit, "?" when there is none', () => {
    assert.deepEqual(counterWords(7), ['Life time impressions', 'Impressions since powered on']);
    assert.deepEqual(counterWords(8), ['Life time sheets', 'Sheets since powered on']);
    assert.deepEqual(counterWords(3), ['Life time tenThousandthsOfInches', 'TenThousandthsOfInches since powered on']);
    assert.deepEqual(counterWords(undefined), ['Life time ?', '? since powered on']);
  });
});
