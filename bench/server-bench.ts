// parc serve benchmark: 10,000 devices in the state files, a real ParcServer on loopback (fastify, HTTP).
// Figures: GET /api/devices time; time until 50 live SSE clients all have a poll's changes (devices.json
// rewritten by the poll holder, followed by the server); server RSS at 10,000 devices. Prints; asserts nothing.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LocalAccounts } from '../src/core/auth/accounts';
import { silentLogger, systemClock } from '../src/core/host';
import { EstateRunner } from '../src/core/monitor/estate-runner';
import { SnmpPoller } from '../src/core/poll/poller';
import { FileStateStore } from '../src/core/state/file-store';
import type { DeviceRecord } from '../src/core/state/types';
import { ParcServer } from '../src/server/app';
import { inventoryFrom, MapSecrets } from '../test/support/estate';
import { Api, openStream } from '../test/support/parc-serve';
import { freeTcpPort } from '../test/support/ports';

const DEVICES = Number(process.env.BENCH_SERVER_DEVICES ?? 10_000);
const CLIENTS = Number(process.env.BENCH_SSE_CLIENTS ?? 50);

function record(i: number, status: 'up' | 'down', at: string): DeviceRecord {
  const last = { host: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, port: 161, status, polledAt: at, durationMs: 12, sysName: `dev${i}`, osName: 'Linux 6.1', hardware: 'x86_64', interfaces: [], storage: [], processors: [] };
  return { last: last as unknown as DeviceRecord['last'], lastUp: last as unknown as DeviceRecord['last'], statusSince: at };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-server-bench-'));
  const yaml = `sites:\n${Array.from({ length: 50 }, (_, s) => `  - { region: R${s % 5}, name: S${s}, subnets: [10.0.${s}.0/24] }`).join('\n')}\ndevices:\n${Array.from({ length: DEVICES }, (_, i) => `  - { host: ${record(i, 'up', '').last.host}, name: dev${i} }`).join('\n')}\n`;
  fs.writeFileSync(path.join(dir, 'parc.yaml'), yaml);
  const inv = { ...inventoryFrom(yaml), file: path.join(dir, 'parc.yaml') };
  const store = new FileStateStore(path.join(dir, '.parc'));
  const at = new Date().toISOString();
  const records = new Map<string, DeviceRecord>();
  for (let i = 0; i < DEVICES; i++) records.set(`${record(i, 'up', at).last.host}:161`, record(i, 'up', at));
  await store.saveDevices(records);
  await new LocalAccounts(store.dir).set('bench', 'viewer', 'bench-password-1');
  const secrets = new MapSecrets({});
  const runner = new EstateRunner({ kind: 'serve', inventory: () => inv, poller: new SnmpPoller({ secrets }), store, secrets, clock: systemClock, logger: silentLogger, followMs: 50 });
  const server = new ParcServer({ version: 'bench', runner, inventory: () => inv, secrets, clock: systemClock, logger: silentLogger });
  const rssBefore = process.memoryUsage().rss;
  await runner.start();
  await runner.lease.stop(); // measure serving, not polling: nobody polls the fake estate
  await runner.monitor.stop();
  await server.init();
  const port = await freeTcpPort();
  await server.app.listen({ host: '127.0.0.1', port });
  const api = new Api({ url: `http://127.0.0.1:${port}` });
  await api.login('bench', 'bench-password-1');

  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    const r = await api.call<unknown[]>('GET', '/api/devices');
    times.push(performance.now() - t0);
    if (r.body.length !== DEVICES) throw new Error(`got ${r.body.length} devices`);
  }
  times.sort((a, b) => a - b);
  const streams = await Promise.all(Array.from({ length: CLIENTS }, () => openStream(api.target, api.token!)));
  await Promise.all(streams.map((s) => s.waitFor((m) => m.event === 'hello')));
  // A poll's changes: 100 devices go down; the holder rewrites devices.json, the server follows it.
  const changed = new Map(records);
  for (let i = 0; i < 100; i++) changed.set(`${record(i, 'up', at).last.host}:161`, record(i, 'down', new Date().toISOString()));
  const t0 = performance.now();
  await store.saveDevices(changed);
  runner.refresh();
  await Promise.all(streams.map((s) => s.waitFor((m) => m.event === 'device' && (m.data as { name: string; status: string }).name === 'dev99' && (m.data as { status: string }).status === 'down', 60_000)));
  const fanout = performance.now() - t0;
  const rss = process.memoryUsage().rss;
  console.log(`server bench: ${DEVICES} devices, ${CLIENTS} SSE clients`);
  console.log(`  GET /api/devices: median ${times[10].toFixed(1)} ms, p95 ${times[18].toFixed(1)} ms (${DEVICES} devices)`);
  console.log(`  a poll's changes (100 devices down) reached all ${CLIENTS} SSE clients in ${fanout.toFixed(0)} ms (devices.json written → last client has dev99)`);
  console.log(`  RSS: ${(rss / 1048576).toFixed(0)} MiB with ${DEVICES} devices (${((rss - rssBefore) / 1048576).toFixed(0)} MiB above the bench process before the server started)`);
  streams.forEach((s) => s.close());
  await server.close();
  await runner.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
