// `parc serve`'s HTTP(S) front end (fastify): the JSON API of server-api.md, the SSE stream and the browser
// page. Thin: the estate comes from an EstateRunner, logins from the Authenticator.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Clock, Logger, SecretSource } from '../core/host';
import { removeDeviceFromFile, setDeviceSiteInFile } from '../core/inventory/edit';
import { addDevicesToFile } from '../core/inventory/file';
import { deviceKey, type Inventory } from '../core/inventory/types';
import { MetricStore } from '../core/metrics/store';
import { metricsDirFor } from '../core/metrics/recorder';
import { DS_UNITS, matchesMetric, seriesName } from '../core/metrics/series';
import type { EstateRunner } from '../core/monitor/estate-runner';
import { own } from '../core/lookup';
import { roleAllows, API_VERSION, type ApiErrorBody, type DeviceDetail, type HealthResponse, type InventoryResponse, type MuteRequest, type Role } from '../core/remote/api-types';
import { ApiError, STATUS } from './api-error';
import { Authenticator, LoginError, type Session } from './auth';
import { HostChanges } from './host-changes';
import { EstateView, muteId, muteInfo } from './estate-view';
import { openApi } from './openapi';
import { SessionsService } from './sessions';
import { CSP, staticFile } from './static-files';
import { StreamHub } from './stream';
import { siteNamed } from '../core/sites/named';

export interface ServerDeps {
  version: string;
  runner: EstateRunner;
  inventory: () => Inventory;
  secrets: SecretSource;
  clock: Clock;
  logger: Logger;
  webRoot?: string;
  tls?: { cert: string; key: string };
  /** Re-reads parc.yaml after an inventory edit made through the API (serve.ts also follows the file). */
  reloadInventory?: () => Promise<void>;
  /** known_hosts the server checks SSH host keys against (snmpd/netplan changes). The API adds no unknown key; only
   * the key already verified, seen again on a host's new address after a netplan change, is recorded (as the CLI does). */
  knownHostsFile?: string;
  /** Environment for SSH (SSH_AUTH_SOCK of hosts with agent: true). */
  env?: NodeJS.ProcessEnv;
  /** Overrides of the login rate limits (tests). */
  rateLimit?: ConstructorParameters<typeof Authenticator>[0]['rateLimit'];
}

function bearer(req: FastifyRequest): string | undefined {
  const h = req.headers.authorization;
  if (h && /^bearer\s+/i.test(h)) return h.replace(/^bearer\s+/i, '').trim();
  return undefined;
}

export class ParcServer {
  readonly app: FastifyInstance;
  readonly auth: Authenticator;
  readonly view: EstateView;
  readonly hub: StreamHub;
  private readonly sessions: SessionsService;
  private readonly hosts: HostChanges;
  private readonly startedAt: string;

  constructor(private readonly d: ServerDeps) {
    this.startedAt = new Date(d.clock.now()).toISOString();
    this.hub = new StreamHub(undefined, Math.max(1, Math.floor(d.clock.now()) * 1000));
    this.app = Fastify({ logger: false, bodyLimit: 64 * 1024, ...(d.tls ? { https: { cert: d.tls.cert, key: d.tls.key } } : {}) } as Parameters<typeof Fastify>[0]) as unknown as FastifyInstance;
    this.auth = new Authenticator({ stateDir: d.runner.stateDir, inventory: d.inventory, secrets: d.secrets, logger: d.logger, now: () => d.clock.now(), rateLimit: d.rateLimit });
    this.view = new EstateView(d.inventory, () => d.clock.now());
    this.sessions = new SessionsService({ inventory: d.inventory, stateDir: d.runner.stateDir, secrets: d.secrets, clock: d.clock });
    this.hosts = new HostChanges({ inventory: d.inventory, secrets: d.secrets, knownHostsFile: d.knownHostsFile ?? path.join(os.homedir(), '.ssh', 'known_hosts'), logger: d.logger, env: d.env });
    this.routes();
  }

