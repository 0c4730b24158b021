// The server side of the server bench, in a process of its own (so its RSS and CPU are its own, and the 50
// clients' parsing does not run on its event loop): a ParcServer over an estate of N devices whose poll lease is
// held by a stand-in `parc watch` (so nothing is polled: the hosts are loopback addresses nobody answers on).
// BENCH_SERVER_LIB names a bundle of another commit's server (the baseline); otherwise today's code.
// Talks to the parent over stdout/stdin, one JSON line each: ready {port, token}; "change" → changed {at};
// "rss" → rss {rss}.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as readline from 'node:readline';
import { silentLogger, systemClock, type SecretSource } from '../src/core/host';
import type { DeviceRecord } from '../src/core/state/types';

export interface ServerLib {
  ParcServer: typeof import('../src/server/app').ParcServer;
  EstateRunner: typeof import('../src/core/monitor/estate-runner').EstateRunner;
  FileStateStore: typeof import('../src/core/state/file-store').FileStateStore;
  LocalAccounts: typeof import('../src/core/auth/accounts').LocalAccounts;
  PollLease: typeof import('../src/core/schedule/poll-lease').PollLease;
  SnmpPoller: typeof import('../src/core/poll/poller').SnmpPoller;
  parseInventory: typeof import('../src/core/inventory/parse').parseInventory;
}

function currentLib(): ServerLib {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    ParcServer: require('../src/server/app').ParcServer,
    EstateRunner: require('../src/core/monitor/estate-runner').EstateRunner,
    FileStateStore: require('../src/core/state/file-store').FileStateStore,
    LocalAccounts: require('../src/core/auth/accounts').LocalAccounts,
    PollLease: require('../src/core/schedule/poll-lease').PollLease,
    SnmpPoller: require('../src/core/poll/poller').SnmpPoller,
    parseInventory: require('../src/core/inventory/parse').parseInventory,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

const DEVICES = Number(process.env.BENCH_SERVER_DEVICES ?? 10_000);
/** Devices a poll changes. */
const CHANGED = 100;

/** Device i: a loopback address (127.1.0.0/16 and up), never polled. */
export function hostOf(i: number): string {
  return `127.${1 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
}

function record(i: number, status: 'up' | 'down', at: string): DeviceRecord {
  const last = { host: hostOf(i), port: 161, status, polledAt: at, durationMs: 12, sysName: `dev${i}`, osName: 'Linux 6.1', hardware: 'x86_64', interfaces: [], storage: [], processors: [], ...(status === 'down' ? { error: 'no answer' } : {}) };
  return { last: last as unknown as DeviceRecord['last'], lastUp: last as unknown as DeviceRecord['last'], statusSince: at };
}

const noSecrets: SecretSource = { get: async () => undefined };

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib: ServerLib = process.env.BENCH_SERVER_LIB ? require(process.env.BENCH_SERVER_LIB) : currentLib();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-server-bench-'));
  const yaml = `sites:\n${Array.from({ length: 50 }, (_, s) => `  - { region: R${s % 5}, name: S${s}, subnets: [127.1.${s}.0/24] }`).join('\n')}\ndevices:\n${Array.from({ length: DEVICES }, (_, i) => `  - { host: ${hostOf(i)}, name: dev${i} }`).join('\n')}\n`;
  const file = path.join(dir, 'parc.yaml');
  fs.writeFileSync(file, yaml);
  const parsed = lib.parseInventory(yaml, file);
  if (!parsed.inventory) throw new Error(`bench inventory: ${JSON.stringify(parsed.diagnostics)}`);
  const inv = { ...parsed.inventory, file };
  const store = new lib.FileStateStore(path.join(dir, '.parc'));
  const at = new Date().toISOString();
  const records = new Map<string, DeviceRecord>();
  for (let i = 0; i < DEVICES; i++) records.set(`${hostOf(i)}:161`, record(i, 'up', at));
  await store.saveDevices(records);
  await new lib.LocalAccounts(store.dir).set('bench', 'viewer', 'bench-password-1');
  // The poller is another process (a `parc watch`): this server follows its state files.
  const holder = new lib.PollLease({ stateDir: store.dir, kind: 'watch', clock: systemClock, logger: silentLogger });
  if (!(await holder.start())) throw new Error('the stand-in poller did not get the lease');
  const runner = new lib.EstateRunner({ kind: 'serve', inventory: () => inv, poller: new lib.SnmpPoller({ secrets: noSecrets }), store, secrets: noSecrets, clock: systemClock, logger: silentLogger });
  const server = new lib.ParcServer({ version: 'bench', runner, inventory: () => inv, secrets: noSecrets, clock: systemClock, logger: silentLogger });
  await server.init();
  await runner.start();
  if (runner.holding) throw new Error('the server took the poll lease: it would poll');
  const address = await server.app.listen({ host: '127.0.0.1', port: 0 });
  const port = Number(new URL(address).port);
  const say = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);
  say({ ready: true, port, user: 'bench', password: 'bench-password-1' });
  let round = 0;
  for await (const line of readline.createInterface({ input: process.stdin })) {
    if (line === 'change') {
      // A poll's changes as the holder writes them: CHANGED devices go down (a different set each round).
      round++;
      const changed = new Map(records);
      const now = new Date().toISOString();
      for (let i = 0; i < CHANGED; i++) changed.set(`${hostOf(round * CHANGED + i)}:161`, record(round * CHANGED + i, 'down', now));
      await store.saveDevices(changed);
      say({ changed: true, at: performance.timeOrigin + performance.now(), last: `dev${round * CHANGED + CHANGED - 1}` });
      runner.refresh(); // what the file watcher does (its stat interval is not what is measured)
    } else if (line === 'rss') {
      global.gc?.();
      say({ rss: process.memoryUsage().rss });
    } else if (line === 'stop') break;
  }
  await server.close();
  await runner.stop();
  await holder.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
