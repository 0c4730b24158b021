// The delivery engine: follows open alerts, applies the rules (delay, repeat, escalation, recovery), honours
// maintenance windows, mutes and acknowledgements, groups what comes due together into one message per
// transport, and works through a persistent outbox with retries and backoff. It never runs on the poll's
// path: `handleCycle` only records and returns; the work happens later on the engine's own timer.
import { randomUUID } from 'node:crypto';
import type { Clock, Logger, SecretSource } from '../host';
import { alertId, PROBLEMS, REBOOT_ALERT_MS, RECOVERY, slot } from '../monitor/alerts';
import type { CycleResult } from '../monitor/cycle';
import { deviceKey, type Device, type Inventory } from '../inventory/types';
import type { EventType, ParcEvent, StateStore } from '../state/types';
import { AckStore } from './acks';
import { DeliveryLease, LEASE_HEARTBEAT_MS, type DeliveryLeaseLike } from './lease';
import { matchingRules, type AlertTarget } from './rules';
import { NotifyStore, type DeliveryRecord, type NotifyState, type OutboxItem, type RuleProgress, type TrackedAlert } from './store';
import { createTransport, DeliveryError, type Transport } from './transport';
import { DEFAULT_RETRY, type AlertingConfig, type AlertSnapshot, type Language, type MessageKind, type OutgoingMessage, type TransportConfig } from './types';
import { silenced } from './windows';

export interface DeliveryDeps {
  stateDir: string;
  inventory: () => Inventory;
  secrets: SecretSource;
  clock: Clock;
  logger: Logger;
  /** The event log: delivery failures are events too. */
  events: StateStore;
  /** Told about the events the engine appends (to print or show them). */
  onEvents?: (events: ParcEvent[]) => void;
  /** Told after each batch of sends is recorded in the delivery log. */
  onDelivered?: () => void;
  /** Builds a transport (the real ones by default). */
  transport?: (cfg: TransportConfig, secrets: SecretSource) => Promise<Transport>;
  /** Decides whether this process delivers (default: the state directory's DeliveryLease). */
  lease?: DeliveryLeaseLike;
}

const EMPTY: AlertingConfig = { transports: new Map(), rules: [], maintenance: [], retry: DEFAULT_RETRY, linkScheme: 'vscode' };

export function alertingOf(inv: Inventory): AlertingConfig {
  return inv.alerting ?? EMPTY;
}

export function snapshotOf(a: TrackedAlert, acknowledged: boolean): AlertSnapshot {
  return {
    id: a.id, type: a.event.type, severity: a.event.severity, device: a.event.device, deviceName: a.event.deviceName ?? a.target.deviceName, entity: a.event.entity,
    region: a.target.region, site: a.target.site, message: a.event.message, since: a.event.time,
    recoveredAt: a.recovery?.time, recoveryMessage: a.recovery?.message, acknowledged,
  };
}

export class DeliveryEngine {
  readonly store: NotifyStore;
  readonly acks: AckStore;
  private state: NotifyState = { version: 1, alerts: [], outbox: [], health: Object.create(null) };
  private chain: Promise<void>;
  private timer?: { cancel(): void };
  private stopped = false;
  private pending = 0;

  readonly lease: DeliveryLeaseLike;
  private holding = false;
  private toldLeft = false;

  constructor(private readonly deps: DeliveryDeps) {
    this.store = new NotifyStore(deps.stateDir);
    this.acks = new AckStore(deps.stateDir);
    this.lease = deps.lease ?? new DeliveryLease(deps.stateDir);
    this.chain = Promise.resolve();
    void this.serial(() => undefined);
  }

