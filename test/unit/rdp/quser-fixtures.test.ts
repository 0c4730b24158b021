// Parser and decoder against raw-bytes fixtures written for each display language and OEM code page
// (test/fixtures/rdp/make-fixtures.mjs documents how they were laid out). Expectations are written by hand.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseSessionBytes } from '../../../src/core/rdp/decode-listing';
import { decodeOem } from '../../../src/core/rdp/codepage';
import type { RdpSession } from '../../../src/core/rdp/types';

const dir = path.resolve(__dirname, '../../../../test/fixtures/rdp');
const bytes = (name: string) => readFileSync(path.join(dir, name));

type Row = [user: string, session: string, id: number, state: RdpSession['state'], stateText: string, idle: number | null, logon: string | null, current?: boolean];
function expectRows(actual: RdpSession[], rows: Row[]) {
  assert.deepEqual(
    actual.map((s) => [s.username, s.sessionName, s.id, s.state, s.stateText, s.idleMinutes, s.logonTime, s.current]),
    rows.map((r) => [r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] ?? false]),
  );
}

const cases: Array<{ file: string; cp: number; lang: string; rows: Row[] }> = [
  {
    file: 'en.cp437.bin', cp: 437, lang: 'en', rows: [
      ['alice', 'rdp-tcp#12', 2, 'active', 'Active', 0, '2024-03-04T09:05'],
      ['bob', '', 3, 'disconnected', 'Disc', 2 * 1440 + 3 * 60 + 4, '2024-03-02T23:47'],
      ['svc-backup', '', 4, 'disconnected', 'Disc', 5, '2024-03-04T00:10'],
      ['administrator', 'console', 5, 'active', 'Active', 0, '2024-02-29T12:00', true],
      ['averyverylongusername.x', 'rdp-tcp#7', 6, 'active', 'Active', 65, '2024-03-04T08:00'],
    ],
  },
  {
    file: 'fr.cp850.bin', cp: 850, lang: 'fr', rows: [
      ['hélène.dupré', 'rdp-tcp#3', 2, 'active', 'Actif', 0, '2024-03-04T09:15', true],
      ['françois', '', 3, 'disconnected', 'Déco', 65, '2024-03-03T17:02'],
      ['zoé', '', 4, 'disconnected', 'Déco', 0, '2024-03-13T08:00'],
    ],
  },
  {
    file: 'fr.cp65001.bin', cp: 65001, lang: 'fr', rows: [
      ['jérôme', 'console', 1, 'active', 'Actif', 0, '2024-03-05T07:30'],
      ['noël', '', 2, 'disconnected', 'Déco', 3 * 1440 + 10, '2024-03-01T18:45'],
    ],
  },
  {
    file: 'de.cp850.bin', cp: 850, lang: 'de', rows: [
      ['jürgen.größ', 'console', 1, 'active', 'Aktiv', 0, '2024-03-04T08:15', true],
      ['müller', '', 2, 'disconnected', 'Getr.', 47, '2024-03-01T16:20'],
    ],
  },
  {
    file: 'es.cp850.bin', cp: 850, lang: 'es', rows: [
      ['josé.núñez', 'rdp-tcp#5', 7, 'active', 'Activo', 0, '2024-03-04T10:00'],
      ['iñigo', '', 8, 'disconnected', 'Desc', 1501, '2024-03-02T09:09'],
    ],
  },
  {
    file: 'it.cp850.bin', cp: 850, lang: 'it', rows: [
      ['niccolò', 'rdp-tcp#1', 2, 'active', 'Attivo', 0, '2024-03-04T14:30'],
      ['lucà', '', 3, 'disconnected', 'Disc', 12, '2024-03-04T13:00'],
    ],
  },
  {
    file: 'pt.cp850.bin', cp: 850, lang: 'pt-BR', rows: [
      ['joão', 'rdp-tcp#0', 2, 'active', 'Ativo', 0, '2024-03-04T10:20'],
      ['conceição', '', 3, 'disconnected', 'Disco', 120, '2024-03-03T08:05'],
    ],
  },
  {
    file: 'nl.cp850.bin', cp: 850, lang: 'nl', rows: [
      ['daan', 'rdp-tcp#4', 2, 'active', 'Actief', 0, '2024-03-04T08:00'],
      ['zoë.dijkstra', '', 3, 'disconnected', 'Schijf', 59, '2024-03-01T17:59'],
    ],
  },
  {
    file: 'pl.cp852.bin', cp: 852, lang: 'pl', rows: [
      ['łukasz.żak', 'rdp-tcp#9', 2, 'active', 'Aktywny', 0, '2024-03-04T07:45'],
      ['agnieszka', '', 3, 'disconnected', 'Rozł.', 195, '2024-03-03T22:10'],
    ],
  },
  {
    file: 'ru.cp866.bin', cp: 866, lang: 'ru', rows: [
      ['иванов', 'console', 1, 'active', 'Активно', 0, '2024-03-04T09:00', true],
      ['петрова', '', 2, 'disconnected', 'Диск', 1440, '2024-03-02T18:30'],
    ],
  },
  {
    file: 'ja.cp932.bin', cp: 932, lang: 'ja', rows: [
      ['tanaka', 'console', 1, 'active', 'アクティブ', 0, '2024-03-04T08:30', true],
      ['suzuki', '', 2, 'disconnected', '切断', 25, '2024-03-03T19:05'],
    ],
  },
  {
    file: 'qwinsta.en.cp437.bin', cp: 437, lang: 'en', rows: [
      ['', 'services', 0, 'disconnected', 'Disc', null, null],
      ['administrator', 'console', 1, 'active', 'Active', null, null, true],
      ['alice', 'rdp-tcp#3', 2, 'active', 'Active', null, null],
      ['bob', '', 3, 'disconnected', 'Disc', null, null],
      ['', 'rdp-tcp', 65536, 'listen', 'Listen', null, null],
    ],
  },
  {
    file: 'qwinsta.de.cp850.bin', cp: 850, lang: 'de', rows: [
      ['', 'services', 0, 'disconnected', 'Getr.', null, null],
      ['', 'console', 1, 'connected', 'Verb.', null, null],
      ['jürgen', '', 2, 'disconnected', 'Getr.', null, null],
      ['', 'rdp-tcp', 65536, 'listen', 'Abhören', null, null],
    ],
  },
];

