// quser outputs captured on real Windows hosts (../shared/corpus/quser, MIT, UNT-CAS/QuserObject).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseSessionBytes } from '../../../src/core/rdp/decode-listing';

const corpus = path.resolve(__dirname, '../../../../../shared/corpus/quser');
const present = existsSync(corpus);
if (!present) console.log(`# skipping the quser corpus tests: ${corpus} is absent`);
const read = (f: string) => parseSessionBytes(readFileSync(path.join(corpus, f))).sessions;

describe('quser corpus from real hosts', { skip: !present && `${corpus} absent` }, () => {
  it('en-1: empty session names, the > marker, idle none/./1:39/15+15:12, US dates', () => {
    const s = read('en-1.txt');
    assert.deepEqual(s.map((x) => [x.username, x.sessionName, x.id, x.state, x.idleMinutes, x.logonTime, x.current]), [
      ['admin.xxxxxxxx', '', 2, 'disconnected', 15 * 1440 + 15 * 60 + 12, '2017-07-20T13:19', false],
      ['admin.xxxxx', 'rdp-tcp#54', 3, 'active', 99, '2017-07-21T05:35', false],
      ['xxxxxxxx', '', 4, 'disconnected', 6 * 1440 + 4 * 60 + 10, '2017-07-21T09:25', false],
      ['vertigoray', 'console', 5, 'active', 0, '2017-08-09T16:40', true],
    ]);
  });
  it('en-2: console user only, idle "none"', () => {
    assert.deepEqual(read('en-2.txt').map((x) => [x.username, x.sessionName, x.id, x.stateText, x.idleMinutes, x.logonTime, x.current]), [['vertigoray', 'console', 1, 'Active', 0, '2018-07-13T11:26', true]]);
  });
  it('es-1: Spanish header and states (Activo, Desc, ninguno)', () => {
    assert.deepEqual(read('es-1.txt').map((x) => [x.username, x.sessionName, x.id, x.state, x.stateText, x.idleMinutes, x.logonTime]), [
      ['mabe-b3', 'console', 1, 'active', 'Activo', 0, '2018-07-25T07:46'],
      ['otro00', '', 2, 'disconnected', 'Desc', 2, '2018-07-25T10:51'],
    ]);
  });
  it('es-2: Spanish console only', () => {
    assert.equal(read('es-2.txt').length, 1);
  });
});