  /** Loads what the state files hold and follows the runner's changes into the stream. */
  async init(): Promise<void> {
    const r = this.d.runner;
    this.view.setEvents(await readAllEvents(r));
    const { acks, mutes } = await r.acks.read();
    this.view.setAcks(acks, mutes);
    this.view.rebuildAlerts();
    this.view.rebuildDevices(r.devices);
    this.view.rebuildAlerts(); // now with places (muted by site/region)
    r.on('devices', (records) => {
      for (const s of this.view.rebuildDevices(records)) this.hub.send('device', s);
      if (!r.holding) this.hub.send('poll', { phase: 'end', devices: records.size, at: new Date(this.d.clock.now()).toISOString(), by: 'holder' });
    });
    r.on('events', (events) => {
      this.view.addEvents(events);
      for (const e of events) this.hub.send('event', e);
      for (const a of this.view.rebuildAlerts()) this.hub.send('alert', a);
      for (const s of this.view.rebuildDevices(r.devices)) this.hub.send('device', s);
    });
    r.on('acks', () => void this.syncAcks());
    r.on('polling', (devices) => this.hub.send('poll', { phase: 'start', devices: devices.length, at: new Date(this.d.clock.now()).toISOString(), by: 'self' }));
    r.on('cycle', (c) => this.hub.send('poll', { phase: 'end', devices: c.devices.length, at: new Date(this.d.clock.now()).toISOString(), durationMs: c.durationMs, by: 'self' }));
  }

  /** Re-reads acknowledgements and mutes; streams the alerts and devices whose state changed. */
  async syncAcks(): Promise<void> {
    const r = this.d.runner;
    try {
      const { acks, mutes } = await r.acks.read();
      this.view.setAcks(acks, mutes);
      for (const x of this.view.rebuildAlerts()) this.hub.send('alert', x);
      for (const s of this.view.rebuildDevices(r.devices)) this.hub.send('device', s);
    } catch (err) {
      this.d.logger.warn((err as Error).message);
    }
  }

  async close(): Promise<void> {
    this.hub.closeAll();
    await this.app.close();
  }

  private fail(reply: FastifyReply, e: unknown): FastifyReply {
    if (e instanceof ApiError) return reply.code(STATUS[e.code]).send({ error: { code: e.code, message: e.message, ...e.extra } } satisfies ApiErrorBody);
    this.d.logger.error(`API: ${(e as Error)?.message ?? String(e)}`);
    return reply.code(500).send({ error: { code: 'internal', message: 'internal error (see the server log)' } } satisfies ApiErrorBody);
  }

  private async session(req: FastifyRequest, need: Role, allowQueryToken = false, action?: string): Promise<Session> {
    let token = bearer(req);
    if (!token && allowQueryToken) token = (req.query as Record<string, string | undefined>)?.token;
    const s = await this.auth.session(token);
    if ('refused' in s) throw new ApiError('unauthorized', s.refused);
    if (!roleAllows(s.role, need)) {
      const why = `this needs the ${need} role; ${s.name} is ${s.role}`;
      if (action) await this.audit(req, s, action, undefined, 'refused', why);
      throw new ApiError('forbidden', why, { role: need });
    }
    return s;
  }

  private audit(req: FastifyRequest, s: Session, action: string, target: string | undefined, outcome: 'ok' | 'refused' | 'failed', detail?: string): Promise<void> {
    return this.auth.audit.append({ at: new Date(this.d.clock.now()).toISOString(), user: s.name, role: s.role, address: req.ip, action, ...(target ? { target } : {}), outcome, ...(detail ? { detail } : {}) });
  }