describe('quser/qwinsta raw bytes per language and code page', () => {
  for (const c of cases) {
    it(`${c.file}: parses with the code page given (${c.cp})`, () => {
      const r = parseSessionBytes(bytes(c.file), c.cp);
      assert.equal(r.language, c.lang);
      assert.equal(r.kind, c.file.startsWith('qwinsta') ? 'qwinsta' : 'quser');
      expectRows(r.sessions, c.rows);
    });
    it(`${c.file}: parses with the code page found from the header`, () => {
      const r = parseSessionBytes(bytes(c.file));
      expectRows(r.sessions, c.rows);
    });
  }

  it('the non-UTF-8 fixtures really are OEM bytes (not UTF-8 in disguise)', () => {
    for (const c of cases.filter((x) => x.cp !== 65001 && !/^(en|qwinsta\.en)/.test(x.file))) {
      const b = bytes(c.file);
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(b), `${c.file} decodes as UTF-8`);
      assert.notEqual(decodeOem(b, c.cp), decodeOem(b, c.cp === 866 ? 850 : 866), c.file);
    }
  });

  it('a wrong code page given (cp866 Russian said to be 850) is recovered and reported', () => {
    const r = parseSessionBytes(bytes('ru.cp866.bin'), 850);
    assert.deepEqual([r.codepage, r.codepageSource, r.sessions[0].username], [866, 'recovered', 'иванов']);
    assert.match(r.warnings[0].message, /does not read in code page 850/);
  });
});
