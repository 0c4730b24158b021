// The memory/storage split of hrStorageTable, processor names from hrDeviceDescr, the UCD fallback.
// Fixtures are written for these tests (the shapes net-snmp, JunOS, RouterOS and PAN-OS agents answer with).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitHrStorage, type HrStorageRow } from '../../../src/core/poll/modules/health/hr-storage';
import { processorName } from '../../../src/core/poll/modules/health/hr-processors';
import { ucdFallback, ucdMempools } from '../../../src/core/poll/modules/health/ucd';
import { percent, pool } from '../../../src/core/poll/modules/health/util';
import { fastpathCpu } from '../../../src/core/poll/modules/health/fastpath';
import { isPseudoFilesystem } from '../../../src/core/poll/modules/health/hr-storage';
import type { DevicePoll } from '../../../src/core/poll/types';

const row = (index: number, type: string, description: string, size: number, used: number, units = 1024): HrStorageRow => ({ index, type, description, units, size, used });

// A Debian host's net-snmp hrStorageTable (sizes in KiB blocks / 4 KiB blocks).
const LINUX: HrStorageRow[] = [
  row(1, 'ram', 'Physical memory', 8_000_000, 6_000_000),
  row(3, 'virtualMemory', 'Virtual memory', 10_000_000, 6_100_000),
  row(6, 'other', 'Memory buffers', 8_000_000, 200_000),
  row(7, 'other', 'Cached memory', 3_000_000, 3_000_000),
  row(8, 'other', 'Shared memory', 150_000, 150_000),
  row(10, 'virtualMemory', 'Swap space', 0, 0),
  row(31, 'fixedDisk', '/', 25_000_000, 5_000_000, 4096),
  row(36, 'fixedDisk', '/sys/fs/cgroup', 0, 0, 4096),
  row(40, 'fixedDisk', '/srv', 100_000, 95_000, 4096),
];

describe('hrStorageTable: memory is not storage', () => {
  it('RAM, virtual memory and net-snmp\'s buffers/cached/shared become memory pools; filesystems stay storage', () => {
    const { storage, mempools } = splitHrStorage(LINUX);
    assert.deepEqual(storage.map((s) => s.description), ['/', '/srv']);
    assert.deepEqual(mempools.map((m) => [m.index, m.description, m.type]), [
      ['hr.1', 'Physical memory', 'ram'], ['hr.3', 'Virtual memory', 'virtual'], ['hr.6', 'Memory buffers', 'buffers'],
      ['hr.7', 'Cached memory', 'cached'], ['hr.8', 'Shared memory', 'shared'],
    ]);
    assert.ok(!mempools.some((m) => m.description === 'Swap space'), 'no swap configured: no pool');
  });

  it('cached/shared are a share of the RAM, not "100 %" of themselves', () => {
    const { mempools } = splitHrStorage(LINUX);
    const cached = mempools.find((m) => m.type === 'cached')!;
    assert.equal(cached.totalBytes, 8_000_000 * 1024);
    assert.equal(cached.usedPercent, 37.5);
    const srv = splitHrStorage(LINUX).storage.find((s) => s.description === '/srv')!;
    assert.deepEqual([srv.sizeBytes, srv.usedPercent], [100_000 * 4096, 95]);
  });

  it('RAM and virtual memory in use leave out the buffers and page cache net-snmp lists apart (as `free` does)', () => {
    const { mempools } = splitHrStorage(LINUX);
    const ram = mempools.find((m) => m.type === 'ram')!;
    // 6,000,000 KiB used by net-snmp's count, of which 200,000 buffers and 3,000,000 cache.
    assert.deepEqual([ram.totalBytes, ram.usedBytes, ram.freeBytes, ram.usedPercent], [8_192_000_000, 2_867_200_000, 5_324_800_000, 35]);
    assert.equal(mempools.find((m) => m.type === 'virtual')!.usedPercent, 29);
    // An agent that lists no buffers or cache: its figure as it stands.
    const bare = splitHrStorage(LINUX.filter((r) => r.type !== 'other')).mempools.find((m) => m.type === 'ram')!;
    assert.equal(bare.usedPercent, 75);
  });

  it('RouterOS "main memory" is a pool; its "system disk" is storage; JunOS pseudo and package mounts are neither', () => {
    const routeros = splitHrStorage([row(65536, 'ram', 'main memory', 262_144, 51_072), row(131072, 'fixedDisk', 'system disk', 16_384, 11_672)]);
    assert.deepEqual([routeros.storage.map((s) => s.description), routeros.mempools.map((m) => m.description)], [['system disk'], ['main memory']]);
    const junos = splitHrStorage([
      row(1, 'fixedDisk', '/dev/da0s1a, mounted on: /', 452_940, 162_396),
      row(2, 'fixedDisk', 'devfs: dev file system, mounted on: /dev', 2, 2),
      row(3, 'fixedDisk', '/dev/md0, mounted on: /packages/mnt/jbase', 37_516, 37_516),
      row(4, 'virtualMemory', 'procfs: process file system, mounted on: /proc', 1, 1),
    ]);
    assert.deepEqual(junos.storage.map((s) => s.description), ['/dev/da0s1a, mounted on: /']);
    assert.deepEqual(junos.mempools, []);
  });

  it('PAN-OS data-plane packet pools are memory; other hrStorageOther rows (FreeBSD allocator stats) are neither', () => {
    const { storage, mempools } = splitHrStorage([
      row(1, 'other', 'Slot-1 Data Processor-0 Hardware Packet Buffers', 328_976, 384, 1),
      row(2, 'ram', 'Slot-1 Management Memory', 6_118_176, 2_920_240),
      row(3, 'other', 'MALLOC', 100, 50),
      row(4, 'other', 'Shared virtual memory', 43_884, 18_786),
      row(5, 'fixedDisk', 'Slot-1 Management Log Partition', 5_201_536, 3_880_980),
    ]);
    assert.deepEqual(mempools.map((m) => m.description), ['Slot-1 Data Processor-0 Hardware Packet Buffers', 'Slot-1 Management Memory']);
    assert.deepEqual(storage.map((s) => s.description), ['Slot-1 Management Log Partition']);
  });

  it('a printer\'s RAM is a pool, its flash and NVRAM are storage', () => {
    const { storage, mempools } = splitHrStorage([row(1, 'ram', 'RAM', 524_288, 200_000), row(2, 'flashMemory', 'SPIFlash', 2, 2)]);
    assert.deepEqual([mempools.map((m) => m.description), storage.map((s) => s.description)], [['RAM'], ['SPIFlash']]);
  });
});