  private routes(): void {
    const app = this.app;
    const d = this.d;
    // Every answer: no caching of API data, no sniffing, the strict CSP.
    app.addHook('onSend', async (_req, reply, payload) => {
      reply.header('content-security-policy', CSP);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('x-frame-options', 'DENY');
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    });
    app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) => {
      if (err.statusCode && err.statusCode < 500) return reply.code(err.statusCode).send({ error: { code: err.statusCode === 404 ? 'not-found' : 'bad-request', message: err.message } } satisfies ApiErrorBody);
      return this.fail(reply, err);
    });
    type H = (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>;
    const wrap = (h: H): H => async (req, reply) => {
      try {
        return await h(req, reply);
      } catch (e) {
        return this.fail(reply, e);
      }
    };
    const body = (req: FastifyRequest): Record<string, unknown> => {
      const b = req.body;
      if (b === undefined || b === null) return {};
      if (typeof b !== 'object' || Array.isArray(b)) throw new ApiError('bad-request', 'the body must be a JSON object');
      return b as Record<string, unknown>;
    };
    const text = (v: unknown, what: string, required = false): string | undefined => {
      if (v === undefined || v === null) {
        if (required) throw new ApiError('bad-request', `${what} is required`);
        return undefined;
      }
      if (typeof v !== 'string') throw new ApiError('bad-request', `${what} must be a string`);
      return v;
    };
    const query = (req: FastifyRequest) => (req.query ?? {}) as Record<string, string | undefined>;
    const param = (req: FastifyRequest, k: string) => own((req.params ?? {}) as Record<string, string>, k) ?? '';

    app.get('/api/health', wrap(async () => {
      const h = await d.runner.lease.holder();
      return { ok: true, version: d.version, apiVersion: API_VERSION, estate: path.basename(d.inventory().file), poller: { holder: h ? { id: h.id, kind: h.kind, pid: h.pid, host: h.host, heartbeat: new Date(h.heartbeat).toISOString() } : null, since: h ? new Date(h.since).toISOString() : null } } satisfies HealthResponse;
    }));
    app.get('/api/openapi.json', wrap(async () => openApi(d.version)));

    app.post('/api/login', wrap(async (req, reply) => {
      const b = body(req);
      const user = text(b.user, 'user', true)!.trim();
      const password = text(b.password, 'password', true)!;
      if (!user || user.length > 256 || password.length > 1024) throw new ApiError('bad-request', 'user and password must be non-empty and reasonably short');
      try {
        return await this.auth.login(user, password, req.ip);
      } catch (e) {
        if (e instanceof LoginError) {
          if (e.status === 429) {
            reply.header('retry-after', String(e.retryAfter ?? 1));
            throw new ApiError('rate-limited', e.message, { retryAfter: e.retryAfter });
          }
          throw new ApiError('unauthorized', e.message, e.step ? { step: e.step } : {});
        }
        throw e;
      }
    }));
    app.post('/api/logout', wrap(async (req) => {
      const s = await this.session(req, 'viewer');
      await this.auth.logout(bearer(req)!, s, req.ip);
      return { ok: true };
    }));
    app.get('/api/me', wrap(async (req) => {
      const s = await this.session(req, 'viewer');
      return { name: s.name, role: s.role, source: s.source, expiresAt: new Date(s.token.expiresAt).toISOString() };
    }));

    app.get('/api/devices', wrap(async (req, reply) => {
      await this.session(req, 'viewer');
      // Serialised once per change of the list; a client that has this version gets 304 and no body.
      const { body, version } = this.view.deviceListJson();
      const etag = `"d${Date.parse(this.startedAt).toString(36)}-${version}"`;
      reply.header('etag', etag).header('cache-control', 'private, no-cache');
      const inm = req.headers['if-none-match'];
      if (typeof inm === 'string' && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(body);
    }));
    app.get('/api/devices/:id', wrap(async (req) => {
      await this.session(req, 'viewer');
      const s = this.view.device(param(req, 'id'));
      if (!s) throw new ApiError('not-found', `no device "${param(req, 'id')}"`);
      const rec = d.runner.devices.get(s.id);
      return { ...s, record: rec ?? null } satisfies DeviceDetail;
    }));
    app.get('/api/events', wrap(async (req) => {
      await this.session(req, 'viewer');
      const q = query(req);
      const since = q.since ? Date.parse(q.since) : undefined;
      if (since !== undefined && Number.isNaN(since)) throw new ApiError('bad-request', `since=${q.since} is not an ISO time`);
      const limit = q.limit ? Number(q.limit) : 500;
      if (!(Number.isInteger(limit) && limit > 0 && limit <= 10000)) throw new ApiError('bad-request', 'limit must be a whole number from 1 to 10000');
      return this.view.recentEvents({ since, limit, device: q.device });
    }));
    app.get('/api/alerts', wrap(async (req) => {
      await this.session(req, 'viewer');
      return { alerts: this.view.alertList(), mutes: this.view.activeMutes().map(muteInfo) };
    }));
    app.post('/api/alerts/:id/ack', wrap(async (req) => {
      const s = await this.session(req, 'operator');
      const id = param(req, 'id');
      const a = this.view.alert(id);
      if (!a || !a.open) {
        await this.audit(req, s, 'ack', id, 'refused', 'not an open alert');
        throw new ApiError('not-found', `not an open alert: ${id}`);
      }
      const comment = text(body(req).comment, 'comment');
      const open = new Set(this.view.alertList().filter((x) => x.open).map((x) => x.id));
      await d.runner.acks.acknowledge([id], d.clock.now(), s.name, open);
      await this.audit(req, s, 'ack', id, 'ok', comment);
      await this.syncAcks();
      return this.view.alert(id);
    }));
    app.post('/api/mutes', wrap(async (req, reply) => {
      const s = await this.session(req, 'operator');
      const b = body(req) as MuteRequest;
      const given = (['device', 'site', 'region', 'tag'] as const).filter((k) => b[k] !== undefined);
      if (given.length !== 1) throw new ApiError('bad-request', 'give exactly one of device, site, region or tag');
      const scope = given[0];
      const value = text(b[scope], scope, true)!;
      let until: number;
      if (b.until !== undefined) until = Date.parse(text(b.until, 'until')!);
      else if (typeof b.minutes === 'number' && b.minutes > 0) until = d.clock.now() + b.minutes * 60_000;
      else throw new ApiError('bad-request', 'give until (ISO time) or minutes (> 0)');
      if (!(until > d.clock.now())) throw new ApiError('bad-request', 'until must be a time in the future');
      const m = { scope, value, until, by: s.name, reason: text(b.reason, 'reason') };
      await d.runner.acks.mute(m, d.clock.now());
      await this.audit(req, s, 'mute', muteId(m), 'ok', m.reason);
      await this.syncAcks();
      return reply.code(201).send(muteInfo(m));
    }));
    app.delete('/api/mutes/:id', wrap(async (req) => {
      const s = await this.session(req, 'operator');
      const id = param(req, 'id');
      const m = this.view.activeMutes().find((x) => muteId(x).toLowerCase() === id.toLowerCase());
      if (!m) throw new ApiError('not-found', `no active mute ${id}`);
      await d.runner.acks.unmute(m.scope, m.value, d.clock.now());
      await this.audit(req, s, 'unmute', id, 'ok');
      await this.syncAcks();
      return { ok: true };
    }));
    app.get('/api/history/:deviceId', wrap(async (req) => {
      await this.session(req, 'viewer');
      const dev = this.view.device(param(req, 'deviceId'));
      if (!dev) throw new ApiError('not-found', `no device "${param(req, 'deviceId')}"`);
      const q = query(req);
      const now = d.clock.now();
      const to = q.to ? Date.parse(q.to) : now;
      const from = q.from ? Date.parse(q.from) : to - 86_400_000;
      if (Number.isNaN(from) || Number.isNaN(to) || from >= to) throw new ApiError('bad-request', 'from and to must be ISO times, from before to');
      const step = q.step ? Number(q.step) : undefined;
      const store = MetricStore.open(metricsDirFor(d.runner.stateDir), d.clock);
      try {
        const all = store.series({ device: dev.id });
        const chosen = q.metric ? all.filter((x) => matchesMetric(x, q.metric!)) : all;
        const maxPoints = step && step > 0 ? Math.max(1, Math.ceil((to - from) / 1000 / step)) : undefined;
        return {
          device: dev.id, from: new Date(from).toISOString(), to: new Date(to).toISOString(),
          series: chosen.map((x) => {
            const data = store.read(x.id, { from: Math.floor(from / 1000), to: Math.floor(to / 1000), maxPoints })!;
            return { id: x.id, name: seriesName(x), entity: x.entity, label: x.label, ds: x.ds, unit: own(DS_UNITS, x.ds) ?? '', archive: data.archive, step: data.step, points: data.t.map((t, i) => ({ t: new Date(t * 1000).toISOString(), avg: data.avg[i], min: data.min[i], max: data.max[i] })) };
          }),
        };
      } finally {
        store.close();
      }
    }));
    app.get('/api/inventory', wrap(async (req) => {
      await this.session(req, 'viewer');
      return inventoryJson(d.inventory());
    }));
    // Inventory edits (admin): through the same comment-preserving writers as the CLI and the extension, so
    // every other byte of parc.yaml stays as written; each re-checks its target in the file itself first.
    const invErr = (e: unknown): never => {
      const m = (e as Error).message ?? String(e);
      if (/no device .* under "devices"/.test(m)) throw new ApiError('not-found', m);
      throw new ApiError('bad-request', m);
    };
    const afterEdit = async () => {
      await d.reloadInventory?.();
      for (const x of this.view.rebuildDevices(d.runner.devices)) this.hub.send('device', x);
      d.runner.refresh();
    };
    app.post('/api/inventory/devices', wrap(async (req, reply) => {
      const s = await this.session(req, 'admin', false, 'inventory-add');
      const b = body(req);
      const host = text(b.host, 'host', true)!.trim();
      if (!host || /\s/.test(host)) throw new ApiError('bad-request', 'host must be a host name or address without spaces');
      const port = b.port === undefined ? undefined : Number(b.port);
      if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new ApiError('bad-request', 'port must be a whole number from 1 to 65535');
      const dev = { host, port, name: text(b.name, 'name'), profile: text(b.profile, 'profile'), site: text(b.site, 'site') };
      const file = d.inventory().file;
      const added = await addDevicesToFile(file, [dev]).catch(invErr);
      if (!added.length) {
        await this.audit(req, s, 'inventory-add', deviceKey({ host, port: port ?? 161 }), 'refused', 'already in the inventory');
        throw new ApiError('conflict', `${host}:${port ?? 161} is already in ${path.basename(file)}`);
      }
      await this.audit(req, s, 'inventory-add', deviceKey({ host, port: port ?? 161 }), 'ok');
      await afterEdit();
      return reply.code(201).send({ added: deviceKey({ host, port: port ?? 161 }), file: path.basename(file) });
    }));
    app.delete('/api/inventory/devices/:id', wrap(async (req) => {
      const s = await this.session(req, 'admin', false, 'inventory-remove');
      const dev = this.view.device(param(req, 'id'));
      const key = dev?.id ?? param(req, 'id').toLowerCase();
      const file = d.inventory().file;
      await removeDeviceFromFile(file, key).catch(invErr);
      await this.audit(req, s, 'inventory-remove', key, 'ok');
      await afterEdit();
      return { removed: key, file: path.basename(file) };
    }));
    app.patch('/api/inventory/devices/:id', wrap(async (req) => {
      const s = await this.session(req, 'admin', false, 'inventory-site');
      const b = body(req);
      if (!Object.hasOwn(b, 'site')) throw new ApiError('bad-request', 'give site (a site name, or null to remove the explicit site)');
      const site = b.site === null ? undefined : text(b.site, 'site');
      if (site !== undefined && !siteNamed(d.inventory().sites, site)) throw new ApiError('bad-request', `no site "${site}" in ${path.basename(d.inventory().file)}`);
      const dev = this.view.device(param(req, 'id'));
      const key = dev?.id ?? param(req, 'id').toLowerCase();
      await setDeviceSiteInFile(d.inventory().file, key, site).catch(invErr);
      await this.audit(req, s, 'inventory-site', key, 'ok', site ?? '(no explicit site)');
      await afterEdit();
      return { device: key, site: site ?? null };
    }));
    // snmpd.conf and netplan changes on linux: hosts (admin): every attempt audited, the refusals with their reason;
    // an apply holds the host, so a second one to the same host is 409 rather than interleaved.
    type HostOp = 'snmpd-preview' | 'snmpd-apply' | 'netplan-preview' | 'netplan-apply';
    const hostChange = (action: HostOp) => wrap(async (req) => {
      const s = await this.session(req, 'admin', false, action);
      const name = param(req, 'name');
      try {
        const b = body(req);
        const h = await this.hosts.host(name);
        const run = async (): Promise<{ result: object; outcome: 'ok' | 'failed'; detail: string }> => {
          if (action === 'snmpd-preview') {
            const r = await this.hosts.snmpdPreview(h, b);
            return { result: r, outcome: 'ok', detail: r.changes.length ? r.changes.join('; ') : 'no change' };
          }
          if (action === 'snmpd-apply') {
            const r = await this.hosts.snmpdApply(h, b);
            return { result: r, outcome: r.ok ? 'ok' : 'failed', detail: [r.verdict, ...r.changes].join('; ') };
          }
          if (action === 'netplan-preview') {
            const r = await this.hosts.netplanPreview(h, b);
            return { result: r, outcome: 'ok', detail: `${r.file}: ${r.changes.join('; ') || 'no change'}` };
          }
          const r = await this.hosts.netplanApply(h, b);
          return { result: r, outcome: r.outcome === 'confirmed' ? 'ok' : 'failed', detail: `${r.file}: ${r.verdict}` };
        };
        const r = action.endsWith('-apply') ? await this.hosts.exclusive(h, `${action} by ${s.name}`, run) : await run();
        await this.audit(req, s, action, h.name, r.outcome, r.detail);
        return r.result;
      } catch (e) {
        // ApiError messages name fields and credentials, never secret values; anything else stays in the server log.
        const known = e instanceof ApiError;
        await this.audit(req, s, action, name.slice(0, 128), known && e.code !== 'host-error' ? 'refused' : 'failed', known ? e.message : 'internal error (see the server log)');
        throw e;
      }
    });
    app.post('/api/hosts/:name/snmpd/preview', hostChange('snmpd-preview'));
    app.post('/api/hosts/:name/snmpd/apply', hostChange('snmpd-apply'));
    app.post('/api/hosts/:name/netplan/preview', hostChange('netplan-preview'));
    app.post('/api/hosts/:name/netplan/apply', hostChange('netplan-apply'));
    app.post('/api/poll', wrap(async (req, reply) => {
      const s = await this.session(req, 'operator');
      const device = text(body(req).device, 'device');
      if (device !== undefined && !d.runner.findDevice(device)) throw new ApiError('not-found', `no device "${device}" in ${path.basename(d.inventory().file)}`);
      const by = await d.runner.requestPoll({ device, by: s.name });
      await this.audit(req, s, 'poll', device ?? '*', 'ok', by === 'self' ? 'polled here' : 'forwarded to the poll lease holder');
      return reply.code(202).send({ accepted: true, by, devices: device ? 1 : d.inventory().devices.length });
    }));
    app.get('/api/sessions', wrap(async (req) => {
      await this.session(req, 'viewer');
      return { hosts: await this.sessions.list() };
    }));
    app.post('/api/sessions/:host/:sessionId/:action', wrap(async (req) => {
      const action = param(req, 'action');
      if (action !== 'logoff' && action !== 'disconnect' && action !== 'message') throw new ApiError('not-found', `no session action "${action}" (logoff, disconnect, message)`);
      const s = await this.session(req, 'operator');
      const h = await this.sessions.find(param(req, 'host'));
      if (!h) throw new ApiError('not-found', `no windows: host "${param(req, 'host')}"`);
      const id = Number(param(req, 'sessionId'));
      if (!/^\d+$/.test(param(req, 'sessionId'))) throw new ApiError('bad-request', `${param(req, 'sessionId')} is not a session ID`);
      const t = text(body(req).text, 'text');
      if (action === 'message' && !t) throw new ApiError('bad-request', 'text is required for a message');
      const r = await this.sessions.act(h, id, action, s.name, t);
      await this.audit(req, s, `session-${action}`, `${h.name}/${id}`, r.ok ? 'ok' : 'failed', r.message);
      return r;
    }));
    app.post('/api/janitor/run', wrap(async (req) => {
      const s = await this.session(req, 'operator');
      const dry = body(req).dryRun;
      if (typeof dry !== 'boolean') throw new ApiError('bad-request', 'dryRun (true or false) is required');
      const actions = await this.sessions.janitor(dry, s.name);
      await this.audit(req, s, 'janitor-run', undefined, 'ok', `${dry ? 'dry run, ' : ''}${actions.length} action(s)`);
      return { dryRun: dry, actions };
    }));
    app.get('/api/stream', wrap(async (req, reply) => {
      const s = await this.session(req, 'viewer', true);
      const last = req.headers['last-event-id'] ?? query(req).lastEventId;
      const lastId = typeof last === 'string' && /^\d+$/.test(last.trim()) ? Number(last.trim()) : undefined;
      reply.hijack();
      this.hub.add(reply.raw, s.name, (seq, replayed) => ({ version: d.version, apiVersion: API_VERSION, seq, serverStart: this.startedAt, user: { name: s.name, role: s.role, source: s.source }, ...(lastId !== undefined ? { replayed } : {}) }), lastId);
    }));
    app.all('/api/*', wrap(async (req) => {
      throw new ApiError('not-found', `no API route ${req.method} ${req.url.split('?')[0]}`);
    }));

    // The browser page.
    app.get('/*', async (req, reply) => {
      const f = await staticFile(d.webRoot, req.url);
      if (!f) return reply.code(404).type('text/plain; charset=utf-8').send('not found');
      return reply.code(f.status).type(f.type).header('cache-control', 'no-cache').send(f.body);
    });
  }
}