  /** Whether this process delivers; on taking over, it picks up the state the previous holder left. */
  private async checkLease(): Promise<boolean> {
    const held = await this.lease.hold(this.deps.clock.now());
    if (held && !this.holding) {
      try {
        this.state = await this.store.load();
        if (this.state.alerts.length || this.state.outbox.length) this.deps.logger.info(`alert delivery: resumed ${this.state.alerts.length} followed alert(s), ${this.state.outbox.length} message(s) waiting`);
      } catch (err) {
        this.deps.logger.error(`alert delivery: ${(err as Error).message}`);
      }
    } else if (!held && (this.holding || !this.toldLeft)) {
      this.toldLeft = true;
      this.deps.logger.info(`alert delivery: left to another process (${await this.lease.holder()}), which delivers for ${this.deps.stateDir}`);
    }
    this.holding = held;
    return held;
  }

  private get config(): AlertingConfig {
    return alertingOf(this.deps.inventory());
  }

  /** Runs `fn` after what is already queued, then a tick; errors are logged, never thrown at the caller. */
  private serial(fn: () => void | Promise<void>): Promise<void> {
    this.pending++;
    const run = this.chain.then(async () => {
      if (this.stopped) return;
      // Another process delivers for this state directory: leave the events to it (it polls them too).
      if (!(await this.checkLease())) return this.arm(this.deps.clock.now() + LEASE_HEARTBEAT_MS);
      await fn();
      await this.tick();
    }).catch((err) => this.deps.logger.error(`alert delivery: ${(err as Error).message}`)).finally(() => this.pending--);
    this.chain = run;
    return run;
  }

  /** Resolves when everything queued so far (ingest, sends due now) is done. */
  async whenIdle(): Promise<void> {
    while (this.pending > 0) await this.chain;
    await this.chain;
  }

  /**
   * Re-checks the lease now and sends what is due: for a process that has just become the poll-lease holder (a
   * restart), which would otherwise wait a whole lease heartbeat before resuming the outbox its predecessor left.
   */
  wake(): void {
    void this.serial(() => undefined);
  }

  /** A poll cycle's events, with the region and site of each device. Returns at once. */
  handleCycle(result: CycleResult): void {
    const places = new Map(result.devices.map((d) => [d.key, { region: d.region, site: d.site }]));
    this.handleEvents(result.events, places);
  }

  handleEvents(events: ParcEvent[], places: Map<string, { region?: string; site?: string }> = new Map()): void {
    const relevant = events.filter((e) => PROBLEMS.has(e.type) || RECOVERY[e.type]);
    if (!relevant.length) return;
    const seen = this.deps.clock.now();
    void this.serial(() => this.ingest(relevant, places, seen));
  }

  private targetOf(e: ParcEvent, place: { region?: string; site?: string } | undefined, devices: Map<string, Device>): AlertTarget {
    const dev = e.device ? devices.get(e.device) : undefined;
    return { type: e.type, severity: e.severity, device: e.device, deviceName: e.deviceName ?? dev?.name, region: place?.region, site: place?.site ?? dev?.site, tags: dev?.tags ?? [] };
  }

  private ingest(events: ParcEvent[], places: Map<string, { region?: string; site?: string }>, seenAt: number): void {
    const cfg = this.config;
    const devices = new Map(this.deps.inventory().devices.map((d) => [deviceKey(d), d]));
    for (const e of [...events].sort((a, b) => Date.parse(a.time) - Date.parse(b.time))) {
      const recovers = RECOVERY[e.type];
      if (recovers) {
        const key = slot(e, recovers as EventType);
        for (const a of this.state.alerts) if (a.slot === key && a.closedAt === undefined) {
          a.closedAt = seenAt;
          a.recovery = e;
        }
        continue;
      }
      const key = slot(e);
      if (this.state.alerts.some((a) => a.slot === key && a.closedAt === undefined)) continue;
      const target = this.targetOf(e, e.device ? places.get(e.device) : undefined, devices);
      const rules = matchingRules(cfg.rules, target);
      if (!rules.length) continue;
      this.state.alerts.push({ id: alertId(e), slot: key, event: e, target, seenAt, rules: rules.map((r) => ({ rule: r.name, sentTo: [] })) });
    }
  }

