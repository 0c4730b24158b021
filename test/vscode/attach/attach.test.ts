// In a real extension host, on the estate a real `parc serve` polls (started by test/vscode/attach-phase.ts):
// 1. local window + `parc watch` + server on one estate: the window holds no lease, polls nothing (SNMP messages counted at
//    the agent with snmpd's snmpInPkts), follows the server's state files, and its Poll now is run by the server;
// 2. Connect to Server… (self-signed certificate pinned by its fingerprint): the views show the server's estate;
//    a viewer's action is refused by the server with the role it needs, and disabled in the window with a reason;
//    its device page draws the server's history, the same points as the local metric store holds;
// 3. as an operator, an acknowledgement made in the window reaches another client's stream, and one made by the
//    other client reaches the window's Alerts view;
// 4. two attached windows (this one and test/vscode/attach-peer/, a second extension host of the same
//    code-server) + `parc watch` + the server: one Poll now reaches the agent once; acknowledgements travel
//    between the two windows through the server's stream, in order.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseInventory } from '../../../src/core/inventory/parse';
import { deviceKey } from '../../../src/core/inventory/types';
import type { AlertInfo } from '../../../src/core/remote/api-types';
import { ApiError, ParcClient } from '../../../src/core/remote/client';
import { ParcStream } from '../../../src/core/remote/stream';
import { devicePageModel, type DevicePageModel } from '../../../src/core/metrics/views/device-model';
import { readPollLease } from '../../../src/core/schedule/poll-lease';
import type { AlertChange } from '../../../src/extension/remote-estate/remote-estate';
import type { EstateSwitch } from '../../../src/extension/remote-estate/switch';
import { signal, waitSignal } from './sync';
import { snmpInPkts } from '../../support/serve-process';
import { parcApi, waitFor } from '../helpers';

interface AttachEnv {
  url: string;
  fingerprint: string;
  operator: { name: string; password: string };
  viewer: { name: string; password: string };
  admin: { name: string; password: string };
  /** A UDP port where nothing answers, for the device the admin adds and removes. */
  spare: number;
  agent: { port: number; community: string; key: string };
  /** SNMP messages one poll of the estate by the server sends to the agent (measured by the runner). */
  perPoll: number;
  /** The second window's user (operator) and the rendezvous directory (attach/sync.ts). */
  peer: { name: string; password: string };
  sync: string;
}

/** The entry parc.yaml has for `key`, as the parser reads it. */
function entryIn(file: string, key: string): { name?: string; site?: string } | undefined {
  const d = parseInventory(fs.readFileSync(file, 'utf8'), file).inventory?.devices.find((x) => deviceKey(x) === key);
  return d && { name: d.name, site: d.site };
}

/** The numbers a page's charts draw (titles are words). */
const drawn = (m: DevicePageModel) => ({ range: m.range, archive: m.archive, charts: m.charts.map((c) => ({ id: c.id, t: c.t, series: c.series.map((x) => x.values) })) });

