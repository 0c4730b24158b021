// Parc's Prometheus deployment for real: `parc prometheus export` → Debian's snmp_exporter, Prometheus,
// Alertmanager and VictoriaMetrics on loopback scraping real snmpd agents → Parc reading them back.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { startSnmpd, type RunningSnmpd } from '../../support/snmpd';
import { freeTcpPort, freeUdpPort } from '../../support/ports';
import { BIN, prometheusAvailable, promtool, startAlertmanager, startExporter, startPrometheus, startVictoriaMetrics, until, type Running } from '../../support/prometheus';

const CLI = path.resolve(__dirname, '../../../../dist/cli.js');
const COMMUNITY = 'prom-lab-secret';

function parc(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

type Json = Record<string, unknown>;
const devicesOf = (out: string) => (JSON.parse(out) as { devices: Json[] }).devices.sort((a, b) => String(a.key).localeCompare(String(b.key)));

async function activeTargets(p: Running): Promise<string[]> {
  const body = await (await fetch(`${p.url}/api/v1/targets?state=active`)).json() as { data: { activeTargets: { labels: Record<string, string> }[] } };
  return body.data.activeTargets.map((t) => t.labels.parc_key).sort();
}

async function upCount(url: string, value: 0 | 1): Promise<number> {
  const body = await (await fetch(`${url}/api/v1/query?query=${encodeURIComponent(`up{job="parc-snmp"} == ${value}`)}`)).json() as { data: { result: unknown[] } };
  return body.data.result.length;
}

describe('Prometheus engine: export, scrape through snmp_exporter, read back', { skip: prometheusAvailable() }, () => {
  let agents: RunningSnmpd[] = [];
  let deadPort = 0;
  let dir = '';
  let out = '';
  let exporterPort = 0;
  let exporter: Running | undefined;
  let am: Running | undefined;
  let prom: Running | undefined;
  const extra: Running[] = [];
  const env = { PARC_CRED_LAB: COMMUNITY };

  const estate = (engine = '') => `sites:
  - { region: Île-de-France, name: Suresnes HQ }
  - { region: Île-de-France, name: Mitry-Mory }
snmp:
  default: lab
  profiles:
    lab: { version: 2c, credential: lab, timeoutMs: 1000, retries: 1 }
devices:
  - { host: 127.0.0.1, port: ${agents[0].port}, name: core-sw1, site: Suresnes HQ }
  - { host: 127.0.0.1, port: ${agents[1].port}, name: nas-1, site: Suresnes HQ }
  - { host: 127.0.0.1, port: ${agents[2].port}, name: mitry-sw, site: Mitry-Mory }
  - { host: 127.0.0.1, port: ${deadPort}, name: switched-off, site: Mitry-Mory }
${engine}`;

  before(async () => {
    agents = await Promise.all([1, 2, 3].map((n) => startSnmpd({ community: COMMUNITY, sysName: `agent-${n}`, location: `Lab ${n}` })));
    deadPort = await freeUdpPort();
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-prom-'));
    out = path.join(dir, 'deploy');
    writeFileSync(path.join(dir, 'parc.yaml'), estate());
    am = await startAlertmanager();
    exporterPort = await freeTcpPort();
    const r = parc(['prometheus', 'export', '--out', out, '--exporter', `127.0.0.1:${exporterPort}`, '--scrape-interval', '5', '--alert-for', '0s', '--alertmanager', `127.0.0.1:${am.port}`], dir, env);
    assert.equal(r.code, 0, r.err);
    exporter = await startExporter(path.join(out, 'snmp.yml'), exporterPort);
    prom = await startPrometheus(path.join(out, 'prometheus.yml'));
  });
  after(async () => {
    for (const s of [prom, exporter, am, ...extra]) await s?.stop();
    for (const a of agents) await a.stop();
  });

  it('writes targets per site, scrape job, rules and a 0600 snmp.yml that promtool and snmp_exporter accept', () => {
    assert.deepEqual(readdirSync(path.join(out, 'targets')).sort(), ['ile-de-france--mitry-mory.json', 'ile-de-france--suresnes-hq.json']);
    const hq = JSON.parse(readFileSync(path.join(out, 'targets', 'ile-de-france--suresnes-hq.json'), 'utf8')) as { targets: string[]; labels: Record<string, string> }[];
    assert.deepEqual(hq.map((g) => g.labels.device), ['core-sw1', 'nas-1']);
    assert.deepEqual(Object.keys(hq[0].labels).sort(), ['__param_module', 'device', 'parc_key', 'profile', 'region', 'site']);
    assert.equal(hq[0].labels.parc_key, `127.0.0.1:${agents[0].port}`);
    const check = promtool('check', 'config', path.join(out, 'prometheus.yml'));
    assert.equal(check.status, 0, check.output);
    const rules = promtool('check', 'rules', path.join(out, 'rules.yml'));
    assert.equal(rules.status, 0, rules.output);
    const dry = spawnSync(BIN.exporter, [`--config.file=${path.join(out, 'snmp.yml')}`, '--dry-run'], { encoding: 'utf8' });
    assert.equal(dry.status, 0, dry.stderr);
    assert.equal(statSync(path.join(out, 'snmp.yml')).mode & 0o777, 0o600);
    assert.ok(readFileSync(path.join(out, 'snmp.yml'), 'utf8').includes(COMMUNITY));
    for (const f of ['prometheus.yml', 'rules.yml', 'targets/ile-de-france--suresnes-hq.json', 'targets/ile-de-france--mitry-mory.json']) {
      assert.ok(!readFileSync(path.join(out, f), 'utf8').includes(COMMUNITY), `${f} holds no secret`);
    }
  });

  it('writes the 0.23+ format (auths apart from modules) with --snmp-exporter-version 0.26', () => {
    const o = path.join(dir, 'deploy-026');
    const r = parc(['prometheus', 'export', '--out', o, '--snmp-exporter-version', '0.26.0'], dir, env);
    assert.equal(r.code, 0, r.err);
    const cfg = parse(readFileSync(path.join(o, 'snmp.yml'), 'utf8')) as { auths: Record<string, Json>; modules: Record<string, Json> };
    assert.deepEqual(cfg.auths.lab, { version: 2, community: COMMUNITY });
    assert.deepEqual(Object.keys(cfg.modules), ['parc']);
    assert.ok(Array.isArray(cfg.modules.parc.metrics) && !('auth' in cfg.modules.parc));
    const t = JSON.parse(readFileSync(path.join(o, 'targets', 'ile-de-france--mitry-mory.json'), 'utf8')) as { labels: Record<string, string> }[];
    assert.deepEqual([t[0].labels.__param_module, t[0].labels.__param_auth], ['parc', 'lab']);
  });

  it('refuses to write snmp.yml where git would track it', () => {
    const repo = path.join(dir, 'repo');
    spawnSync('git', ['init', '-q', repo]);
    const r = parc(['prometheus', 'export', '--out', path.join(repo, 'deploy')], dir, env);
    assert.equal(r.code, 1);
    assert.match(r.err, /inside a git work tree and not ignored: snmp\.yml holds SNMP secrets/);
    assert.ok(!r.err.includes(COMMUNITY));
    writeFileSync(path.join(repo, '.gitignore'), 'snmp.yml\n');
    assert.equal(parc(['prometheus', 'export', '--out', path.join(repo, 'deploy')], dir, env).code, 0);
  });

  it('shows the same devices, sites, status, interfaces and storage as the local poller', async () => {
    await until('three targets up and one down in Prometheus', 60_000, async () => ((await upCount(prom!.url, 1)) === 3 && (await upCount(prom!.url, 0)) === 1 ? true : undefined));
    writeFileSync(path.join(dir, 'engine.yaml'), estate(`engine: { kind: prometheus, url: ${prom!.url}, alertmanager: ${am!.url} }`));
    const viaProm = parc(['poll', '--json', '--inventory', 'engine.yaml', '--state', path.join(dir, 'st-prom')], dir);
    const local = parc(['poll', '--json', '--state', path.join(dir, 'st-local')], dir, env);
    assert.equal(viaProm.code, 2, viaProm.err);
    assert.equal(local.code, 2, local.err);
    const a = devicesOf(viaProm.out);
    const b = devicesOf(local.out);
    assert.deepEqual(a.map((d) => d.key), b.map((d) => d.key));
    for (const [i, p] of a.entries()) {
      const l = b[i];
      for (const k of ['name', 'host', 'port', 'status', 'region', 'site', 'sysName', 'sysDescr', 'sysObjectID', 'sysLocation', 'sysContact', 'os', 'vendor']) {
        assert.deepEqual(p[k], l[k], `${String(p.name)}.${k}`);
      }
      if (p.status === 'down') {
        assert.match(String(p.error), /snmp_exporter could not poll it: server returned HTTP status 500 .*no valid SNMP answer/);
        continue;
      }
      assert.ok(Math.abs(Number(p.uptimeSeconds) - Number(l.uptimeSeconds)) <= 30, `uptime ${String(p.uptimeSeconds)} vs ${String(l.uptimeSeconds)}`);
      const ifs = (x: Json) => (x.interfaces as Json[]).map((f) => [f.ifIndex, f.name, f.alias, f.type, f.adminStatus, f.operStatus, f.speedBps, f.mtu, f.counterBits]);
      assert.deepEqual(ifs(p), ifs(l), `${String(p.name)} interfaces`);
      const st = (x: Json) => (x.storage as Json[]).map((s) => [s.index, s.description, s.type]);
      assert.deepEqual(st(p), st(l), `${String(p.name)} storage`);
      for (const [j, s] of (p.storage as Json[]).entries()) {
        const t = (l.storage as Json[])[j];
        // Filesystems keep their size; memory figures (cached, buffers) move from one second to the next.
        if (s.type === 'fixedDisk') assert.equal(s.sizeBytes, t.sizeBytes, `${String(s.description)} size`);
        if (s.type !== 'fixedDisk') continue;
        // Used space moves between the scrape and the local read: within 1 % of the size.
        assert.ok(Math.abs(Number(s.usedBytes) - Number(t.usedBytes)) <= Number(t.sizeBytes) * 0.01 + 1, `${String(s.description)} used`);
      }
      assert.equal((p.processors as Json[]).length, (l.processors as Json[]).length);
    }
  });

  it('a stopped agent: the generated rule fires in Alertmanager and Parc shows it as an alert event', async () => {
    await agents[2].stop();
    await until('ParcDeviceDown for mitry-sw in Alertmanager', 60_000, async () => {
      const alerts = await (await fetch(`${am!.url}/api/v2/alerts`)).json() as { labels: Record<string, string> }[];
      return alerts.find((x) => x.labels.alertname === 'ParcDeviceDown' && x.labels.device === 'mitry-sw') ? true : undefined;
    });
    const state = path.join(dir, 'st-alert');
    const r = await until('Parc to see mitry-sw down with its Alertmanager alert', 30_000, async () => {
      const x = parc(['poll', '--json', '--inventory', 'engine.yaml', '--state', state], dir);
      const json = JSON.parse(x.out) as { devices: Json[]; events: Json[] };
      const d = json.devices.find((v) => v.name === 'mitry-sw');
      return d?.status === 'down' && json.events.some((e) => e.type === 'engine-alert' && e.deviceName === 'mitry-sw') ? json : undefined;
    });
    const ev = r.events.find((e) => e.type === 'engine-alert' && e.deviceName === 'mitry-sw')!;
    assert.equal(ev.severity, 'critical');
    assert.match(String(ev.message), /mitry-sw is down \(Alertmanager ParcDeviceDown/);
    const events = parc(['events', '--json', '--inventory', 'engine.yaml', '--state', state], dir);
    assert.match(events.out, /Alertmanager ParcDeviceDown/);
  });

  it('two scrapers with --shards 2 cover every target exactly once', async () => {
    const o = path.join(dir, 'deploy-shards');
    const r = parc(['prometheus', 'export', '--out', o, '--shards', '2', '--exporter', `127.0.0.1:${exporterPort}`, '--scrape-interval', '5'], dir, env);
    assert.equal(r.code, 0, r.err);
    const shards = [await startPrometheus(path.join(o, 'prometheus-shard-0.yml')), await startPrometheus(path.join(o, 'prometheus-shard-1.yml'))];
    extra.push(...shards);
    const [s0, s1] = await until('both shards to discover their targets', 30_000, async () => {
      const t = await Promise.all(shards.map(activeTargets));
      return t[0].length + t[1].length === 4 ? t : undefined;
    });
    assert.deepEqual([...s0, ...s1].sort(), [agents[0].port, agents[1].port, agents[2].port, deadPort].map((p) => `127.0.0.1:${p}`).sort());
    assert.equal(s0.filter((k) => s1.includes(k)).length, 0, 'no target in both shards');
  });

  it('reads VictoriaMetrics the same way (a second Prometheus-compatible API)', async () => {
    const vm = await startVictoriaMetrics(path.join(out, 'prometheus.yml'));
    extra.push(vm);
    await until('VictoriaMetrics to have scraped the live agents', 60_000, async () => ((await upCount(vm.url, 1)) >= 2 ? true : undefined));
    writeFileSync(path.join(dir, 'vm.yaml'), estate(`engine: { kind: prometheus, url: ${vm.url} }`));
    const x = parc(['poll', '--json', '--inventory', 'vm.yaml', '--state', path.join(dir, 'st-vm')], dir);
    const d = devicesOf(x.out);
    assert.deepEqual(d.map((v) => [v.name, v.status]).sort(), [['core-sw1', 'up'], ['mitry-sw', 'down'], ['nas-1', 'up'], ['switched-off', 'down']]);
    const core = d.find((v) => v.name === 'core-sw1')!;
    assert.equal(core.sysName, 'agent-1');
    assert.ok((core.interfaces as Json[]).some((i) => i.name === 'lo'));
  });
});
