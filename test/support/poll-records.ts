// Our own recordings served by one snmpsim and polled once each, the community being the record's name: the set-up of
// the vendor tests (printer/UPS, QNAP, Ricoh, ESXi …).
import { SnmpPoller } from '../../src/core/poll/poller';
import type { DevicePoll } from '../../src/core/poll/types';
import { MapSecrets } from './estate';
import { startSnmpsim, type RunningSnmpsim } from './snmpsim';

export interface PolledRecords {
  polls: Map<string, DevicePoll>;
  sim: RunningSnmpsim;
}

export async function pollRecords(records: Record<string, string[]>, o: { timeoutMs?: number } = {}): Promise<PolledRecords> {
  const sim = await startSnmpsim({ records });
  const names = Object.keys(records);
  const poller = new SnmpPoller({ secrets: new MapSecrets(Object.fromEntries(names.map((n) => [n, n]))), concurrency: Math.min(8, names.length) });
  const results = await poller.poll(names.map((n) => ({
    device: { host: '127.0.0.1', port: sim.port, name: n, line: 0 },
    profile: { name: n, version: '2c', credential: n, timeoutMs: o.timeoutMs ?? 3000, retries: 1 },
  })));
  return { sim, polls: new Map(results.map((r) => [r.name!, r])) };
}