async function readAllEvents(r: EstateRunner): Promise<import('../core/state/types').ParcEvent[]> {
  const { FileStateStore } = await import('../core/state/file-store');
  return new FileStateStore(r.stateDir).readEvents();
}

function inventoryJson(inv: Inventory): InventoryResponse {
  const listOf = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v : v && typeof v === 'object' ? Object.entries(v).map(([name, x]) => ({ name, ...(x as object) })) : []).filter((x): x is Record<string, unknown> => !!x && typeof x === 'object');
  const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
  const hosts = (v: unknown) => listOf(v).map((h) => ({ name: str(h.name) ?? str(h.host) ?? '', host: str(h.host) ?? '', ...(str(h.transport) ? { transport: str(h.transport) } : {}), ...(str(h.user) ? { user: str(h.user) } : {}) }));
  const winRaw = inv.extra.windows as { hosts?: unknown } | unknown[] | undefined;
  const dirs = inv.extra.directories;
  return {
    file: path.basename(inv.file),
    regions: [...new Set(inv.sites.map((s) => s.region))],
    sites: inv.sites.map((s) => ({ name: s.name, region: s.region, lat: s.coordinates?.[0] ?? null, lon: s.coordinates?.[1] ?? null })),
    devices: inv.devices.map((dv) => ({ id: deviceKey(dv), name: dv.name ?? null, host: dv.host, port: dv.port, profile: dv.profile ?? null, site: dv.site ?? null, region: inv.sites.find((s) => s.name === dv.site)?.region ?? null, tags: dv.tags ?? [], line: dv.line })),
    windows: hosts(Array.isArray(winRaw) ? winRaw : winRaw?.hosts ?? winRaw),
    linux: hosts(inv.extra.linux),
    directories: listOf(dirs).map((x) => ({ name: str(x.name) ?? '', kind: str(x.kind) ?? 'ldap', urls: [x.url, x.urls].flat().map(str).filter((u): u is string => !!u), baseDn: str(x.userBase) ?? str(x.baseDn) ?? null })),
    pollMinutes: inv.schedule.pollMinutes,
  };
}
