// VMware ESXi hosts polled from our own recordings (test/fixtures/snmprec/esxi.ts) through snmpsim: what LibreNMS
// shows for them — os, model, serial and release, the datastores, one processor per logical CPU, the RAM pool.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { DevicePoll } from '../../../src/core/poll/types';
import { pollRecords, type PolledRecords } from '../../support/poll-records';
import { ESXI7_DELL, ESXI8_HPE, esxiRecord, type EsxiHost } from '../../fixtures/snmprec/esxi';

const HOSTS: Record<string, EsxiHost> = { 'esxi7-dell': ESXI7_DELL, 'esxi8-hpe': ESXI8_HPE };

describe('VMware ESXi through snmpsim', () => {
  let polled: PolledRecords | undefined;
  let polls = new Map<string, DevicePoll>();
  before(async () => {
    const records = Object.fromEntries(Object.entries(HOSTS).map(([k, h]) => [k, esxiRecord(h)]));
    polled = await pollRecords(records);
    polls = polled.polls;
  });
  after(async () => {
    await polled?.sim.stop();
  });

  for (const [name, h] of Object.entries(HOSTS)) {
    describe(name, () => {
      const p = () => polls.get(name)!;

      it('is vmware-esxi by VMware, with the server model and serial from ENTITY-MIB row 1 and the release', () => {
        assert.equal(p().status, 'up', p().error);
        assert.equal(p().moduleErrors, undefined);
        assert.deepEqual([p().os, p().vendor, p().hardware, p().serial, p().version, p().osName],
          ['vmware-esxi', 'VMware', h.model, h.serial, h.version, `VMware ESXi ${h.version}`]);
      });

      it('storage: every mounted volume under /vmfs/volumes, not the RAM', () => {
        assert.deepEqual(p().storage.map((s) => s.description), h.volumes.map(([uuid]) => `/vmfs/volumes/${uuid}`));
        const [, units, size, used] = h.volumes[0];
        assert.deepEqual([p().storage[0].sizeBytes, p().storage[0].usedBytes], [size * units, used * units]);
      });

      it('one processor per hrProcessorTable row, one memory pool: Real Memory', () => {
        assert.equal(p().processors.length, h.threads);
        assert.equal(p().processors[0].description, processorLabel(h.cpu));
        assert.deepEqual(p().mempools?.map((m) => [m.description, m.totalBytes]), [['Real Memory', h.ramKiB * 1024]]);
      });

      it('ports by ifName (vmnics, the vSwitch, VMkernel NICs); no sensors from MIBs the agent lacks', () => {
        assert.deepEqual(p().interfaces.map((i) => i.name), h.nics.map(([n]) => n));
        assert.deepEqual(p().sensors ?? [], []);
        assert.equal(p().ups, undefined);
        assert.equal(p().supplies, undefined);
      });
    });
  }
});

/** "Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz" as LibreNMS shortens it. */
function processorLabel(cpu: string): string {
  return cpu.replace(/\((TM|R)\)/g, '').replace('CPU ', '').replace(/\s{2,}/g, ' ');
}
