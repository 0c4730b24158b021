// In a real extension host, on the estate a real `parc serve` polls (started by test/vscode/attach-phase.ts):
// 1. local window + `parc watch` + server on one estate: the window holds no lease, polls nothing (SNMP messages counted at
//    the agent with snmpd's snmpInPkts), follows the server's state files, and its Poll now is run by the server;
// 2. Connect to Server… (self-signed certificate pinned by its fingerprint): the views show the server's estate;
//    a viewer's action is refused by the server with the role it needs, and disabled in the window with a reason;
// 3. as an operator, an acknowledgement made in the window reaches another client's stream, and one made by the
//    other client reaches the window's Alerts view.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { deviceKey } from '../../../src/core/inventory/types';
import type { AlertInfo } from '../../../src/core/remote/api-types';
import { ApiError, ParcClient } from '../../../src/core/remote/client';
import { ParcStream } from '../../../src/core/remote/stream';
import { readPollLease } from '../../../src/core/schedule/poll-lease';
import { snmpInPkts } from '../../support/serve-process';
import { parcApi, waitFor } from '../helpers';

interface AttachEnv {
  url: string;
  fingerprint: string;
  operator: { name: string; password: string };
  viewer: { name: string; password: string };
  agent: { port: number; community: string; key: string };
  /** SNMP messages one poll of the estate by the server sends to the agent (measured by the runner). */
  perPoll: number;
}

const env = (): AttachEnv => JSON.parse(process.env.PARC_ATTACH ?? 'null') as AttachEnv;

