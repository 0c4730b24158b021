// The estate as the API shows it: device summaries, alerts with their state, mutes, built from what the
// EstateRunner follows (device records, the event log, alerts-state.json). Cached and rebuilt on change,
// so GET /api/devices of a large estate is one serialisation, and the stream sends only what changed.
import { alertId, PROBLEMS, RECOVERY, REBOOT_ALERT_MS, slot } from '../core/monitor/alerts';
import { resolveSite } from '../core/sites/resolve';
import type { Acknowledgement } from '../core/notify/acks';
import { namesDevice } from '../core/notify/rules';
import type { Mute } from '../core/notify/windows';
import { deviceKey, type Inventory } from '../core/inventory/types';
import type { AlertInfo, DeviceSummary, MuteInfo } from '../core/remote/api-types';
import type { DeviceRecord, ParcEvent } from '../core/state/types';

const RECENT_MS = 86_400_000;

export function muteId(m: Pick<Mute, 'scope' | 'value'>): string {
  return `${m.scope}:${m.value}`;
}

export function muteInfo(m: Mute): MuteInfo {
  return { id: muteId(m), scope: m.scope, value: m.value, until: new Date(m.until).toISOString(), by: m.by ?? null, reason: m.reason ?? null };
}

interface Place {
  region: string;
  site: string;
  tags: string[];
  name: string;
}

export class EstateView {
  private events: ParcEvent[] = [];
  private acks = new Map<string, Acknowledgement>();
  private mutes: Mute[] = [];
  private summaries = new Map<string, DeviceSummary>();
  private alerts = new Map<string, AlertInfo>();
  private places = new Map<string, Place>();
  private devicesJson?: Buffer;
  /** Bumped whenever the device list changes: the ETag of GET /api/devices. */
  private devicesVersion = 0;
  /** Region/site per device, for the inventory object it was resolved with (a rebuild per poll stays cheap). */
  private placeCache = new Map<string, { inv: Inventory; sysLocation: string | undefined; place: Place }>();

  constructor(private readonly inventory: () => Inventory, private readonly now: () => number) {}

  setEvents(events: ParcEvent[]): void {
    this.events = [...events].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  }

  addEvents(events: ParcEvent[]): void {
    for (const e of events) this.events.push(e);
  }

  setAcks(acks: Map<string, Acknowledgement>, mutes: Mute[]): void {
    this.acks = acks;
    this.mutes = mutes;
  }

  activeMutes(): Mute[] {
    const now = this.now();
    return this.mutes.filter((m) => m.until > now);
  }

  private muted(key: string, p: Place | undefined, e?: ParcEvent): boolean {
    return this.activeMutes().some((m) => {
      if (m.scope === 'device') return namesDevice(m.value, { device: key, deviceName: e?.deviceName ?? p?.name });
      const v = m.value.toLowerCase();
      if (m.scope === 'site') return p?.site.toLowerCase() === v;
      if (m.scope === 'region') return p?.region.toLowerCase() === v;
      return !!p?.tags.some((t) => t.toLowerCase() === v);
    });
  }

  /** Rebuilds alerts from the event log; returns those that changed (for the stream). */
  rebuildAlerts(): AlertInfo[] {
    const now = this.now();
    const open = new Map<string, ParcEvent>();
    const closed: { e: ParcEvent; at: string }[] = [];
    for (const e of this.events) {
      const recovers = RECOVERY[e.type];
      if (recovers) {
        const k = slot(e, recovers);
        const was = open.get(k);
        if (was) {
          open.delete(k);
          if (now - Date.parse(e.time) < RECENT_MS) closed.push({ e: was, at: e.time });
        }
      } else if (PROBLEMS.has(e.type) && !open.has(slot(e))) open.set(slot(e), e);
    }
    const next = new Map<string, AlertInfo>();
    const add = (e: ParcEvent, isOpen: boolean, recoveredAt: string | null) => {
      const id = alertId(e);
      const ack = this.acks.get(id);
      const p = e.device ? this.places.get(e.device) : undefined;
      next.set(id, { id, event: e, open: isOpen, recoveredAt, acknowledged: ack ? { at: new Date(ack.at).toISOString(), by: ack.by ?? null } : null, muted: e.device ? this.muted(e.device, p, e) : false });
    };
    for (const c of closed) add(c.e, false, c.at);
    for (const e of open.values()) {
      if (e.type === 'reboot' && now - Date.parse(e.time) >= REBOOT_ALERT_MS) continue;
      add(e, true, null);
    }
    const changed: AlertInfo[] = [];
    for (const [id, a] of next) {
      const old = this.alerts.get(id);
      if (!old || JSON.stringify(old) !== JSON.stringify(a)) changed.push(a);
    }
    this.alerts = next;
    return changed;
  }

