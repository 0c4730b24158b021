import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { parseInventory } from '../../../src/core/inventory/parse';
import type { Inventory } from '../../../src/core/inventory/types';
import { exporterConfig, exporterFormat } from '../../../src/core/prometheus/exporter-config';
import { prometheusExport } from '../../../src/core/prometheus/export';
import { prometheusConfig } from '../../../src/core/prometheus/scrape-config';
import { targetFiles } from '../../../src/core/prometheus/targets';
import { MapSecrets } from '../../support/estate';

const YAML = `sites:
  - { region: Île-de-France, name: Suresnes HQ, subnets: [10.1.0.0/16] }
  - { region: Normandie, name: Caen }
snmp:
  default: office
  profiles:
    office: { version: 2c, credential: office }
    secure: { version: 3, user: parc, level: authPriv, auth: sha256, priv: aes256c, authCredential: a, privCredential: p, context: ctx, timeoutMs: 3000, retries: 2 }
    unused: { version: 1, credential: none }
devices:
  - { host: 10.1.2.3, name: core-sw1, profile: secure }
  - { host: 10.9.9.9, name: caen-ups, site: Caen }
  - { host: "2001:db8::1", port: 1161, name: v6 }
`;

function inv(text = YAML): Inventory {
  const r = parseInventory(text, '/x/parc.yaml');
  assert.ok(r.inventory, JSON.stringify(r.diagnostics));
  return r.inventory;
}
const secrets = new MapSecrets({ office: 'pub-secret', a: 'auth-secret', p: 'priv-secret' });

describe('prometheus export', () => {
  it('picks the snmp_exporter config format from the version and refuses nonsense', () => {
    assert.equal(exporterFormat('0.21'), '0.21');
    assert.equal(exporterFormat('v0.22.0'), '0.21');
    assert.equal(exporterFormat('0.23'), '0.23');
    assert.equal(exporterFormat('0.29.1'), '0.23');
    assert.equal(exporterFormat('1.0'), '0.23');
    assert.throws(() => exporterFormat('latest'), /not a version/);
    assert.throws(() => exporterFormat('0.18'), /older than 0.19/);
  });

  it('0.21: one module per used profile with its auth; v3 protocols in the exporter\'s words', async () => {
    const cfg = await exporterConfig(inv(), secrets, '0.21') as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.keys(cfg).sort(), ['parc_office', 'parc_secure']);
    assert.deepEqual(cfg.parc_office.auth, { community: 'pub-secret' });
    assert.equal(cfg.parc_office.version, 2);
    assert.deepEqual(cfg.parc_secure.auth, { username: 'parc', security_level: 'authPriv', auth_protocol: 'SHA256', password: 'auth-secret', priv_protocol: 'AES256C', priv_password: 'priv-secret', context_name: 'ctx' });
    assert.equal(cfg.parc_secure.timeout, '3s');
    assert.equal(cfg.parc_secure.retries, 2);
  });

  it('0.23+: auths apart from one shared module', async () => {
    const cfg = await exporterConfig(inv(), secrets, '0.23') as { auths: Record<string, Record<string, unknown>>; modules: Record<string, Record<string, unknown>> };
    assert.deepEqual(Object.keys(cfg.auths).sort(), ['office', 'secure']);
    assert.equal(cfg.auths.secure.version, 3);
    assert.deepEqual(Object.keys(cfg.modules), ['parc']);
    assert.ok(!('auth' in cfg.modules.parc));
  });

  it('a missing secret is an error naming the profile and credential, never a blank community', async () => {
    await assert.rejects(exporterConfig(inv(), new MapSecrets({ office: 'x' }), '0.21'), /SNMP profile "secure": no auth password stored for credential "a"/);
  });

  it('targets: one file per site, labels for Parc, IPv6 in brackets, module and auth as URL parameters', () => {
    const t = targetFiles(inv(), '0.23');
    assert.deepEqual(t.map((s) => s.file), ['ile-de-france--suresnes-hq.json', 'normandie--caen.json', 'unassigned--unassigned.json']);
    assert.deepEqual(t[0].groups[0], { targets: ['10.1.2.3:161'], labels: { region: 'Île-de-France', site: 'Suresnes HQ', device: 'core-sw1', parc_key: '10.1.2.3:161', profile: 'secure', __param_module: 'parc', __param_auth: 'secure' } });
    assert.deepEqual(t[2].groups[0].targets, ['[2001:db8::1]:1161']);
  });

  it('a sysLocation seen by Parc places the device as Parc shows it', () => {
    const text = YAML.replace('- { region: Normandie, name: Caen }', '- { region: Normandie, name: Caen, aliases: [Calvados] }');
    const t = targetFiles(inv(text), '0.21', (k) => (k === '2001:db8::1:1161' ? 'Calvados, salle 2' : undefined));
    assert.deepEqual(t.find((s) => s.site === 'Caen')!.groups.map((g) => g.labels.device).sort(), ['caen-ups', 'v6']);
  });

  it('scrape config: target to ?target=, exporter as address, device as instance; shards keep by hashmod', () => {
    const c = prometheusConfig({ exporter: '127.0.0.1:9116', targetFiles: ['targets/*.json'], scrapeIntervalSeconds: 300, shard: { index: 1, count: 3 } }) as { global: Record<string, string>; scrape_configs: { relabel_configs: Record<string, unknown>[]; scrape_timeout: string }[] };
    const rl = c.scrape_configs[0].relabel_configs;
    assert.deepEqual(rl[0], { source_labels: ['__address__'], target_label: '__param_target' });
    assert.deepEqual(rl[1], { source_labels: ['__param_target'], modulus: 3, target_label: '__tmp_parc_shard', action: 'hashmod' });
    assert.deepEqual(rl[2], { source_labels: ['__tmp_parc_shard'], regex: '1', action: 'keep' });
    assert.deepEqual(rl.at(-1), { target_label: '__address__', replacement: '127.0.0.1:9116' });
    assert.equal(c.scrape_configs[0].scrape_timeout, '240s');
    assert.equal(c.global.evaluation_interval, '30s');
  });

  it('the export: rules carry parc.yaml thresholds; per-site and shard layouts; snmp.yml is the only secret file', async () => {
    const i = inv(YAML + 'thresholds: { storagePercent: 80, processorPercent: 95 }\n');
    const files = await prometheusExport(i, secrets, { exporterVersion: '0.21', exporter: '127.0.0.1:9116', perSite: true });
    assert.deepEqual(files.map((f) => f.path).sort(), ['prometheus-ile-de-france--suresnes-hq.yml', 'prometheus-normandie--caen.yml', 'prometheus-unassigned--unassigned.yml', 'rules.yml', 'snmp.yml', 'targets/ile-de-france--suresnes-hq.json', 'targets/normandie--caen.json', 'targets/unassigned--unassigned.json']);
    const rules = parse(files.find((f) => f.path === 'rules.yml')!.content) as { groups: { rules: { alert: string; expr: string }[] }[] };
    assert.match(rules.groups[0].rules.find((r) => r.alert === 'ParcStorageHigh')!.expr, />= 80$/);
    assert.match(rules.groups[0].rules.find((r) => r.alert === 'ParcProcessorHigh')!.expr, />= 95$/);
    const caen = parse(files.find((f) => f.path === 'prometheus-normandie--caen.yml')!.content) as { scrape_configs: { file_sd_configs: { files: string[] }[] }[]; global: { external_labels: Record<string, string> } };
    assert.deepEqual(caen.scrape_configs[0].file_sd_configs[0].files, ['targets/normandie--caen.json']);
    assert.equal(caen.global.external_labels.parc_site, 'Caen');
    for (const f of files) assert.equal(f.content.includes('pub-secret'), f.path === 'snmp.yml', f.path);
    assert.deepEqual(files.filter((f) => f.secret).map((f) => f.path), ['snmp.yml']);
    const sharded = await prometheusExport(i, secrets, { exporterVersion: '0.23', exporter: 'e:1', shards: 3 });
    assert.deepEqual(sharded.filter((f) => f.path.startsWith('prometheus')).map((f) => f.path), ['prometheus-shard-0.yml', 'prometheus-shard-1.yml', 'prometheus-shard-2.yml']);
    await assert.rejects(prometheusExport(i, secrets, { exporterVersion: '0.21', exporter: 'e:1', shards: 2, perSite: true }), /cannot be combined/);
  });
});