suite('attached to parc serve', function () {
  this.timeout(120_000);

  test('a local window on an estate the server polls holds no lease, polls nothing, and hands Poll now to the server', async () => {
    const e = env();
    assert.ok(e, 'PARC_ATTACH is not set: run through test/vscode/attach-phase.ts');
    const api = await parcApi();
    const estate = api.context.estate;
    assert.equal(estate.remote, undefined, 'no server configured yet: local estate');
    const dir = estate.stateDir!;
    const holder = await readPollLease(dir);
    assert.equal(holder?.kind, 'serve', `the server holds the poll lease (holder: ${JSON.stringify(holder)})`);
    // The server's first poll, shown by following its state files.
    const before = await waitFor('the server-polled state of the agent', () => estate.get(e.agent.key)?.report, 30_000);
    assert.equal(before.status, 'up');
    assert.equal(estate.monitoring, false, 'this window does not run its scheduler');
    const p0 = await snmpInPkts(e.agent.port, e.agent.community);
    await vscode.commands.executeCommand('parc.pollAll');
    const after = await waitFor('the result of the requested poll', () => {
      const r = estate.get(e.agent.key)?.report;
      return r && r.polledAt !== before.polledAt ? r : undefined;
    }, 30_000);
    assert.equal(after.status, 'up');
    // Let any second poller finish too before counting.
    await new Promise((r) => setTimeout(r, 1500));
    const p1 = await snmpInPkts(e.agent.port, e.agent.community);
    const polls = p1 - p0 - 1; // minus our second read
    console.log(`[attach] SNMP messages at the agent for one Poll now with serve + parc watch + this window on the estate: ${polls} (one poll by the server alone: ${e.perPoll})`);
    assert.equal(estate.monitoring, false);
    assert.ok(polls >= e.perPoll * 0.8 && polls <= e.perPoll * 1.2, `exactly one poller: ${polls} messages reached the agent, one poll is ${e.perPoll}`);
  });

  test('Connect to Server… as a viewer: the server\'s devices, status bar, and a refused action with the reason', async () => {
    const e = env();
    const api = await parcApi();
    const estate = api.context.estate;
    // A wrong fingerprint is refused before anything is sent.
    await vscode.commands.executeCommand('parc.connectServer', { url: e.url, user: e.viewer.name, password: e.viewer.password, trustFingerprint: '00'.repeat(32) });
    assert.equal(estate.remote, undefined, 'a certificate with another fingerprint is not trusted');
    await vscode.commands.executeCommand('parc.connectServer', { url: e.url, user: e.viewer.name, password: e.viewer.password, trustFingerprint: e.fingerprint });
    const remote = await waitFor('the remote estate', () => estate.remote);
    assert.equal(remote.user.role, 'viewer');
    const dev = await waitFor('the agent in the server\'s estate', () => estate.get(e.agent.key)?.report);
    assert.equal(dev.status, 'up');
    assert.ok(estate.list().length >= 2, `the server's devices are listed (${estate.list().map((d) => d.key).join(', ')})`);
    assert.equal(estate.monitoring, false);
    assert.equal(estate.stateDir, undefined, 'a remote estate has no local state directory');
    const status = api.server.status.item;
    await waitFor('status bar "connected as"', () => remote.state === 'connected' && status.text.includes(`as ${e.viewer.name}`));
    // The server refuses a viewer's poll and names the role needed.
    // (The extension's bundle has its own copy of ApiError: compare the fields, not the class.)
    await assert.rejects(remote.poll(), (err: unknown) => (err as ApiError).status === 403 && (err as ApiError).code === 'forbidden' && /operator/.test((err as Error).message));
    // The window does not even ask: the command is refused with the reason (and disabled in menus).
    const tip = (status.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\/g, '');
    assert.match(tip, /needs the operator role/);
    assert.equal(await vscode.commands.executeCommand('parc.pollAll'), undefined);
    // The device page opens on the server's data.
    await vscode.commands.executeCommand('parc.openDevicePage', e.agent.key);
  });

  test('as an operator: acknowledgements travel between the window and another client through the server', async () => {
    const e = env();
    const api = await parcApi();
    const estate = api.context.estate;
    await vscode.commands.executeCommand('parc.disconnectServer');
    assert.equal(estate.remote, undefined);
    assert.equal(vscode.workspace.getConfiguration('parc').get('server.url'), '', 'disconnect forgets the server');
    // The pin stays: no fingerprint given this time.
    await vscode.commands.executeCommand('parc.connectServer', { url: e.url, user: e.operator.name, password: e.operator.password });
    const remote = await waitFor('the remote estate (operator)', () => estate.remote);
    assert.equal(remote.user.role, 'operator');
    const alerts = api.context.alerts;
    const open = await waitFor('two open alerts (down devices)', () => {
      const a = alerts.open().filter((x) => !x.acknowledged);
      return a.length >= 2 ? a : undefined;
    }, 30_000);

    // Another client: its own login and stream.
    const other = new ParcClient({ url: e.url, pin: remote.client.pin });
    await other.login(e.operator.name, e.operator.password);
    const stream = new ParcStream(other);
    const seen = new Map<string, AlertInfo>();
    stream.on('alert', (a: AlertInfo) => seen.set(a.id, a));
    const hello = new Promise((r) => stream.once('hello', r));
    stream.start();
    await hello;
    try {
      await vscode.commands.executeCommand('parc.acknowledgeAlert', open[0].id);
      const got = await waitFor('the window\'s acknowledgement at the other client', () => seen.get(open[0].id)?.acknowledged ?? undefined, 10_000);
      assert.equal(got.by, e.operator.name, 'acknowledged under the user\'s name');

      await other.post(`/api/alerts/${encodeURIComponent(open[1].id)}/ack`, {});
      await waitFor('the other client\'s acknowledgement in the window', () => alerts.open().find((a) => a.id === open[1].id)?.acknowledged, 10_000);
    } finally {
      stream.stop();
      await other.logout();
    }
    await vscode.commands.executeCommand('parc.disconnectServer');
    assert.equal(estate.remote, undefined);
    assert.ok(estate.get(deviceKey(estate.list()[0].device)), 'back on the local estate');
  });
});
