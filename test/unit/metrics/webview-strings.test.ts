// Every word the device page and the dashboard ask to be translated is in the extension's table
// (src/extension/webviews/strings.ts), whose entries the l10n test checks against the French bundle: so the
// webviews are French wherever VS Code is. The words are collected by rendering pages with every section.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MetricStore } from '../../../src/core/metrics/store';
import { reportSamples } from '../../../src/core/metrics/samples';
import { dashboardModel } from '../../../src/core/metrics/views/dashboard-model';
import { dashboardHtml } from '../../../src/core/metrics/views/dashboard-html';
import { devicePageModel } from '../../../src/core/metrics/views/device-model';
import { deviceHtml } from '../../../src/core/metrics/views/device-html';
import { english, type Translate } from '../../../src/core/metrics/views/strings';
import type { DeviceReport } from '../../../src/core/monitor/cycle';
import type { DevicePoll } from '../../../src/core/poll/types';
import type { DeviceRecord } from '../../../src/core/state/types';
import { inventoryFrom } from '../../support/estate';

const root = path.resolve(__dirname, '../../../..');
const NOW = Date.UTC(2026, 0, 10, 12);
const iso = (ms: number) => new Date(ms).toISOString();

function table(): Set<string> {
  const text = fs.readFileSync(path.join(root, 'src', 'extension', 'webviews', 'strings.ts'), 'utf8');
  return new Set([...text.matchAll(/\['((?:[^'\\]|\\.)*)', vscode\.l10n\.t\(/g)].map((m) => m[1].replace(/\\(.)/g, '$1')));
}

describe('webview words', () => {
  it('every string the pages translate is in the extension\'s table (hence checked for French)', () => {
    const asked = new Set<string>();
    const t: Translate = (s, ...a) => {
      asked.add(s);
      return english(s, ...a);
    };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parc-strings-'));
    const store = MetricStore.open(dir, { now: () => NOW });
    try {
      const full: Partial<DevicePoll> = {
        hardware: 'Smart-UPS 1500', pageCount: 10, version: '1', vendor: 'APC', sysLocation: 'Lille',
        ups: { status: 'onBattery', batteryChargePercent: 64, runtimeMinutes: 21.5, loadPercent: 37.8, inputVoltage: 0, outputVoltage: 230, replaceBattery: true, source: 'apc' },
        sensors: [{ class: 'temperature', index: 'a', description: 'Battery temperature', value: 52, unit: '°C', limitHigh: 45 }, { class: 'fanspeed', index: 'f', description: 'Fan', value: 3000, unit: 'rpm' }],
        supplies: [{ index: 'm', description: 'Black', type: 'toner', levelPercent: 4 }],
        interfaces: [{ ifIndex: 1, name: 'eth0', adminStatus: 'up', operStatus: 'up', counterBits: 64, speedBps: 1e9, inBps: 1e6 }, { ifIndex: 2, name: 'eth1', adminStatus: 'up', operStatus: 'up', counterBits: 64, speedBps: 1e9 }],
        storage: [{ index: 31, description: '/', type: 'fixedDisk', sizeBytes: 1e11, usedBytes: 9.8e10, usedPercent: 98 }],
        processors: [{ index: 1, loadPercent: 95 }], mempools: [{ index: 'm', description: 'RAM', type: 'ram', totalBytes: 2 ** 30, usedPercent: 40 }],
      };
      const poll = (host: string, status: 'up' | 'down', at: number): DevicePoll => ({ host, port: 161, name: host, status, polledAt: iso(at), durationMs: 80, uptimeSeconds: 3600, ...(status === 'down' ? { error: 'no answer', interfaces: [], storage: [], processors: [] } : full) } as DevicePoll);
      for (let k = 0; k < 6; k++) {
        const r = { ...poll('ups1', 'up', NOW - (6 - k) * 300_000), key: 'ups1:161', region: 'R', site: 'S', siteReason: 'none', siteExplanation: '', statusSince: iso(NOW - 3_600_000), rebooted: false } as DeviceReport;
        store.record(reportSamples(r, new Map()));
      }
      for (const [last, since] of [[poll('ups1', 'up', NOW - 60_000), iso(NOW - 3_600_000)], [poll('ups1', 'down', NOW - 60_000), iso(NOW - 60_000)], [undefined, undefined]] as const) {
        for (const s of [store, undefined]) {
          const m = devicePageModel({ key: 'ups1:161', name: 'ups1', host: 'ups1', port: 1161, last, statusSince: since, region: 'R', site: 'S', siteExplanation: '', events: [], store: s, now: NOW, t });
          deviceHtml(m, { nonce: 'n', uplotJs: '', uplotCss: '' });
        }
      }
      const inv = inventoryFrom('sites:\n  - { region: R, name: S, coordinates: [50.6, 3.0] }\n  - { region: R, name: T }\ndevices:\n  - { host: ups1, name: ups1, site: S }\n  - { host: d1, name: d1, site: T }\n  - { host: n1, name: n1, site: S }\n');
      const records = new Map<string, DeviceRecord>([['ups1:161', { last: poll('ups1', 'up', NOW - 60_000), statusSince: iso(NOW - 3_600_000) }], ['d1:161', { last: poll('d1', 'down', NOW - 60_000), statusSince: iso(NOW - 7_200_000) }]]);
      const alerts = [{ time: iso(NOW - 600_000), type: 'down' as const, severity: 'critical' as const, device: 'd1:161', deviceName: 'd1', message: 'd1 is down' }];
      for (const map of [{}, { tiles: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' }]) dashboardHtml(dashboardModel({ inventory: inv, records, alerts, now: NOW }), { nonce: 'n', map, text: { t } });
      dashboardHtml(dashboardModel({ inventory: inventoryFrom('devices: []\n'), records: new Map(), alerts: [], now: NOW }), { nonce: 'n', text: { t } });
    } finally {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const known = table();
    assert.ok(asked.size > 80, `collected ${asked.size} strings`);
    const missing = [...asked].filter((s) => !known.has(s)).sort();
    assert.deepEqual(missing, [], `add these to src/extension/webviews/strings.ts (and their French to l10n/bundle.l10n.fr.json):\n${missing.join('\n')}`);
  });
});
