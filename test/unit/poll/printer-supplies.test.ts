import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cleanDescription, isReceptacle, nominalPercent, supplyColour, supplyLevel, supplyType } from '../../../src/core/poll/modules/printer/supplies';
import { looksLikePrinter } from '../../../src/core/poll/modules/printer';

describe('printer supply levels (Printer-MIB prtMarkerSuppliesLevel / MaxCapacity)', () => {
  it('turns level and capacity into a rounded percentage', () => {
    assert.deepEqual(supplyLevel(22050, 45000), { levelPercent: 49 });
    assert.deepEqual(supplyLevel(287100, 290000), { levelPercent: 99 });
    assert.deepEqual(supplyLevel(0, 500), { levelPercent: 0 });
    assert.deepEqual(supplyLevel(120, 100), { levelPercent: 100 });
  });
  it('keeps "some remaining" and "unknown" as words, without a made-up percentage', () => {
    assert.deepEqual(supplyLevel(-3, 100), { levelText: 'someRemaining' });
    assert.deepEqual(supplyLevel(-3, -2), { levelText: 'someRemaining' });
    assert.deepEqual(supplyLevel(-2, 100), { levelText: 'unknown' });
    assert.deepEqual(supplyLevel(-1, 100), { levelText: 'unknown' });
    assert.deepEqual(supplyLevel(undefined, 100), { levelText: 'unknown' });
    assert.equal(nominalPercent(supplyLevel(-3, 100)), 50);
    assert.equal(nominalPercent(supplyLevel(-2, 100)), undefined);
  });
  it('reads a level with an unknown capacity as a percentage, and Brother status codes as such', () => {
    assert.deepEqual(supplyLevel(9, -2), { levelPercent: 9 });
    assert.deepEqual(supplyLevel(0, -2), { levelPercent: 0 });
    assert.deepEqual(supplyLevel(0, -2, { brotherCodes: true }), { levelPercent: 100 });
    assert.deepEqual(supplyLevel(2, -2, { brotherCodes: true }), { levelPercent: 0 });
    // A counted level is a level on Brother too.
    assert.deepEqual(supplyLevel(17208, 25000, { brotherCodes: true }), { levelPercent: 69 });
  });
});

describe('printer supply names, types and colours', () => {
  it('decodes hex-dump continuation lines and drops NULs', () => {
    const raw = 'Black Cartridge \n' + [...Buffer.from('827A HP CF300A\0')].map((b) => b.toString(16).padStart(2, '0')).join(' ') + ' ';
    assert.equal(cleanDescription(raw).description, 'Black Cartridge827A HP CF300A');
    assert.equal(cleanDescription('Drum Unit\0').description, 'Drum Unit');
    assert.equal(cleanDescription('Fuser Kit HP 110V-C1N54A, 220V-C1N58A').description, 'Fuser Kit HP 110V-C1N54A, 220V-C1N58A');
  });
  it('splits a trailing part number and serial off', () => {
    assert.deepEqual(cleanDescription('Cyan Toner, PN 006R01512;SN461E7A80E0000489'), { description: 'Cyan Toner', partNumber: '006R01512' });
    assert.deepEqual(cleanDescription('Fuser, PN unknown;SNunknown'), { description: 'Fuser', partNumber: undefined });
  });
  it('maps the supply type code, else the words', () => {
    assert.equal(supplyType(3, 'Black Toner'), 'toner');
    assert.equal(supplyType(21, 'Cartridge'), 'toner');
    assert.equal(supplyType(9, 'Imaging Unit'), 'drum');
    assert.equal(supplyType(4, 'Waste Toner Box'), 'wasteToner');
    assert.equal(supplyType(15, 'Fusing Unit'), 'fuser');
    assert.equal(supplyType(undefined, 'Waste Toner Container'), 'wasteToner');
    assert.equal(supplyType(undefined, 'Drum Cartridge (R1)'), 'drum');
    assert.equal(supplyType(1, 'CANON Cyan Ink Tank'), 'ink');
    assert.equal(supplyType(undefined, 'Ozone Filter'), 'other');
    assert.ok(isReceptacle({ type: 'wasteToner' }));
    assert.ok(!isReceptacle({ type: 'toner' }));
  });
  it('takes the colour from the colorant table, else from the description', () => {
    assert.equal(supplyColour('cyan', 'Toner 1'), 'cyan');
    assert.equal(supplyColour(undefined, 'Toner (Magenta)'), 'magenta');
    assert.equal(supplyColour('unknown', 'Black Toner'), 'black');
    assert.equal(supplyColour(undefined, 'Fuser'), undefined);
  });
});

describe('which devices the printer module probes', () => {
  it('recognised printers and printer vendors, not switches', () => {
    assert.ok(looksLikePrinter({ os: 'printer' }));
    assert.ok(looksLikePrinter({ os: 'generic', sysObjectID: '1.3.6.1.4.1.11.2.3.9.1' }));
    assert.ok(looksLikePrinter({ os: 'generic', sysObjectID: '.1.3.6.1.4.1.2435.2.3.9.1' }));
    assert.ok(!looksLikePrinter({ os: 'procurve', sysObjectID: '1.3.6.1.4.1.11.2.3.7.11.104', sysDescr: 'ProCurve J9280A Switch' }));
    assert.ok(!looksLikePrinter({ os: 'linux', sysObjectID: '1.3.6.1.4.1.8072.3.2.10', sysDescr: 'Linux web01' }));
  });
});
