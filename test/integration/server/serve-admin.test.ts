// Admin-only inventory edits of `parc serve` (a real process): a viewer and an operator get 403 naming the role and
// parc.yaml keeps every byte; an admin adds, re-sites and removes a device through the comment-preserving writers;
// the server's own device list follows at once; each attempt is audited with the user's name.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freeUdpPort } from '../../support/ports';
import { Api, CLI, startServe, type ParcProcess } from '../../support/parc-serve';

const PW = { admin: 'Admin-Edit-9z', op: 'Operator-Edit-8y', vic: 'Viewer-Edit-7x' };

describe('parc serve: admin-only inventory edits', () => {
  let dir: string;
  let file: string;
  let serve: ParcProcess & { url: string };
  let api: Api;
  const tok: Record<string, string> = {};
  let port1: number;
  let port2: number;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-serve-admin-'));
    file = path.join(dir, 'parc.yaml');
    port1 = await freeUdpPort();
    port2 = await freeUdpPort();
    writeFileSync(file, `# The lab estate — comments must survive edits made through the server.
snmp: { default: lab, profiles: { lab: { version: 2c, credential: ro, timeoutMs: 200, retries: 0 } } }
sites:
  - { region: Europe, name: Paris }   # HQ
  - { region: Europe, name: Lyon }
devices:
  # the core switch
  - { host: 127.0.0.1, port: ${port1}, name: core }
`);
    for (const [name, role] of [['admin', 'admin'], ['op', 'operator'], ['vic', 'viewer']] as const) {
      const r = spawnSync(process.execPath, [CLI, 'serve', 'user', 'add', name, '--role', role, '--password-env', 'NEWPW'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), NEWPW: PW[name] } });
      assert.equal(r.status, 0, r.stderr);
    }
    serve = await startServe(dir, [], { PARC_CRED_RO: 'public' });
    api = new Api({ url: serve.url });
    for (const u of Object.keys(PW) as (keyof typeof PW)[]) {
      const r = await api.login(u, PW[u]);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      tok[u] = r.body.token as string;
    }
  });

  after(async () => {
    await serve?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const devices = async () => (await api.call<{ id: string; name: string; site: string | null }[]>('GET', '/api/devices', undefined, tok.vic)).body;
  type Err = { error: { code: string; message: string; role?: string } };

  it('refuses a viewer and an operator with 403 naming the admin role, and leaves parc.yaml untouched', async () => {
    const before = readFileSync(file, 'utf8');
    for (const u of ['vic', 'op'] as const) {
      const calls = [
        await api.call<Err>('POST', '/api/inventory/devices', { host: '127.0.0.1', port: port2, name: 'edge' }, tok[u]),
        await api.call<Err>('PATCH', '/api/inventory/devices/core', { site: 'Lyon' }, tok[u]),
        await api.call<Err>('DELETE', '/api/inventory/devices/core', undefined, tok[u]),
      ];
      for (const r of calls) {
        assert.equal(r.status, 403);
        assert.equal(r.body.error.code, 'forbidden');
        assert.equal(r.body.error.role, 'admin');
        assert.match(r.body.error.message, new RegExp(`needs the admin role; ${u} is (viewer|operator)`));
      }
    }
    assert.equal(readFileSync(file, 'utf8'), before);
  });

  it('lets an admin add a device: the comments stay, the device list has it at once, a second add is a conflict', async () => {
    const r = await api.call<{ added: string }>('POST', '/api/inventory/devices', { host: '127.0.0.1', port: port2, name: 'edge', site: 'Paris' }, tok.admin);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.added, `127.0.0.1:${port2}`);
    const text = readFileSync(file, 'utf8');
    assert.ok(text.startsWith('# The lab estate — comments must survive edits made through the server.\n'));
    assert.match(text, /name: Paris \} {3}# HQ\n/);
    assert.match(text, / {2}# the core switch\n {2}- \{ host: 127\.0\.0\.1, port: \d+, name: core \}\n/);
    assert.match(text, /name: edge/);
    const edge = (await devices()).find((x) => x.name === 'edge');
    assert.equal(edge?.site, 'Paris');
    const again = await api.call<Err>('POST', '/api/inventory/devices', { host: '127.0.0.1', port: port2 }, tok.admin);
    assert.equal(again.status, 409);
    assert.match(again.body.error.message, /already in parc\.yaml/);
    const bad = await api.call<Err>('POST', '/api/inventory/devices', { host: '127.0.0.1', port: 70000 }, tok.admin);
    assert.equal(bad.status, 400);
  });

  it("lets an admin move a device to another site, refusing a site that does not exist", async () => {
    const r = await api.call('PATCH', '/api/inventory/devices/core', { site: 'Lyon' }, tok.admin);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.match(readFileSync(file, 'utf8'), /name: core, site: Lyon \}/);
    assert.equal((await devices()).find((x) => x.name === 'core')?.site, 'Lyon');
    const before = readFileSync(file, 'utf8');
    const bad = await api.call<Err>('PATCH', '/api/inventory/devices/core', { site: 'Atlantis' }, tok.admin);
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /no site "Atlantis"/);
    assert.equal(readFileSync(file, 'utf8'), before);
  });

  it('lets an admin remove a device; removing it again is 404', async () => {
    const r = await api.call('DELETE', '/api/inventory/devices/edge', undefined, tok.admin);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.doesNotMatch(readFileSync(file, 'utf8'), /edge/);
    assert.deepEqual((await devices()).map((x) => x.name), ['core']);
    const again = await api.call<Err>('DELETE', `/api/inventory/devices/127.0.0.1:${port2}`, undefined, tok.admin);
    assert.equal(again.status, 404);
    assert.match(again.body.error.message, /no device 127\.0\.0\.1:\d+ under "devices"/);
  });

  it('audits every attempt with the user name, the refusals with their reason', () => {
    const audit = readFileSync(path.join(dir, '.parc', 'server', 'audit.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { user: string; action: string; outcome: string; target?: string; detail?: string });
    for (const u of ['vic', 'op']) for (const a of ['inventory-add', 'inventory-site', 'inventory-remove']) assert.ok(audit.some((x) => x.user === u && x.action === a && x.outcome === 'refused' && /needs the admin role/.test(x.detail ?? '')), `${u} ${a}`);
    assert.ok(audit.some((x) => x.user === 'admin' && x.action === 'inventory-add' && x.outcome === 'ok' && x.target === `127.0.0.1:${port2}`));
    assert.ok(audit.some((x) => x.user === 'admin' && x.action === 'inventory-site' && x.outcome === 'ok' && x.detail === 'Lyon'));
    assert.ok(audit.some((x) => x.user === 'admin' && x.action === 'inventory-remove' && x.outcome === 'ok'));
    assert.ok(audit.some((x) => x.user === 'admin' && x.action === 'inventory-add' && x.outcome === 'refused'));
  });
});