describe('processor names from hrDeviceDescr', () => {
  it('keeps the model, drops vendor prefixes and trademark marks', () => {
    assert.equal(processorName('GenuineIntel: Intel(R) Xeon(R) CPU E5-2620 v4 @ 2.10GHz'), 'Intel Xeon E5-2620 v4 @ 2.10GHz');
    assert.equal(processorName('AuthenticAMD: AMD EPYC 7443P 24-Core Processor'), 'AMD EPYC 7443P 24-Core Processor');
    assert.equal(processorName('Intel(R) Core(TM) i5-8500 CPU @ 3.00GHz'), 'Intel Core i5-8500 @ 3.00GHz');
  });
  it('placeholders and empty names become "Processor", never a bare index', () => {
    for (const d of [undefined, '', 'Unknown Processor Type', 'An electronic chip that makes the computer work.']) assert.equal(processorName(d), 'Processor');
  });
});

describe('UCD fallback', () => {
  const base = (): DevicePoll => ({ host: 'h', port: 161, status: 'up', polledAt: '2026-01-01T00:00:00Z', durationMs: 1, interfaces: [], storage: [], processors: [] });
  it('memory pools from memTotalReal & co. where HOST-RESOURCES has none; swap only when configured', () => {
    const pools = ucdMempools({ memTotalBytes: 1000, memAvailBytes: 250, memBufferBytes: 100, memCachedBytes: 300, swapTotalBytes: 0, swapAvailBytes: 0 });
    // memAvailReal is MemFree: buffers and cache count as free, so 1000 − (250 + 100 + 300) is in use.
    assert.deepEqual(pools.map((p) => [p.description, p.usedPercent]), [['Physical memory', 35], ['Memory buffers', 10], ['Cached memory', 30]]);
  });
  it('the CPU from ssCpuIdle only when no processor table answered, and pools only when none were found', () => {
    const d = { ...base(), ucd: { cpuIdlePercent: 93, memTotalBytes: 1000, memAvailBytes: 500 } };
    ucdFallback(d);
    assert.deepEqual(d.processors, [{ index: 0, loadPercent: 7, description: 'CPU', source: 'ucd' }]);
    assert.equal(d.mempools?.length, 1);
    const hr = { ...base(), processors: [{ index: 196608, loadPercent: 3, description: 'Intel Xeon', source: 'hr' }], mempools: [pool({ index: 'hr.1', description: 'Physical memory', source: 'hr', total: 10, used: 5 })], ucd: { cpuIdlePercent: 50, memTotalBytes: 1000, memAvailBytes: 500 } };
    ucdFallback(hr);
    assert.deepEqual([hr.processors.length, hr.processors[0].source, hr.mempools.length, hr.mempools[0].source], [1, 'hr', 1, 'hr']);
  });
});

describe('pool()', () => {
  it('derives the missing one of total/used/free, or keeps a bare percentage', () => {
    assert.deepEqual(pool({ index: 'x', description: 'm', source: 's', used: 30, free: 70 }), { index: 'x', description: 'm', type: 'ram', source: 's', totalBytes: 100, usedBytes: 30, freeBytes: 70, usedPercent: 30 });
    assert.deepEqual(pool({ index: 'x', description: 'm', source: 's', percent: 56 }), { index: 'x', description: 'm', type: 'ram', source: 's', usedPercent: 56 });
  });
});

describe('vendor value parsing', () => {
  it('FASTPATH\'s CPU text gives the 5-minute figure, else the 1-minute one', () => {
    assert.equal(fastpathCpu('    5 Secs ( 96.4918%)   60 Secs ( 54.2271%)  300 Secs ( 38.2591%)'), 38.3);
    assert.equal(fastpathCpu('5 Secs ( 1.0%) 60 Secs ( 7.25%)'), 7.3);
    assert.equal(fastpathCpu('n/a'), undefined);
  });
  it('percentages are clamped and need a positive total', () => {
    assert.deepEqual([percent(5, 10), percent(12, 10), percent(1, 0), percent(undefined, 10)], [50, 100, undefined, undefined]);
  });
  it('pseudo-filesystems in any agent\'s wording', () => {
    for (const d of ['devfs: dev file system, mounted on: /dev', 'udev on /dev', 'proc on /proc', '/sys/fs/cgroup', '/dev']) assert.ok(isPseudoFilesystem(d), d);
    for (const d of ['/', '/dev/shm', '/run', '/dev/mapper/os-var on /var', 'system disk']) assert.ok(!isPseudoFilesystem(d), d);
  });
});