/** One Poll now from this window, counted at the agent (minus the counting reads). */
async function countOnePoll(e: AttachEnv, before: () => string | undefined, after: () => string | undefined): Promise<number> {
  const b = await waitFor('the agent\'s last poll', before, 30_000);
  const p0 = await snmpInPkts(e.agent.port, e.agent.community);
  await vscode.commands.executeCommand('parc.pollAll');
  await waitFor('the result of the requested poll', () => {
    const a = after();
    return a && a !== b ? a : undefined;
  }, 30_000);
  // Let any second poller finish too before counting.
  await new Promise((r) => setTimeout(r, 1500));
  const p1 = await snmpInPkts(e.agent.port, e.agent.community);
  return p1 - p0 - 1;
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
    // The second window is open on the estate too, following as well.
    await waitSignal(e.sync, 'b-local', 120_000);
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
    console.log(`[attach] SNMP messages at the agent for one Poll now with serve + parc watch + two local windows on the estate: ${polls} (one poll by the server alone: ${e.perPoll})`);
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
    // The device page opens on the server's data: its graphs come from GET /api/history, and the webview draws them.
    await vscode.commands.executeCommand('parc.openDevicePage', e.agent.key);
    const page = await waitFor('the device page', () => api.webviews.devicePages().find((p) => p.key === e.agent.key)?.page);
    // Every report of what the webview drew (the first may be in already).
    const renders: { at: string; charts: { id: string; points: number }[] }[] = page.lastRendered ? [page.lastRendered] : [];
    const onRender = page.onDidRender((r) => renders.push(r));
    const local = (estate as unknown as EstateSwitch).local.metrics;
    assert.ok(local, 'the suspended local estate still reads the state directory\'s metric store');
    // Same points as the local store at the same moment (retried when a poll lands between the two reads).
    let same = false;
    let last = '';
    for (let i = 0; i < 5 && !same; i++) {
      const prev = i ? page.historyMoment : undefined;
      if (i) page.push();
      const now = await waitFor('the server\'s history on the page', () => (page.historyMoment !== prev ? page.historyMoment : undefined), 30_000);
      const m = page.model()!;
      assert.equal(m.generatedAt, new Date(now).toISOString());
      const rendered = await waitFor('the webview\'s report of what it drew', () => renders.find((r) => r.at === m.generatedAt), 10_000).catch(() => undefined);
      if (!rendered) {
        last = `the model is of ${m.generatedAt} (${m.charts.length} charts); the webview reported ${JSON.stringify(renders.map((r) => r.at))}; the page now has history of ${page.historyMoment ? new Date(page.historyMoment).toISOString() : '-'}`;
        console.log(`[attach] device page attempt ${i + 1}: ${last}`);
        continue;
      }
      const status = m.charts.find((c) => c.id === 'status')!;
      const points = status.series[0].values.filter((v) => v !== null).length;
      assert.ok(points > 0, `the availability chart has points from the server (${m.range})`);
      assert.equal(rendered.charts.find((c) => c.id === 'status')?.points, points, 'the webview drew every availability point it was sent');
      local.store.refresh();
      const d = estate.get(e.agent.key)!;
      const mine = devicePageModel({ key: d.key, name: 'x', host: d.device.host, port: d.device.port, last: d.report, region: '', site: '', siteExplanation: '', events: [], store: local.store, range: m.rangeAuto ? undefined : m.range, now });
      const a = JSON.stringify(drawn(m));
      last = `server ${a}\nlocal  ${JSON.stringify(drawn(mine))}`;
      same = a === JSON.stringify(drawn(mine));
      if (!same) console.log(`[attach] device page attempt ${i + 1}: ${last}`);
      if (same) console.log(`[attach] device page through the server: ${m.charts.length} charts over ${m.range} (${m.archive ?? 'no'} archive), ${rendered.charts.reduce((n, c) => n + c.points, 0)} points drawn, identical to the local store's (attempt ${i + 1})`);
    }
    onRender.dispose();
    assert.ok(same, `the page's charts from the server are the local store's:\n${last}`);
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

  test('two attached windows + parc watch + the server: one poller, and acknowledgements travel between the windows', async () => {
    const e = env();
    const api = await parcApi();
    const estate = api.context.estate;
    await vscode.commands.executeCommand('parc.connectServer', { url: e.url, user: e.operator.name, password: e.operator.password });
    const remote = await waitFor('the remote estate (operator)', () => estate.remote);
    const changes: (AlertChange & { seen: number })[] = [];
    const sub = remote.onDidChangeAlerts((c) => c && changes.push({ ...c, seen: Date.now() }));
    try {
      signal(e.sync, 'a-attached');
      await waitSignal(e.sync, 'b-attached', 120_000);
      // Both windows attached, parc watch following, the server polling: one Poll now reaches the agent once.
      assert.equal(estate.monitoring, false);
      const polls = await countOnePoll(e, () => remote.get(e.agent.key)?.report?.polledAt, () => remote.get(e.agent.key)?.report?.polledAt);
      console.log(`[attach] SNMP messages at the agent for one Poll now with serve + parc watch + two attached windows: ${polls} (one poll by the server alone: ${e.perPoll})`);
      assert.ok(polls >= e.perPoll * 0.8 && polls <= e.perPoll * 1.2, `exactly one poller: ${polls} messages reached the agent, one poll is ${e.perPoll}`);

      const x = await waitFor('an open alert to acknowledge', () => remote.alerts.find((a) => a.open && !a.acknowledged), 30_000);
      signal(e.sync, 'a-acking', { id: x.id });
      const sent = Date.now();
      await vscode.commands.executeCommand('parc.acknowledgeAlert', x.id);
      const saw = await waitSignal(e.sync, 'b-saw', 60_000);
      assert.equal(saw.id, x.id);
      assert.equal(saw.via, 'stream', 'the other window got it pushed by the server');
      assert.equal(saw.by, e.operator.name);
      const acked = await waitSignal(e.sync, 'b-acked', 60_000);
      const y = String(acked.id);
      const back = await waitFor('the other window\'s acknowledgement, pushed by the stream', () => changes.find((c) => c.alert.id === y && c.alert.acknowledged && c.via === 'stream'), 30_000);
      assert.equal(back.alert.acknowledged?.by, e.peer.name, 'acknowledged under the other window\'s user');
      await waitFor('the other window\'s acknowledgement in this Alerts view', () => api.context.alerts.open().find((a) => a.id === y)?.acknowledged, 10_000);
      // In order: this window's acknowledgement (the answer, then the stream's echo) before the other window's.
      const mine = changes.findIndex((c) => c.alert.id === x.id && c.alert.acknowledged);
      assert.ok(mine >= 0 && mine < changes.indexOf(back), `order of alert changes here: ${changes.map((c) => `${c.alert.id.slice(0, 12)}:${c.via}:${c.alert.acknowledged?.by ?? '-'}`).join(' ')}`);
      console.log(`[attach] acknowledgement window 1 → window 2 through the stream: ${Number(saw.seen) - sent} ms; window 2 → window 1: ${back.seen - Number(acked.sent)} ms (not asserted)`);
    } finally {
      sub.dispose();
      signal(e.sync, 'a-done');
    }
    assert.equal(estate.monitoring, false);
    await vscode.commands.executeCommand('parc.disconnectServer');
    assert.equal(estate.remote, undefined);
  });

  test('as an admin: Add, Move and Remove Device edit the server\'s parc.yaml through the server, audited; a viewer is refused', async () => {
    const e = env();
    const api = await parcApi();
    const estate = api.context.estate;
    assert.equal(estate.remote, undefined, 'the previous test disconnected');
    // The window and the server share the estate's folder: the file and the server's audit log are readable here.
    const file = api.context.inventories.file!;
    const auditFile = path.join(estate.stateDir!, 'server', 'audit.jsonl');
    const original = fs.readFileSync(file);
    const key = `127.0.0.1:${e.spare}`;
    const audited = (action: string, user: string) =>
      fs.readFileSync(auditFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { action: string; user: string; target?: string; outcome: string; detail?: string })
        .filter((x) => x.action === action && x.user === user && (x.target === key || (x.outcome === 'refused' && x.target === undefined)));

    // A viewer: the command is refused in the window with the role it needs, and nothing is written.
    await vscode.commands.executeCommand('parc.connectServer', { url: e.url, user: e.viewer.name, password: e.viewer.password });
    const asViewer = await waitFor('the remote estate (viewer)', () => estate.remote);
    assert.equal(asViewer.user.role, 'viewer');
    // (Commands report errors in a message and answer undefined.)
    assert.equal(await vscode.commands.executeCommand('parc.addDevice', { host: '127.0.0.1', port: e.spare, name: 'admin-added', site: 'Lyon' }), undefined);
    // Sent anyway, the server refuses it and names the role.
    await assert.rejects(asViewer.client.post('/api/inventory/devices', { host: '127.0.0.1', port: e.spare }), (err: unknown) => (err as ApiError).status === 403 && /admin/.test((err as Error).message));
    assert.deepEqual(fs.readFileSync(file), original, 'a refused add writes nothing');
    assert.equal(audited('inventory-add', e.viewer.name).at(-1)?.outcome, 'refused', 'the refusal is audited under the viewer\'s name');
    await vscode.commands.executeCommand('parc.disconnectServer');

    await vscode.commands.executeCommand('parc.connectServer', { url: e.url, user: e.admin.name, password: e.admin.password });
    const remote = await waitFor('the remote estate (admin)', () => estate.remote);
    assert.equal(remote.user.role, 'admin');
    try {
      const added = (await vscode.commands.executeCommand('parc.addDevice', { host: '127.0.0.1', port: e.spare, name: 'admin-added', site: 'Lyon' })) as { host: string; port: number } | undefined;
      assert.equal(added?.port, e.spare, 'Add Device… answered with the new entry');
      const text = fs.readFileSync(file, 'utf8');
      assert.deepEqual(entryIn(file, key), { name: 'admin-added', site: 'Lyon' }, `the server wrote the entry into ${file}`);
      assert.ok(text.startsWith(original.toString('utf8').replace(/\n$/, '')), 'every byte before the new entry stays as written');
      assert.equal(audited('inventory-add', e.admin.name).at(-1)?.outcome, 'ok', 'the add is audited under the admin\'s name');
      const shown = await waitFor('the new device in the server\'s estate', () => estate.get(key), 30_000);
      assert.equal(shown.site, 'Lyon');

      assert.equal(await vscode.commands.executeCommand('parc.moveDevice', key, 'Paris'), true);
      assert.deepEqual(entryIn(file, key), { name: 'admin-added', site: 'Paris' });
      assert.equal(audited('inventory-site', e.admin.name).at(-1)?.detail, 'Paris');
      await waitFor('the device moved to Paris in this window', () => estate.get(key)?.site === 'Paris', 30_000);

      assert.equal(await vscode.commands.executeCommand('parc.removeDevice', key, { confirm: false }), true);
      await waitFor('the device gone from this window', () => !estate.get(key), 30_000);
      assert.equal(audited('inventory-remove', e.admin.name).at(-1)?.outcome, 'ok');
      assert.deepEqual(fs.readFileSync(file).toString('utf8'), original.toString('utf8'), 'add then remove leaves parc.yaml byte for byte as it was');
      console.log(`[attach] admin inventory edits through the server: add, move, remove of ${key}, audited as ${e.admin.name}; parc.yaml back to its ${original.length} bytes`);
    } finally {
      await vscode.commands.executeCommand('parc.disconnectServer');
    }
  });
});
