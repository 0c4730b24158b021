// Issue 13, item 5: control characters never reach the terminal raw.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { safeLine, safeText } from '../../../src/core/sanitize';
import { table } from '../../../src/cli/format';

const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminal control characters', () => {
  it('escapes ESC, BEL, CSI (C1), DEL, lone CR and bidi overrides; keeps newlines, tabs and CRLF', () => {
    const hostile = 'a\x1b]0;pwned\x07b\x1b[2Jc\u009b31md\x7fe\rf\u202eg';
    assert.equal(safeText(hostile), 'a\\u001b]0;pwned\\u0007b\\u001b[2Jc\\u009b31md\\u007fe\\u000df\\u202eg');
    assert.equal(safeText('x\ny\tz\r\n'), 'x\ny\tz\r\n');
    assert.equal(safeLine('x\ny\tz'), 'x\\ny\\tz');
    assert.ok(!RAW.test(safeText(hostile)));
  });

  it('a JSON document keeps its meaning once sanitised', () => {
    const value = { name: 'sw\u009b1\u007f\u202e', n: 1 };
    const json = JSON.stringify(value);
    assert.deepEqual(JSON.parse(safeText(json)), value);
  });

  it('table cells stay on one line and aligned', () => {
    const t = table([['A', 'B'], ['x\x1b[2J', 'y'], ['multi\nline', 'z']]);
    assert.ok(!RAW.test(t));
    assert.equal(t.split('\n').length, 3);
  });
});
