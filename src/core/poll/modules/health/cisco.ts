// Cisco CPU and memory: CISCO-PROCESS-MIB (cpmCPUTotalTable, per-core cpmCoreTable), CISCO-ENHANCED-MEMPOOL-MIB,
// CISCO-MEMORY-POOL-MIB, CISCO-FLASH-MIB partitions as storage; small-business switches (Radlan rlCpuUtil) and wireless controllers (AIRESPACE agent*).
// CPUs are named from ENTITY-MIB entPhysicalName of cpmCPUTotalPhysicalIndex ("Switch 1", "module R0").
import type { SnmpClient } from '../../../snmp/client';
import { vbNumber, vbText } from '../../../snmp/values';
import type { DevicePoll, MempoolInfo, ProcessorInfo, StorageInfo } from '../../types';
import { getTolerant } from '../get-tolerant';
import type { PollModule } from '../registry';
import { column, columns, enterprise, num, pool, text, useMempools, useProcessors } from './util';

const cpmCPUTotalEntry = '1.3.6.1.4.1.9.9.109.1.1.1.1';
const cpmCoreEntry = '1.3.6.1.4.1.9.9.109.1.1.2.1';
const cempMemPoolEntry = '1.3.6.1.4.1.9.9.221.1.1.1.1';
const ciscoMemoryPoolEntry = '1.3.6.1.4.1.9.9.48.1.1.1';
const entPhysicalName = '1.3.6.1.2.1.47.1.1.1.1.7';
/** CISCO-FLASH-MIB: device names, and the partitions (name, 32-bit and HC size/free in bytes). */
const ciscoFlashDeviceName = '1.3.6.1.4.1.9.9.10.1.1.2.1.7';
const ciscoFlashPartitionEntry = '1.3.6.1.4.1.9.9.10.1.1.4.1.1';
const rlCpuUtilDuringLast5Minutes = '1.3.6.1.4.1.9.6.1.101.1.9.0';
const rlCpuUtilDuringLastMinute = '1.3.6.1.4.1.9.6.1.101.1.8.0';
const agentCurrentCPUUtilization = '1.3.6.1.4.1.14179.1.1.5.1.0';
const agentTotalMemory = '1.3.6.1.4.1.14179.1.1.5.2.0';
const agentFreeMemory = '1.3.6.1.4.1.14179.1.1.5.3.0';

async function names(client: SnmpClient, indexes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wanted = [...new Set(indexes.filter((i) => i !== '0'))];
  for (let i = 0; i < wanted.length; i += 32) {
    const chunk = wanted.slice(i, i + 32);
    const vbs = await getTolerant(client, chunk.map((x) => `${entPhysicalName}.${x}`));
    chunk.forEach((x, k) => { const n = vbText(vbs[k])?.trim(); if (n) out.set(x, n); });
  }
  return out;
}

async function processors(client: SnmpClient): Promise<ProcessorInfo[]> {
  const [cpus, cores] = await Promise.all([
    columns(client, { phys: `${cpmCPUTotalEntry}.2`, min5: `${cpmCPUTotalEntry}.5`, min5rev: `${cpmCPUTotalEntry}.8` }),
    column(client, `${cpmCoreEntry}.5`),
  ]);
  const physOf = (cpu: string) => String(num(cpus.get(cpu)?.phys) ?? 0);
  const label = await names(client, [...cpus.keys()].map(physOf));
  const cpuName = (cpu: string) => label.get(physOf(cpu)) ?? `CPU ${cpu}`;
  if (cores.size) {
    // One processor per core (cpmCoreTable, indexed cpmCPUTotalIndex.core), as the CLI's "show processes cpu" does.
    return [...cores].map(([idx, v], k) => {
      const [cpu, core] = idx.split('.');
      return { index: k + 1, loadPercent: num(v) ?? 0, description: `${cpuName(cpu)} core ${core}`, source: 'cisco' };
    });
  }
  return [...cpus].map(([cpu, r]) => ({
    index: Number(cpu), loadPercent: num(r.min5rev) ?? num(r.min5) ?? 0, description: cpuName(cpu), source: 'cisco',
  }));
}

