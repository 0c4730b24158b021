import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { netplanGenerate, parseGenerateOutput } from '../../../src/core/netplan/generate';
import type { CommandRunner, ExecOptions } from '../../../src/core/ssh/runner';

describe('netplan generate on the host', () => {
  it('sends the files on stdin, never on the command line (they may hold Wi-Fi passwords)', async () => {
    const calls: { command: string; options?: ExecOptions }[] = [];
    const recorder: CommandRunner = { exec: async (command, options) => (calls.push({ command, options }), { code: 0, stdout: 'PARC_ROOT=/tmp/parc-netplan.x\n', stderr: '' }) };
    const text = 'network:\n  version: 2\n  wifis:\n    wl0:\n      access-points:\n        corp: {password: "Sup3r-Secret-Wifi"}\n';
    const r = await netplanGenerate(recorder, [{ name: '01-wifi.yaml', text }], { sudo: true });
    assert.equal(r.ok, true);
    assert.equal(calls.length, 1);
    assert.ok(!calls[0].command.includes('Sup3r') && !calls[0].command.includes(Buffer.from(text).toString('base64')));
    assert.equal(calls[0].options?.stdin, `01-wifi.yaml ${Buffer.from(text).toString('base64')}\n`);
    assert.equal(calls[0].options?.sudo, true);
    await assert.rejects(netplanGenerate(recorder, [{ name: '../etc/passwd', text }]), /must be a plain name/);
  });

  it('maps netplan\'s messages back to the file names', () => {
    const out = 'PARC_ROOT=/tmp/parc-netplan.AB12\n/tmp/parc-netplan.AB12/etc/netplan/a.yaml:5:18: Error in network definition: invalid boolean value \'wut\'\n      wakeonlan: wut\n                 ^\n';
    const r = parseGenerateOutput(out);
    assert.deepEqual(r.diagnostics.map((d) => [d.file, d.line, d.col, d.message]), [['a.yaml', 5, 18, "invalid boolean value 'wut'"]]);
    assert.ok(!r.output.includes('/tmp/parc-netplan'));
  });
});