  /** Plans what is due, queues it (grouped per transport and kind), sends what the outbox holds for now. */
  private async tick(): Promise<void> {
    if (this.stopped) return;
    const now = this.deps.clock.now();
    const cfg = this.config;
    const { acks, mutes } = await this.acks.read().catch((err) => {
      this.deps.logger.warn(`alert delivery: ${(err as Error).message}`);
      return { acks: new Map(), mutes: [] };
    });
    let next = Infinity;
    const later = (t: number) => (next = Math.min(next, t));
    const groups = new Map<string, { transport: string; kind: MessageKind; alerts: Map<string, AlertSnapshot> }>();
    const queue = (a: TrackedAlert, kind: MessageKind, transports: string[], acked: boolean) => {
      for (const t of transports) {
        // A transport's own failure is told through the others.
        if (a.event.type === 'delivery-failed' && a.event.entity === t) continue;
        const k = `${t}\u0000${kind}`;
        const g = groups.get(k) ?? { transport: t, kind, alerts: new Map() };
        g.alerts.set(a.id, snapshotOf(a, acked));
        groups.set(k, g);
      }
    };
    const recoverable = new Set(Object.values(RECOVERY));
    const known = new Set(this.deps.inventory().devices.map(deviceKey));
    for (const a of this.state.alerts) {
      // Alerts that can never recover (a reboot) end after a day, as in the editor; a device taken out of
      // parc.yaml takes its alerts with it. Neither gets a recovery message.
      const expired = !recoverable.has(a.event.type) && now - a.seenAt >= REBOOT_ALERT_MS;
      if (expired || (a.event.device !== undefined && !known.has(a.event.device))) {
        a.rules.forEach((p) => (p.done = true));
        continue;
      }
      if (!recoverable.has(a.event.type)) later(a.seenAt + REBOOT_ALERT_MS);
      const acked = acks.has(a.id);
      const quiet = silenced(cfg.maintenance, mutes, a.target, now);
      for (const p of a.rules) {
        const rule = cfg.rules.find((r) => r.name === p.rule);
        if (!rule) p.done = true;
        if (p.done || !rule) continue;
        if (p.sentAt === undefined) {
          // Closed (a blip shorter than the delay) or acknowledged before anyone was told: nothing to send.
          if (a.closedAt !== undefined || acked) {
            p.done = true;
            continue;
          }
          const due = a.seenAt + rule.delayMinutes * 60_000;
          if (now < due) later(due);
          else if (quiet) later(quiet.until);
          else {
            queue(a, 'problem', rule.transports, acked);
            p.sentAt = p.lastSentAt = now;
            p.sentTo = [...rule.transports];
          }
          if (p.sentAt === undefined) continue;
        }
        if (a.closedAt !== undefined) {
          if (rule.recovery && !p.recoveryQueued) {
            if (quiet) {
              later(quiet.until);
              continue;
            }
            queue(a, 'recovery', p.sentTo, acked);
            p.recoveryQueued = true;
          }
          p.done = true;
          continue;
        }
        if (acked) continue;
        this.escalateOrRepeat(a, p, rule, now, quiet !== undefined, later, (kind, ts) => queue(a, kind, ts, false));
        if (quiet) later(quiet.until);
      }
    }
    // Forget alerts with nothing left to do.
    this.state.alerts = this.state.alerts.filter((a) => a.rules.some((p) => !p.done));
    for (const g of groups.values()) {
      this.state.outbox.push({ id: randomUUID(), transport: g.transport, kind: g.kind, alerts: [...g.alerts.values()], createdAt: now, attempts: 0, nextAt: now });
    }
    const due = this.state.outbox.filter((o) => o.nextAt <= now);
    if (groups.size || due.length) await this.store.save(this.state);
    if (due.length) await this.sendAll(due, cfg);
    for (const o of this.state.outbox) later(o.nextAt);
    await this.store.save(this.state);
    // Also wake up to refresh the lease's heartbeat.
    this.arm(Math.min(next, now + LEASE_HEARTBEAT_MS));
  }

