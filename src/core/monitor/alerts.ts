// Open alerts derived from the event log: a problem event stays open until the matching recovery
// event arrives (down → up, interface-down → interface-up, storage-high → storage-ok, ...). Reboots
// have no recovery event, so they stay open for a day unless acknowledged.
import type { EventType, ParcEvent } from '../state/types';

export interface Alert {
  /** Stable across reloads of the log: what it is about and when it began. */
  id: string;
  event: ParcEvent;
}

export const RECOVERY: Partial<Record<EventType, EventType>> = {
  up: 'down',
  'delivery-ok': 'delivery-failed',
  'interface-up': 'interface-down',
  'storage-ok': 'storage-high',
  'processor-ok': 'processor-high',
  'engine-alert-resolved': 'engine-alert',
  'memory-ok': 'memory-high',
  'sensor-ok': 'sensor-alarm',
  'supply-ok': 'supply-low',
  'ups-on-line': 'ups-on-battery',
  'ups-battery-ok': 'ups-battery-low',
  'ups-battery-replaced': 'ups-battery-replace',
};

export const PROBLEMS: ReadonlySet<EventType> = new Set(['down', 'interface-down', 'storage-high', 'processor-high', 'memory-high', 'reboot', 'engine-alert', 'delivery-failed',
  'sensor-alarm', 'supply-low', 'ups-on-battery', 'ups-battery-low', 'ups-battery-replace']);

export const REBOOT_ALERT_MS = 86_400_000;

export function alertId(e: ParcEvent): string {
  return `${e.device ?? '*'}|${e.type}|${e.entity ?? ''}|${e.time}`;
}

/** What an alert is about, whatever its start time: a recovery event closes the alert of the same slot. */
export function slot(e: ParcEvent, type: EventType = e.type): string {
  return `${e.device ?? '*'}|${type}|${e.entity ?? ''}`;
}

/** Open alerts, newest first. `events` may be in any order. */
export function openAlerts(events: ParcEvent[], now: number): Alert[] {
  const sorted = [...events].sort((a, b) => Date.parse(a.time) - Date.parse(b.time));
  const open = new Map<string, ParcEvent>();
  for (const e of sorted) {
    const recovers = RECOVERY[e.type];
    if (recovers) open.delete(slot(e, recovers));
    else if (PROBLEMS.has(e.type) && !open.has(slot(e, e.type))) open.set(slot(e, e.type), e);
  }
  return [...open.values()]
    .filter((e) => e.type !== 'reboot' || now - Date.parse(e.time) < REBOOT_ALERT_MS)
    .sort((a, b) => Date.parse(b.time) - Date.parse(a.time))
    .map((event) => ({ id: alertId(event), event }));
}
