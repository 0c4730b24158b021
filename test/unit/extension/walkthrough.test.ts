// The "Get started with Parc" walkthrough: the steps the first hour needs, each with its media file and a button
// that runs a declared command, completed by that command (or by the context key it sets).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
const json = (f: string) => JSON.parse(readFileSync(path.join(root, f), 'utf8'));

describe('walkthrough', () => {
  it('has the steps of the first hour, each with media, a command button and a completion event', () => {
    const pkg = json('package.json');
    const nls = json('package.nls.json') as Record<string, string>;
    const [w] = pkg.contributes.walkthroughs as { id: string; steps: { id: string; description: string; media: { markdown?: string }; completionEvents: string[] }[] }[];
    assert.deepEqual(w.steps.map((s) => s.id), ['createInventory', 'addDevice', 'setCredential', 'poll', 'dashboard', 'windows', 'linux']);
    const declared = new Set((pkg.contributes.commands as { command: string }[]).map((c) => c.command));
    for (const s of w.steps) {
      assert.ok(s.media.markdown && existsSync(path.join(root, s.media.markdown)), `${s.id}: media ${s.media.markdown}`);
      const text = nls[s.description.replace(/%/g, '')];
      const cmd = /\(command:(parc\.[A-Za-z.]+)\)/.exec(text ?? '')?.[1];
      assert.ok(cmd && declared.has(cmd), `${s.id}: a button running a declared command (${cmd})`);
      assert.ok(s.completionEvents.includes(`onCommand:${cmd}`), `${s.id}: completed by ${cmd}`);
    }
  });
});
