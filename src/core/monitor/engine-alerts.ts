// Alerts that an external engine raised (Alertmanager, fed by the rules `parc prometheus export` writes) become
// Parc events when they start and when they clear, so they show in the Alerts view, status bar and event log.
import type { DevicePoll } from '../poll/types';
import type { ParcEvent } from '../state/types';

export function engineAlertEvents(prev: DevicePoll | undefined, cur: DevicePoll, key: string, name: string): ParcEvent[] {
  if (cur.engineAlerts === undefined) return [];
  const before = new Map((prev?.engineAlerts ?? []).map((a) => [a.id, a]));
  const now = new Map(cur.engineAlerts.map((a) => [a.id, a]));
  const out: ParcEvent[] = [];
  for (const [id, a] of now) {
    if (!before.has(id)) out.push({ time: cur.polledAt, type: 'engine-alert', severity: a.severity, device: key, deviceName: name, entity: id, message: `${name}: ${a.summary} (Alertmanager ${a.name}, since ${a.since})` });
  }
  for (const [id, a] of before) {
    if (!now.has(id)) out.push({ time: cur.polledAt, type: 'engine-alert-resolved', severity: 'info', device: key, deviceName: name, entity: id, message: `${name}: ${a.name} resolved in Alertmanager` });
  }
  return out;
}
