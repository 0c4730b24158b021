// VMware ESXi: recognition, the identity LibreNMS shows (VMWARE-SYSTEM-MIB version, ENTITY-MIB row 1 model and
// serial), which modules run on it, and how its HOST-RESOURCES rows split (values written for this test).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectOs } from '../../../../src/core/poll/os-detect';
import { HOST_OSES } from '../../../../src/core/poll/os';
import { esxiIdentity, ESXI_OIDS } from '../../../../src/core/poll/modules/inventory/vmware';
import { osNameOf } from '../../../../src/core/poll/modules/inventory/os-name';
import { modulesFor } from '../../../../src/core/poll/modules/registry';
import { splitHrStorage, type HrStorageRow } from '../../../../src/core/poll/modules/health/hr-storage';
import { processorName } from '../../../../src/core/poll/modules/health/hr-processors';
import type { DevicePoll } from '../../../../src/core/poll/types';

const poll = (os: string): DevicePoll => ({
  host: 'h', port: 161, status: 'up', polledAt: '', durationMs: 0, interfaces: [], storage: [], processors: [], os, sysObjectID: '1.3.6.1.4.1.6876.4.1',
});

describe('VMware ESXi recognition', () => {
  it('vmwESX (enterprises.6876.4.1) is vmware-esxi, whatever the banner says', () => {
    assert.deepEqual(detectOs('1.3.6.1.4.1.6876.4.1', 'VMware ESXi 7.0.3 build-21930508 VMware, Inc. x86_64'), { os: 'vmware-esxi', vendor: 'VMware' });
    assert.deepEqual(detectOs('.1.3.6.1.4.1.6876.4.1', 'VMware ESXi 8.0.2 build-22380479 VMware, Inc. x86_64'), { os: 'vmware-esxi', vendor: 'VMware' });
    assert.equal(detectOs('1.3.6.1.4.1.6876.4.1', '').os, 'vmware-esxi');
  });

  it('the vCenter appliances are vmware-vcsa, other VMware products are not taken for ESXi', () => {
    assert.equal(detectOs('1.3.6.1.4.1.6876.4.7', 'VMware-vCenter-Server-Appliance 8.0.2.00100').os, 'vmware-vcsa');
    assert.equal(detectOs('1.3.6.1.4.1.8072.3.2.10', 'VMware-vCenter-Server-Appliance 7.0.3.01700').os, 'vmware-vcsa');
    assert.notEqual(detectOs('1.3.6.1.4.1.6876.4.3', 'VMware VirtualCenter').os, 'vmware-esxi');
    assert.notEqual(detectOs('1.3.6.1.4.1.6876.4.50', 'vRealize Operations').os, 'vmware-esxi');
  });
});

describe('VMware ESXi identity', () => {
  it('reads vmwProdVersion, entPhysicalDescr.1 and entPhysicalSerialNum.1', () => {
    assert.deepEqual(ESXI_OIDS, {
      version: '1.3.6.1.4.1.6876.1.2.0', model: '1.3.6.1.2.1.47.1.1.1.1.2.1', serial: '1.3.6.1.2.1.47.1.1.1.1.11.1',
    });
  });

  it('takes the values whole, as LibreNMS shows them (trimmed, placeholders kept)', () => {
    assert.deepEqual(esxiIdentity({ version: '7.0.3', model: 'PowerEdge R740 ', serial: '7XK2Q53' }), { hardware: 'PowerEdge R740', serial: '7XK2Q53', version: '7.0.3' });
    assert.deepEqual(esxiIdentity({ version: '8.0.2', model: 'To Be Filled By O.E.M.', serial: 'To Be Filled By O.E.M.' }), {
      hardware: 'To Be Filled By O.E.M.', serial: 'To Be Filled By O.E.M.', version: '8.0.2',
    });
    assert.deepEqual(esxiIdentity({ version: '6.7.0', model: '', serial: '  ' }), { hardware: undefined, serial: undefined, version: '6.7.0' });
    assert.deepEqual(esxiIdentity({ version: '6.5.0', model: 'ProLiant DL360 Gen9', serial: '0' }), { hardware: 'ProLiant DL360 Gen9', serial: undefined, version: '6.5.0' });
  });

  it('the OS name is "VMware ESXi <version>"', () => {
    assert.equal(osNameOf({ os: 'vmware-esxi', version: '7.0.3' }), 'VMware ESXi 7.0.3');
    assert.equal(osNameOf({ os: 'vmware-vcsa' }), 'VMware vCenter');
  });
});

