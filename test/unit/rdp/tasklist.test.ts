import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTasklist } from '../../../src/core/rdp/tasklist';

describe('tasklist /FO CSV /NH per-session memory', () => {
  it('sums processes and kilobytes per session across number formats', () => {
    const text = [
      '"System Idle Process","0","Services","0","8 K"',
      '"explorer.exe","4120","RDP-Tcp#3","2","45,120 K"',
      '"WINWORD.EXE","5120","RDP-Tcp#3","2","120.004 K"',
      '"explorer.exe","6120","","3","12\u00a0345 Ko"',
      '"a ""quoted"" name.exe","7000","","3","1\u202f000 КБ"',
    ].join('\r\n');
    const m = parseTasklist(text);
    assert.deepEqual([...m.entries()], [[0, { processes: 1, memoryKb: 8 }], [2, { processes: 2, memoryKb: 45120 + 120004 }], [3, { processes: 2, memoryKb: 12345 + 1000 }]]);
  });
  it('anything else is refused with the line quoted', () => {
    assert.throws(() => parseTasklist('INFO: No tasks are running which match the specified criteria.'), { message: /^line 1: not a tasklist \/FO CSV \/NH row: "INFO: No tasks/ });
    assert.throws(() => parseTasklist('"x.exe","1","c","2","n/a"'), /no memory figure/);
  });
});
