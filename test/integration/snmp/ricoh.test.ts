// Ricoh MFPs and their rebadges polled from our own recordings through snmpsim: OS, identity from RICOH-PRIVATE-MIB,
// supplies as LibreNMS lists them (Ricoh's -100 near end, its toner table filling Printer-MIB's blanks), and the
// printer sensors.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { DevicePoll } from '../../../src/core/poll/types';
import { nominalPercent } from '../../../src/core/poll/modules/printer/supplies';
import { pollRecords, type PolledRecords } from '../../support/poll-records';
import { ricohAficioMp3350, ricohImC3000 } from '../../fixtures/snmprec/ricoh';

/** Supplies as LibreNMS compares them: description and level, "some remaining" as 50. */
const levels = (p: DevicePoll) => p.supplies!.map((s) => [s.description, nominalPercent(s) ?? s.levelText]);

describe('Ricoh printers through snmpsim', () => {
  let polled: PolledRecords | undefined;
  let polls = new Map<string, DevicePoll>();
  before(async () => {
    const records = {
      'im-c3000': ricohImC3000(), 'aficio-mp3350': ricohAficioMp3350(),
      savin: ricohImC3000('SAVIN'), lanier: ricohImC3000('LANIER'), nrg: ricohImC3000('NRG'), gestetner: ricohImC3000('Gestetner'),
    };
    polled = await pollRecords(records);
    polls = polled.polls;
  });
  after(async () => {
    await polled?.sim.stop();
  });

  it('knows an IM C3000: model, firmware and serial from RICOH-PRIVATE-MIB', () => {
    const p = polls.get('im-c3000')!;
    assert.equal(p.status, 'up', p.error);
    assert.equal(p.moduleErrors, undefined);
    assert.deepEqual([p.os, p.vendor, p.hardware, p.version, p.serial, p.osName], ['ricoh', 'Ricoh', 'IM C3000', '1.10', '3130R810457', 'Ricoh 1.10']);
  });

  it('lists its toners, waste toner and trays as LibreNMS does: near end is 0 %, an unknown tray is left out', () => {
    const p = polls.get('im-c3000')!;
    assert.deepEqual(levels(p), [
      ['Black Toner', 70], ['Cyan Toner', 40], ['Magenta Toner', 20], ['Yellow Toner', 0], ['Waste Toner', 50],
      ['Tray 1', 80], ['Tray 2', 50],
    ]);
    assert.deepEqual(p.supplies!.slice(0, 5).map((s) => [s.type, s.colour]), [
      ['toner', 'black'], ['toner', 'cyan'], ['toner', 'magenta'], ['toner', 'yellow'], ['wasteToner', undefined],
    ]);
    assert.equal(p.pageCount, 123456);
  });

  it('has the printer state and counter sensors LibreNMS shows for any printer', () => {
    const p = polls.get('im-c3000')!;
    const s = (p.sensors ?? []).filter((x) => x.class === 'count' || /^Printer /.test(x.description)).map((x) => [x.class, x.description, x.value]);
    assert.deepEqual(s, [
      ['state', 'Printer Device Status', 3], ['state', 'Printer Error Status', 3],
      ['count', 'Life time impressions', 123456], ['count', 'Impressions since powered on', 318],
    ]);
  });

  it('fills an older Aficio\'s blank toner row from Ricoh\'s toner table and takes the serial from Ricoh\'s MIB', () => {
    const p = polls.get('aficio-mp3350')!;
    assert.equal(p.status, 'up', p.error);
    assert.deepEqual([p.os, p.hardware, p.version, p.serial], ['ricoh', 'Aficio MP 3350', '1.15', 'M6394301234']);
    assert.deepEqual(levels(p), [['Black Toner', 30], ['Waste Toner', 50], ['Tray 1', 50], ['Tray 2', 0]]);
    // Two conditions at once are LibreNMS's "warning, multiple issues" (9); the text names both.
    const err = p.sensors!.find((x) => x.description === 'Printer Error Status')!;
    assert.deepEqual([err.value, err.stateText], [9, 'lowPaper, inputTrayEmpty']);
  });

  it('tells the rebadges apart by their sysDescr, each with the identity LibreNMS reads for it', () => {
    const id = (n: string) => { const p = polls.get(n)!; return [p.os, p.vendor, p.hardware, p.version, p.serial]; };
    assert.deepEqual(id('savin'), ['savin', 'Savin', 'IM C3000', '1.10', '3130R810457']);
    assert.deepEqual(id('gestetner'), ['gestetner', 'Gestetner', 'IM C3000', '1.10', '3130R810457']);
    // NRG: model and firmware from sysDescr; Lanier: the Printer-MIB serial only.
    assert.deepEqual(id('nrg'), ['nrg', 'NRG', 'IM C3000', '1.10', '3130R810457']);
    assert.deepEqual(id('lanier'), ['lanier', 'Lanier', undefined, undefined, '3130R810457']);
    for (const n of ['savin', 'lanier', 'nrg', 'gestetner']) assert.deepEqual(levels(polls.get(n)!).slice(0, 4).map((l) => l[1]), [70, 40, 20, 0], n);
    // LibreNMS turns memory pools off for Gestetner only: the controller's RAM is a pool everywhere else.
    assert.deepEqual(polls.get('im-c3000')!.mempools?.map((m) => m.description), ['RAM']);
    assert.deepEqual(polls.get('savin')!.mempools?.map((m) => m.description), ['RAM']);
    assert.equal(polls.get('gestetner')!.mempools, undefined);
  });
});
