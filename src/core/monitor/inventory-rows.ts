// The inventory report (what FusionInventory gave): one row per device of parc.yaml with what the polls learnt —
// vendor, model, serial, version — from the state store, without polling.
import { deviceKey, type Inventory } from '../inventory/types';
import type { DeviceRecord } from '../state/types';
import { snapshotOf } from './snapshot';

export interface InventoryRow {
  key: string;
  name: string;
  host: string;
  port: number;
  region: string;
  site: string;
  status: 'up' | 'down' | 'unknown';
  os: string | null;
  osName: string | null;
  vendor: string | null;
  model: string | null;
  serial: string | null;
  version: string | null;
  /** Seconds, from the last poll that reached the device; null when it is down or was never reached. */
  uptimeSeconds: number | null;
  /** ISO time of the last poll that reached the device. */
  lastSeen: string | null;
}

export function inventoryRows(inv: Inventory, records: ReadonlyMap<string, DeviceRecord>): InventoryRow[] {
  const rows = inv.devices.map((device): InventoryRow => {
    const key = deviceKey(device);
    const record = records.get(key);
    const snap = snapshotOf(inv, device, record);
    // Identity comes from the last poll that answered: a device that is down now keeps its model and serial.
    const known = record?.lastUp ?? (record?.last.status === 'up' ? record.last : undefined);
    const n = <T>(v: T | undefined): T | null => (v === undefined || v === '' ? null : v);
    return {
      key,
      name: device.name ?? known?.sysName ?? device.host,
      host: device.host,
      port: device.port,
      region: snap.region,
      site: snap.site,
      status: record ? record.last.status : 'unknown',
      os: n(known?.os),
      osName: n(known?.osName),
      vendor: n(known?.vendor),
      model: n(known?.hardware),
      serial: n(known?.serial),
      version: n(known?.version),
      uptimeSeconds: record?.last.status === 'up' ? n(record.last.uptimeSeconds) : null,
      lastSeen: n(known?.polledAt),
    };
  });
  return rows.sort((a, b) => a.region.localeCompare(b.region) || a.site.localeCompare(b.site) || a.name.localeCompare(b.name));
}

/** One CSV field (RFC 4180); text a spreadsheet would run as a formula is prefixed with an apostrophe. */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