  private escalateOrRepeat(a: TrackedAlert, p: RuleProgress, rule: AlertingConfig['rules'][number], now: number, quiet: boolean, later: (t: number) => void, queue: (kind: MessageKind, ts: string[]) => void): void {
    if (rule.escalate && p.escalatedAt === undefined) {
      const due = a.seenAt + rule.escalate.afterMinutes * 60_000;
      if (now < due) later(due);
      else if (!quiet) {
        queue('escalation', rule.escalate.transports);
        p.escalatedAt = now;
        p.sentTo = [...new Set([...p.sentTo, ...rule.escalate.transports])];
      }
    }
    if (rule.repeatMinutes) {
      const due = (p.lastSentAt ?? now) + rule.repeatMinutes * 60_000;
      if (now < due) later(due);
      else if (!quiet) {
        queue('repeat', p.sentTo);
        p.lastSentAt = now;
        later(now + rule.repeatMinutes * 60_000);
      }
    }
  }

  private message(o: Pick<OutboxItem, 'id' | 'kind' | 'alerts' | 'createdAt'>, cfg: AlertingConfig): OutgoingMessage {
    const language: Language = this.deps.inventory().language ?? 'en';
    return { id: o.id, kind: o.kind, alerts: o.alerts, language, linkScheme: cfg.linkScheme, createdAt: new Date(o.createdAt).toISOString() };
  }

  private async transport(name: string, cfg: AlertingConfig): Promise<Transport> {
    const t = cfg.transports.get(name);
    if (!t) throw new DeliveryError(`no transport named "${name}" in parc.yaml any more`, true);
    return (this.deps.transport ?? createTransport)(t, this.deps.secrets);
  }

  private async sendAll(items: OutboxItem[], cfg: AlertingConfig): Promise<void> {
    const records: DeliveryRecord[] = [];
    const newEvents: ParcEvent[] = [];
    await Promise.all(items.map(async (o) => {
      o.attempts++;
      const now = () => this.deps.clock.now();
      const health = this.state.health[o.transport] ?? (this.state.health[o.transport] = {});
      try {
        const receipt = await (await this.transport(o.transport, cfg)).send(this.message(o, cfg));
        this.state.outbox = this.state.outbox.filter((x) => x !== o);
        records.push({ time: new Date(now()).toISOString(), transport: o.transport, kind: o.kind, alertIds: o.alerts.map((a) => a.id), ok: true, attempts: o.attempts, receipt });
        this.deps.logger.info(`alert delivery: ${o.kind} of ${o.alerts.length} alert(s) sent to ${o.transport} (${receipt})`);
        if (health.failingSince !== undefined) {
          newEvents.push({ time: new Date(now()).toISOString(), type: 'delivery-ok', severity: 'info', entity: o.transport, message: `alert delivery to "${o.transport}" works again` });
          delete this.state.health[o.transport];
        }
      } catch (err) {
        const msg = err instanceof DeliveryError ? err.message : 'unexpected error (details withheld, they may hold a secret)';
        const give = o.attempts >= cfg.retry.maxAttempts;
        o.lastError = msg;
        // A refusal that will not change by itself (4xx, a missing credential) waits the longest delay; others back off.
        const permanent = err instanceof DeliveryError && err.permanent;
        o.nextAt = now() + (permanent ? cfg.retry.maxDelayMs : Math.min(cfg.retry.maxDelayMs, cfg.retry.firstDelayMs * 2 ** (o.attempts - 1)));
        if (give) this.state.outbox = this.state.outbox.filter((x) => x !== o);
        records.push({ time: new Date(now()).toISOString(), transport: o.transport, kind: o.kind, alertIds: o.alerts.map((a) => a.id), ok: false, attempts: o.attempts, error: msg, final: give });
        this.deps.logger.warn(`alert delivery to ${o.transport} failed (attempt ${o.attempts}): ${msg}${give ? '; giving up' : `; next try in ${Math.round((o.nextAt - now()) / 1000)} s`}`);
        if (health.failingSince === undefined) {
          health.failingSince = now();
          health.lastError = msg;
          const e: ParcEvent = { time: new Date(now()).toISOString(), type: 'delivery-failed', severity: 'warning', entity: o.transport, message: `alert delivery to "${o.transport}" failed: ${msg}` };
          health.failureEvent = e;
          newEvents.push(e);
        } else health.lastError = msg;
      }
    }));
    await this.store.record(records).catch((err) => this.deps.logger.error(`alert delivery: cannot record deliveries: ${(err as Error).message}`));
    this.deps.onDelivered?.();
    if (newEvents.length) {
      await this.deps.events.appendEvents(newEvents).catch((err) => this.deps.logger.error(`alert delivery: cannot log events: ${(err as Error).message}`));
      this.deps.onEvents?.(newEvents);
      // A failing transport is an alert of its own, delivered through the other transports by the rules that ask for it.
      this.ingest(newEvents, new Map(), this.deps.clock.now());
      void this.serial(() => undefined);
    }
  }