async function mempools(client: SnmpClient): Promise<MempoolInfo[]> {
  const [cemp, legacy, cpm] = await Promise.all([
    columns(client, { name: `${cempMemPoolEntry}.3`, used: `${cempMemPoolEntry}.7`, free: `${cempMemPoolEntry}.8`, hcUsed: `${cempMemPoolEntry}.18`, hcFree: `${cempMemPoolEntry}.20` }),
    columns(client, { name: `${ciscoMemoryPoolEntry}.2`, used: `${ciscoMemoryPoolEntry}.5`, free: `${ciscoMemoryPoolEntry}.6` }),
    columns(client, { used: `${cpmCPUTotalEntry}.12`, free: `${cpmCPUTotalEntry}.13` }),
  ]);
  const valid = (m: MempoolInfo) => (m.totalBytes ?? 0) > 0;
  const fromCemp = [...cemp].map(([i, r]) => pool({
    index: `cemp.${i}`, description: text(r.name) ?? `Pool ${i}`, source: 'cisco',
    used: num(r.hcUsed) || num(r.used), free: num(r.hcFree) || num(r.free),
  })).filter(valid);
  if (fromCemp.length) return fromCemp;
  const fromLegacy = [...legacy].map(([i, r]) => pool({
    index: `cmp.${i}`, description: text(r.name) ?? `Pool ${i}`, source: 'cisco', used: num(r.used), free: num(r.free),
  })).filter(valid);
  if (fromLegacy.length) return fromLegacy;
  // cpmCPUMemoryUsed/Free (KB): the memory of each CPU, on IOS-XE devices without a pool table.
  return [...cpm].map(([i, r]) => pool({
    index: `cpm.${i}`, description: 'Processor memory', source: 'cisco',
    used: (num(r.used) ?? 0) * 1024, free: (num(r.free) ?? 0) * 1024,
  })).filter(valid);
}

/** Flash filesystems, named as the CLI shows them: "bootflash:", or "bootflash(sup-local):" when the partition has its own name. */
async function flash(client: SnmpClient): Promise<StorageInfo[]> {
  const [devices, parts] = await Promise.all([
    column(client, ciscoFlashDeviceName),
    columns(client, { name: `${ciscoFlashPartitionEntry}.10`, size: `${ciscoFlashPartitionEntry}.4`, free: `${ciscoFlashPartitionEntry}.5`, hcSize: `${ciscoFlashPartitionEntry}.13`, hcFree: `${ciscoFlashPartitionEntry}.14` }),
  ]);
  const out: StorageInfo[] = [];
  let k = 0;
  for (const [idx, r] of parts) {
    k++;
    const device = text(devices.get(idx.split('.')[0]));
    const part = text(r.name) ?? device ?? `flash${k}`;
    const size = num(r.hcSize) ?? num(r.size) ?? 0;
    const free = num(r.hcFree) ?? num(r.free) ?? 0;
    if (!(size > 0)) continue;
    const description = device && device !== part ? `${device}(${part}):` : `${part}:`;
    out.push({ index: k, description, type: 'flashMemory', sizeBytes: size, usedBytes: Math.max(0, size - free), usedPercent: Math.round((Math.max(0, size - free) / size) * 1000) / 10 });
  }
  return out;
}

/** Small-business switches and wireless controllers: one CPU figure (and memory) as scalars. */
async function scalars(client: SnmpClient, out: DevicePoll): Promise<void> {
  const [sb5, sb1, wlcCpu, wlcTotal, wlcFree] = await getTolerant(client, [
    rlCpuUtilDuringLast5Minutes, rlCpuUtilDuringLastMinute, agentCurrentCPUUtilization, agentTotalMemory, agentFreeMemory,
  ]);
  const sb = vbNumber(sb5) ?? vbNumber(sb1);
  const wlc = vbNumber(wlcCpu);
  if (!out.processors.length && (sb ?? wlc) !== undefined) out.processors = [{ index: 0, loadPercent: (sb ?? wlc)!, description: 'CPU', source: 'cisco' }];
  const total = vbNumber(wlcTotal);
  const free = vbNumber(wlcFree);
  if (!out.mempools?.length && total) out.mempools = [pool({ index: 'wlc.0', description: 'Memory', source: 'cisco', total: total * 1024, free: (free ?? 0) * 1024 })];
}

export const ciscoHealth: PollModule = {
  name: 'cisco-health', stage: 'vendor',
  applies: (out) => enterprise(out, 9, 14179),
  async run(client, out) {
    const [cpus, pools, disks] = await Promise.all([processors(client), mempools(client), flash(client)]);
    useProcessors(out, cpus);
    useMempools(out, pools);
    out.storage = [...out.storage, ...disks];
    if (!out.processors.length || !out.mempools?.length) await scalars(client, out);
  },
};