  alertList(): AlertInfo[] {
    return [...this.alerts.values()].sort((a, b) => Date.parse(b.event.time) - Date.parse(a.event.time));
  }

  alert(id: string): AlertInfo | undefined {
    return this.alerts.get(id);
  }

  private placeOf(inv: Inventory, key: string, d: Inventory['devices'][number], sysLocation: string | undefined): Place {
    const hit = this.placeCache.get(key);
    if (hit && hit.inv === inv && hit.sysLocation === sysLocation) return hit.place;
    const site = resolveSite(inv, { site: d.site, host: d.host, sysLocation });
    const place: Place = { region: site.region, site: site.site, tags: d.tags ?? [], name: d.name ?? d.host };
    this.placeCache.set(key, { inv, sysLocation, place });
    return place;
  }

  /** Rebuilds the device summaries; returns those that changed (compared field by field: all are scalars). */
  rebuildDevices(records: ReadonlyMap<string, DeviceRecord>): DeviceSummary[] {
    const inv = this.inventory();
    const openPer = new Map<string, number>();
    for (const a of this.alerts.values()) if (a.open && a.event.device) openPer.set(a.event.device, (openPer.get(a.event.device) ?? 0) + 1);
    const next = new Map<string, DeviceSummary>();
    const places = new Map<string, Place>();
    const anyMute = this.activeMutes().length > 0;
    for (const d of inv.devices) {
      const key = deviceKey(d);
      const rec = records.get(key);
      const last = rec?.last;
      const place = this.placeOf(inv, key, d, last?.sysLocation);
      places.set(key, place);
      next.set(key, {
        id: key, name: d.name ?? last?.sysName ?? d.host, host: d.host, port: d.port,
        region: place.region || null, site: place.site || null,
        status: last ? last.status : 'unknown',
        osName: last?.osName ?? null, hardware: last?.hardware ?? null, serial: last?.serial ?? null, version: last?.version ?? null,
        lastPoll: last?.polledAt ?? null, lastSeen: rec?.lastUp?.polledAt ?? (last?.status === 'up' ? last.polledAt : null),
        statusSince: rec?.statusSince ?? null, error: last?.status === 'down' ? last.error ?? 'no answer' : null,
        alerts: openPer.get(key) ?? 0, muted: false,
      });
    }
    this.places = places;
    if (anyMute) for (const [key, s] of next) s.muted = this.muted(key, places.get(key));
    const changed: DeviceSummary[] = [];
    for (const [key, s] of next) {
      const old = this.summaries.get(key);
      if (!old || !sameSummary(old, s)) changed.push(s);
    }
    if (changed.length || next.size !== this.summaries.size || [...this.summaries.keys()].some((k) => !next.has(k))) {
      this.devicesJson = undefined;
      this.devicesVersion++;
    }
    this.summaries = next;
    for (const k of this.placeCache.keys()) if (!next.has(k)) this.placeCache.delete(k);
    return changed;
  }

  deviceList(): DeviceSummary[] {
    return [...this.summaries.values()];
  }

  /** The serialised device list (UTF-8), kept until the list changes, and its version (for the ETag). */
  deviceListJson(): { body: Buffer; version: number } {
    this.devicesJson ??= Buffer.from(JSON.stringify(this.deviceList()), 'utf8');
    return { body: this.devicesJson, version: this.devicesVersion };
  }

  device(id: string): DeviceSummary | undefined {
    return this.summaries.get(id.toLowerCase()) ?? [...this.summaries.values()].find((s) => s.name.toLowerCase() === id.toLowerCase() || s.host.toLowerCase() === id.toLowerCase());
  }

  recentEvents(o: { since?: number; device?: string; limit?: number }): ParcEvent[] {
    const out: ParcEvent[] = [];
    for (let i = this.events.length - 1; i >= 0 && out.length < (o.limit ?? 500); i--) {
      const e = this.events[i];
      if (o.since !== undefined && Date.parse(e.time) < o.since) continue;
      if (o.device !== undefined && e.device !== o.device) continue;
      out.push(e);
    }
    return out;
  }
}

function sameSummary(a: DeviceSummary, b: DeviceSummary): boolean {
  for (const k of Object.keys(b) as (keyof DeviceSummary)[]) if (a[k] !== b[k]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}