  private arm(at: number): void {
    this.timer?.cancel();
    this.timer = undefined;
    if (this.stopped || !Number.isFinite(at)) return;
    const delay = Math.max(0, Math.min(at - this.deps.clock.now(), 2 ** 31 - 1));
    this.timer = this.deps.clock.setTimeout(() => {
      this.timer = undefined;
      void this.serial(() => undefined);
    }, delay);
  }

  /** Sends a test message through one transport now (no queue, no retry). Throws a DeliveryError. */
  sendTest(name: string): Promise<string> {
    return sendTestMessage({ ...this.deps, store: this.store }, name);
  }

  /** Stops the timer and waits for the work under way; the state is on disk. */
  async stop(): Promise<void> {
    await this.whenIdle();
    this.stopped = true;
    this.timer?.cancel();
    if (this.holding) await this.lease.release().catch(() => undefined);
    this.holding = false;
  }

  /** Whether this process is the one delivering for its state directory. */
  get delivering(): boolean {
    return this.holding;
  }
}

export function testAlert(now: number): AlertSnapshot {
  return { id: 'test', type: 'test', severity: 'info', message: 'Parc test message', since: new Date(now).toISOString() };
}

/** A test message through one transport, recorded in the delivery log; for `parc alerts test` and "Send Test Alert…". */
export async function sendTestMessage(deps: Pick<DeliveryDeps, 'inventory' | 'secrets' | 'clock' | 'transport'> & { store: NotifyStore }, name: string): Promise<string> {
  const inv = deps.inventory();
  const cfg = alertingOf(inv);
  const now = deps.clock.now();
  const message: OutgoingMessage = { id: randomUUID(), kind: 'test', alerts: [testAlert(now)], language: inv.language ?? 'en', linkScheme: cfg.linkScheme, createdAt: new Date(now).toISOString() };
  const t = cfg.transports.get(name);
  const rec: DeliveryRecord = { time: new Date(now).toISOString(), transport: name, kind: 'test', alertIds: [], ok: false, attempts: 1, final: true };
  try {
    if (!t) throw new DeliveryError(`no transport named "${name}" in alerting.transports${cfg.transports.size ? ` (transports: ${[...cfg.transports.keys()].join(', ')})` : ''}`, true);
    rec.receipt = await (await (deps.transport ?? createTransport)(t, deps.secrets)).send(message);
    rec.ok = true;
    return rec.receipt;
  } catch (err) {
    rec.error = err instanceof DeliveryError ? err.message : 'unexpected error (details withheld, they may hold a secret)';
    throw new DeliveryError(rec.error);
  } finally {
    if (t) await deps.store.record([rec]).catch(() => undefined);
  }
}