describe('modules on an ESXi host', () => {
  const names = (stage: 'general' | 'vendor' | 'final') => modulesFor(stage, poll('vmware-esxi')).map((m) => m.name);

  it('is a general computer: no ENTITY-MIB chassis walk nor its fallback, its own identity module instead', () => {
    assert.ok(HOST_OSES.has('vmware-esxi') && HOST_OSES.has('vmware-vcsa'));
    assert.ok(!names('general').includes('entity'));
    assert.ok(!names('final').includes('inventory-entity'));
    assert.ok(names('vendor').includes('inventory-vmware-esxi'));
    assert.ok(!modulesFor('vendor', poll('linux')).some((m) => m.name === 'inventory-vmware-esxi'));
  });

  it('keeps the standard health and sensor modules (HOST-RESOURCES, ENTITY-SENSOR)', () => {
    for (const m of ['processors', 'storage', 'sensors.entity', 'interfaces']) assert.ok(names('general').includes(m), m);
  });
});

describe('ESXi HOST-RESOURCES rows', () => {
  const rows: HrStorageRow[] = [
    { index: 1, type: 'fixedDisk', description: '/vmfs/volumes/6389f0a1-2b4c5d6e-7f80-e4434b9a1c20', units: 1_048_576, size: 1_904_384, used: 1_123_457 },
    { index: 2, type: 'fixedDisk', description: '/vmfs/volumes/a3c1e5f2-63b8d7c4-2e19-0b6f7d3a5c01', units: 4096, size: 1_048_320, used: 41_216 },
    { index: 3, type: 'fixedDisk', description: '/vmfs/volumes/5d0e3b7a-9f21c4d8-6a3e-1f2b8c4d7e90', units: 1_048_576, size: 0, used: 0 },
    { index: 4, type: 'ram', description: 'Real Memory', units: 1024, size: 267_845_632, used: 166_064_292 },
  ];

  it('every mounted volume with a size is storage; Real Memory is the one memory pool', () => {
    const { storage, mempools } = splitHrStorage(rows);
    assert.deepEqual(storage.map((s) => s.description), ['/vmfs/volumes/6389f0a1-2b4c5d6e-7f80-e4434b9a1c20', '/vmfs/volumes/a3c1e5f2-63b8d7c4-2e19-0b6f7d3a5c01']);
    assert.equal(storage[0].sizeBytes, 1_904_384 * 1_048_576);
    assert.deepEqual(mempools.map((m) => [m.description, m.type, m.totalBytes]), [['Real Memory', 'ram', 267_845_632 * 1024]]);
  });

  it('ESXi 5.5 filed Real Memory under hrStorageTypes.20 (read as "other"): neither storage nor a pool, as in LibreNMS', () => {
    const { storage, mempools } = splitHrStorage([{ index: 8, type: 'other', description: 'Real Memory', units: 1024, size: 134_197_304, used: 90_000_000 }]);
    assert.deepEqual([storage, mempools], [[], []]);
  });

  it('processors are named from hrDeviceDescr like LibreNMS shortens them', () => {
    assert.equal(processorName('Intel(R) Xeon(R) Silver 4208 CPU @ 2.10GHz'), 'Intel Xeon Silver 4208 @ 2.10GHz');
  });
});
