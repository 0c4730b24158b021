// What the benchmarks share: CPU clocks (own process, waited-for children, another process by pid), the snmpd
// agents serving N device entries on loopback, and the inventory of those entries.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { profileFor } from '../src/core/inventory/parse';
import type { Inventory } from '../src/core/inventory/types';
import type { PollTarget } from '../src/core/poll/poller';
import { freeUdpPort } from '../test/support/ports';
import { startSnmpd, type RunningSnmpd } from '../test/support/snmpd';
import { inventoryFrom } from '../test/support/estate';

/** Fields of /proc/PID/stat after the command name: field N (1-based, man proc) is at index N - 3. */
function statFields(pid: number | 'self'): string[] {
  const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return s.slice(s.lastIndexOf(') ') + 2).split(' ');
}
/** Clock ticks of /proc are 1/100 s on Linux. */
const TICK_MS = 10;

/** CPU (user + system) of this process, ms. */
export function selfCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** CPU of the waited-for children of this process (cutime + cstime), ms. */
export function childrenCpuMs(): number {
  const f = statFields('self');
  return (Number(f[13]) + Number(f[14])) * TICK_MS;
}

/** CPU of another process (utime + stime), ms. */
export function cpuOfPid(pid: number): number {
  const f = statFields(pid);
  return (Number(f[11]) + Number(f[12])) * TICK_MS;
}

export interface BenchAgents {
  agents: RunningSnmpd[];
  /** One UDP port per device entry. */
  endpoints: number[];
  /** CPU used so far by the snmpd processes, ms (what the pollers' requests cost the agents). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** `devices` device entries served by `count` snmpd instances on 127.0.0.1, one port per entry. */
export async function startBenchAgents(devices: number, count: number, community: string): Promise<BenchAgents> {
  const perAgent = Math.ceil(devices / count);
  const agents: RunningSnmpd[] = [];
  const stop = () => Promise.all(agents.map((a) => a.stop())).then(() => undefined);
  try {
    for (let a = 0; a < count; a++) {
      const ports: number[] = [];
      while (ports.length < perAgent) {
        const p = await freeUdpPort();
        if (!ports.includes(p) && !agents.some((ag) => ag.ports.includes(p))) ports.push(p);
      }
      agents.push(await startSnmpd({ community, ports }));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  const pids = agents.map((a) => Number(readFileSync(path.join(a.dir, 'snmpd.pid'), 'utf8').trim()));
  const cpuMs = () => pids.reduce((sum, pid) => sum + cpuOfPid(pid), 0);
  return { agents, endpoints: agents.flatMap((a) => a.ports).slice(0, devices), cpuMs, stop };
}

/** The inventory of the endpoints (one v2c device each, named dev0…, credential `ro`) and its poll targets. */
export function benchInventory(endpoints: number[]): { inventory: Inventory; targets: PollTarget[] } {
  const inventory = inventoryFrom(`snmp: { default: v2, profiles: { v2: { version: 2c, credential: ro, timeoutMs: 5000, retries: 1 } } }
devices:
${endpoints.map((port, i) => `  - { host: 127.0.0.1, port: ${port}, name: dev${i} }`).join('\n')}
`);
  return { inventory, targets: inventory.devices.map((device) => ({ device, profile: profileFor(inventory, device) })) };
}
