// UCD-SNMP-MIB as a fallback (net-snmp agents without HOST-RESOURCES processors or memory): the CPU from ssCpuIdle,
// memory pools from memTotalReal & co. Reads what the general `ucd` module already fetched: no SNMP traffic.
import type { DevicePoll, MempoolInfo, UcdInfo } from '../../types';
import { pool } from './util';

export function ucdMempools(u: UcdInfo): MempoolInfo[] {
  const out: MempoolInfo[] = [];
  const real = u.memTotalBytes;
  if (real !== undefined && u.memAvailBytes !== undefined && real > 0) {
    // memAvailReal is the kernel's MemFree: buffers and page cache are given back on demand, so they count as free.
    const free = Math.min(real, u.memAvailBytes + (u.memBufferBytes ?? 0) + (u.memCachedBytes ?? 0));
    out.push(pool({ index: 'ucd.1', description: 'Physical memory', type: 'ram', source: 'ucd', total: real, free }));
  }
  if (u.swapTotalBytes !== undefined && u.swapAvailBytes !== undefined && u.swapTotalBytes > 0) {
    out.push(pool({ index: 'ucd.2', description: 'Swap space', type: 'swap', source: 'ucd', total: u.swapTotalBytes, free: u.swapAvailBytes }));
  }
  if (real !== undefined && real > 0) {
    if (u.memBufferBytes !== undefined) out.push(pool({ index: 'ucd.3', description: 'Memory buffers', type: 'buffers', source: 'ucd', total: real, used: u.memBufferBytes }));
    if (u.memCachedBytes !== undefined) out.push(pool({ index: 'ucd.4', description: 'Cached memory', type: 'cached', source: 'ucd', total: real, used: u.memCachedBytes }));
    if (u.memSysAvailBytes !== undefined) out.push(pool({ index: 'ucd.5', description: 'Available memory', type: 'ram', source: 'ucd', total: real, free: u.memSysAvailBytes }));
  }
  return out;
}

/** Final stage: fill processors/mempools from UCD only where nothing better answered. */
export function ucdFallback(out: DevicePoll): void {
  const u = out.ucd;
  if (!u) return;
  if (!out.processors.length && u.cpuIdlePercent !== undefined && u.cpuIdlePercent >= 0 && u.cpuIdlePercent <= 100) {
    out.processors = [{ index: 0, loadPercent: 100 - u.cpuIdlePercent, description: 'CPU', source: 'ucd' }];
  }
  if (!out.mempools?.length) {
    const pools = ucdMempools(u);
    if (pools.length) out.mempools = pools;
  }
}
