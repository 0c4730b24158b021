import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pollInterfaces } from '../../../src/core/poll/modules/interfaces';
import { pollHrStorage } from '../../../src/core/poll/modules/health/hr-storage';
import { engineAlertEvents } from '../../../src/core/monitor/engine-alerts';
import { openAlerts } from '../../../src/core/monitor/alerts';
import type { DevicePoll } from '../../../src/core/poll/types';
import type { Sample } from '../../../src/core/prometheus/api';
import { engineAlert, exporterReason } from '../../../src/core/prometheus/poller';
import { SnapshotClient, varbindsFromSamples } from '../../../src/core/prometheus/snapshot-client';

const s = (name: string, labels: Record<string, string>, value = 1): Sample => ({ metric: { __name__: name, job: 'parc-snmp', parc_key: 'k', ...labels }, time: 1, value });
const target = { host: 'h', port: 161, profile: { name: 'p', version: '2c' as const, timeoutMs: 1, retries: 0 } };

describe('Prometheus samples back to varbinds', () => {
  it('rebuilds ifTable/ifXTable rows (lookups from labels, 64-bit counters, MAC) that the interface module reads', async () => {
    const lk = { ifIndex: '3', ifName: 'Gi0/3', ifDescr: 'GigabitEthernet0/3' };
    const samples = [
      s('ifOperStatus', lk, 2), s('ifAdminStatus', lk, 1), s('ifSpeed', lk, 4294967295), s('ifHighSpeed', lk, 10000),
      s('ifHCInOctets', lk, 2 ** 40), s('ifHCOutOctets', lk, 7), s('ifAlias', { ...lk, ifAlias: 'uplink «core»' }),
      s('ifPhysAddress', { ...lk, ifPhysAddress: '00:1a:2b:3c:4d:5e' }), s('ifType', lk, 6), s('ifMtu', lk, 1500),
    ];
    const ifs = await pollInterfaces(new SnapshotClient(target, varbindsFromSamples(samples)));
    assert.deepEqual(ifs, [{
      ifIndex: 3, name: 'Gi0/3', descr: 'GigabitEthernet0/3', alias: 'uplink «core»', type: 6, adminStatus: 'up', operStatus: 'down',
      speedBps: 10e9, mtu: 1500, mac: '00:1a:2b:3c:4d:5e', inOctets: 2 ** 40, outOctets: 7, inErrors: undefined, outErrors: undefined, counterBits: 64,
    }]);
  });

  it('rebuilds hrStorage rows with their OID-valued type', async () => {
    const lk = { hrStorageIndex: '31', hrStorageDescr: '/', hrStorageType: '1.3.6.1.2.1.25.2.1.4' };
    const { storage: st } = await pollHrStorage(new SnapshotClient(target, varbindsFromSamples([s('hrStorageAllocationUnits', lk, 4096), s('hrStorageSize', lk, 1000), s('hrStorageUsed', lk, 250)])));
    assert.deepEqual(st.map((x) => ({ index: x.index, description: x.description, type: x.type, sizeBytes: x.sizeBytes, usedBytes: x.usedBytes, usedPercent: x.usedPercent })), [{ index: 31, description: '/', type: 'fixedDisk', sizeBytes: 4096000, usedBytes: 1024000, usedPercent: 25 }]);
  });

  it('encodes string indexes (nsExtendToken) as length + bytes, and answers missing OIDs as noSuchObject', async () => {
    const c = new SnapshotClient(target, varbindsFromSamples([s('nsExtendOutput1Line', { nsExtendToken: 'distro', nsExtendOutput1Line: 'Debian 12' })]));
    const [vb, missing] = await c.get(['1.3.6.1.4.1.8072.1.3.2.3.1.1.6.100.105.115.116.114.111', '1.3.6.1.2.1.1.5.0']);
    assert.equal(vb.value, 'Debian 12');
    assert.equal(missing.type, 128);
  });

  it('an all-zero exported MAC (the agent had none) is no MAC', async () => {
    const lk = { ifIndex: '1', ifName: 'lo', ifDescr: 'lo' };
    const ifs = await pollInterfaces(new SnapshotClient(target, varbindsFromSamples([s('ifOperStatus', lk), s('ifPhysAddress', { ...lk, ifPhysAddress: '00:00:00:00:00:00' })])));
    assert.equal(ifs[0].mac, undefined);
  });
});

describe('scrape errors and Alertmanager alerts', () => {
  it('finds snmp_exporter\'s reason inside the quoted 500 body', () => {
    const vm = 'unexpected status code returned when scraping "http://e/snmp?target=x": 500; expecting 200; response body: "An error has occurred while serving metrics:\\n\\nerror collecting metric Desc{fqName: \\"snmp_error\\", help: \\"Error scraping target\\", constLabels: {}, variableLabels: []}: error getting target 127.0.0.1: request timeout (after 3 retries)\\n"';
    assert.deepEqual(exporterReason(vm), { reason: 'request timeout (after 3 retries)', kind: 'timeout' });
    assert.equal(exporterReason('server returned HTTP status 500 Internal Server Error').kind, 'protocol');
    assert.match(exporterReason('server returned HTTP status 500 Internal Server Error').reason, /its log says why/);
  });

  it('an alert\'s identity is its name plus the labels that are not the device\'s', () => {
    const a = engineAlert({ labels: { alertname: 'ParcPortDown', device: 'sw', parc_key: 'k', ifIndex: '4', ifName: 'Gi0/4', severity: 'warning', job: 'parc-snmp' }, annotations: { summary: 'sw Gi0/4 is down' }, startsAt: '2026-01-01T00:00:00Z', status: { state: 'active', silencedBy: [], inhibitedBy: [] } });
    assert.deepEqual(a, { id: 'ParcPortDown ifIndex=4 ifName=Gi0/4', name: 'ParcPortDown', severity: 'warning', summary: 'sw Gi0/4 is down', since: '2026-01-01T00:00:00Z' });
  });

  it('alerts that start and clear become events, and an open one is an open Parc alert', () => {
    const poll = (t: string, alerts?: DevicePoll['engineAlerts']): DevicePoll => ({ host: 'h', port: 161, status: 'up', polledAt: t, durationMs: 0, interfaces: [], storage: [], processors: [], engineAlerts: alerts });
    const al = { id: 'ParcStorageHigh hrStorageIndex=31', name: 'ParcStorageHigh', severity: 'warning' as const, summary: 'nas / is 93% full', since: 't0' };
    const start = engineAlertEvents(poll('t1', []), poll('t2', [al]), 'k', 'nas');
    assert.deepEqual(start.map((e) => [e.type, e.severity, e.entity]), [['engine-alert', 'warning', al.id]]);
    assert.equal(engineAlertEvents(poll('t2', [al]), poll('t3', undefined), 'k', 'nas').length, 0, 'no Alertmanager answer: nothing decided');
    const end = engineAlertEvents(poll('t3', [al]), poll('t4', []), 'k', 'nas');
    assert.deepEqual(end.map((e) => e.type), ['engine-alert-resolved']);
    const startEvent = { ...start[0], time: '2026-01-01T00:00:00Z' };
    assert.equal(openAlerts([startEvent], Date.parse('2026-01-01T01:00:00Z')).length, 1);
    assert.equal(openAlerts([startEvent, { ...end[0], time: '2026-01-01T00:10:00Z' }], Date.parse('2026-01-01T01:00:00Z')).length, 0);
  });
});