describe('engine: section in parc.yaml', () => {
  const base = 'devices: []\n';
  it('reads a Prometheus engine and defaults', () => {
    const r = parseInventory(base + 'engine: { kind: prometheus, url: "http://127.0.0.1:9090/", credential: prom, alertmanager: "http://127.0.0.1:9093" }\n', 'p.yaml');
    assert.deepEqual(r.inventory?.engine, { kind: 'prometheus', url: 'http://127.0.0.1:9090', credential: 'prom', alertmanager: 'http://127.0.0.1:9093', job: 'parc-snmp.*', timeoutMs: 10000 });
  });
  it('locates what is wrong', () => {
    const cases: [string, RegExp][] = [
      ['engine: { kind: prometheus }', /^2:\d+ engine: "url" is required/],
      ['engine: { kind: prom, url: "http://x" }', /^2:\d+ .*engine\.kind/],
      ['engine: { kind: prometheus, url: "ftp://x" }', /^2:\d+ engine\.url: only http and https/],
      ['engine: { kind: prometheus, url: "http://u:pw@x:9090" }', /^2:\d+ engine\.url: no user or password in the URL/],
      ['engine: { kind: prometheus, url: "not a url" }', /^2:\d+ engine\.url: "not a url" is not a URL/],
    ];
    for (const [text, re] of cases) {
      const r = parseInventory(base + text + '\n', 'p.yaml');
      const errs = r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line}:${d.col} ${d.message}`);
      assert.ok(errs.some((e) => re.test(e)), `${text}: ${errs.join(' | ')}`);
      assert.equal(r.inventory, undefined);
    }
    const typo = parseInventory(base + 'engine: { kind: prometheus, url: "http://x", jbo: a }\n', 'p.yaml');
    assert.ok(typo.diagnostics.some((d) => d.line === 2 && /jbo.*did you mean "job"/.test(d.message)), JSON.stringify(typo.diagnostics));
    assert.ok(!JSON.stringify(parseInventory(base + 'engine: { kind: prometheus, url: "http://u:pw@x:9090" }\n', 'p.yaml').diagnostics).includes('pw@'));
  });
});
