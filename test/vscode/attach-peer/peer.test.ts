// The second window of the attach phase (see test/vscode/attach/attach.test.ts for the first):
// 1. local, on the estate `parc serve` polls, with the first window and `parc watch` also open on it: it
//    follows the lease holder too (the first window counts the SNMP messages at the agent meanwhile);
// 2. attached as another operator: the first window's acknowledgement reaches it through the server's stream,
//    and its own acknowledgement goes back the same way; it polls nothing itself while attached.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readPollLease } from '../../../src/core/schedule/poll-lease';
import type { AlertChange } from '../../../src/extension/remote-estate/remote-estate';
import { parcApi, waitFor } from '../helpers';
import { signal, waitSignal } from '../attach/sync';

interface PeerEnv {
  url: string;
  fingerprint: string;
  peer: { name: string; password: string };
  operator: { name: string };
  agent: { key: string };
  sync: string;
}

const env = (): PeerEnv => JSON.parse(process.env.PARC_ATTACH ?? 'null') as PeerEnv;

suite('second window on the same estate', function () {
  this.timeout(240_000);

  test('local: it follows the server\'s poll lease as well', async () => {
    const e = env();
    assert.ok(e, 'PARC_ATTACH is not set: run through test/vscode/attach-phase.ts');
    const api = await parcApi();
    const estate = api.context.estate;
    assert.equal(estate.remote, undefined);
    const holder = await readPollLease(estate.stateDir!);
    assert.equal(holder?.kind, 'serve', `the server holds the poll lease (holder: ${JSON.stringify(holder)})`);
    await waitFor('the server-polled state of the agent', () => estate.get(e.agent.key)?.report, 30_000);
    assert.equal(estate.monitoring, false, 'the second window does not run its scheduler');
    signal(e.sync, 'b-local');
  });

  test('attached as another operator: acknowledgements travel between the two windows through the server', async () => {
    const e = env();
    const api = await parcApi();
    const estate = api.context.estate;
    // The first window runs its other tests meanwhile.
    await waitSignal(e.sync, 'a-attached', 200_000);
    await vscode.commands.executeCommand('parc.connectServer', { url: e.url, user: e.peer.name, password: e.peer.password, trustFingerprint: e.fingerprint });
    const remote = await waitFor('the remote estate (second operator)', () => estate.remote);
    assert.equal(remote.user.name, e.peer.name);
    assert.equal(estate.monitoring, false, 'attached: no scheduler here');
    const changes: (AlertChange & { seen: number })[] = [];
    const sub = remote.onDidChangeAlerts((c) => c && changes.push({ ...c, seen: Date.now() }));
    try {
      await waitFor('the server\'s alerts', () => remote.alerts.length > 0 || undefined, 30_000);
      signal(e.sync, 'b-attached');

      const acking = await waitSignal(e.sync, 'a-acking', 120_000);
      const x = String(acking.id);
      const got = await waitFor('the first window\'s acknowledgement, pushed by the stream', () => changes.find((c) => c.alert.id === x && c.alert.acknowledged && c.via === 'stream'), 30_000);
      assert.equal(got.alert.acknowledged?.by, e.operator.name, 'acknowledged under the first user\'s name');
      assert.ok(api.context.alerts.open().find((a) => a.id === x)?.acknowledged, 'shown acknowledged in this window\'s Alerts view');
      signal(e.sync, 'b-saw', { id: x, via: got.via, by: got.alert.acknowledged?.by, seen: got.seen });

      const y = await waitFor('an alert still to acknowledge', () => remote.alerts.find((a) => a.open && !a.acknowledged && a.id !== x));
      const sent = Date.now();
      await vscode.commands.executeCommand('parc.acknowledgeAlert', y.id);
      signal(e.sync, 'b-acked', { id: y.id, sent });
      await waitSignal(e.sync, 'a-done', 120_000);
    } finally {
      sub.dispose();
    }
    assert.equal(estate.monitoring, false);
    await vscode.commands.executeCommand('parc.disconnectServer');
  });
});
