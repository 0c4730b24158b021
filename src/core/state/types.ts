import type { DevicePoll } from '../poll/types';

export type EventType =
  | 'down' | 'up' | 'reboot'
  | 'interface-down' | 'interface-up'
  | 'storage-high' | 'storage-ok'
  | 'processor-high' | 'processor-ok'
  | 'memory-high' | 'memory-ok'
  | 'sensor-alarm' | 'sensor-ok'
  | 'supply-low' | 'supply-ok'
  | 'ups-on-battery' | 'ups-on-line' | 'ups-battery-low' | 'ups-battery-ok' | 'ups-battery-replace' | 'ups-battery-replaced'
  | 'device-added' | 'cycle-overrun'
  | 'engine-alert' | 'engine-alert-resolved'
  | 'delivery-failed' | 'delivery-ok';

export type Severity = 'critical' | 'warning' | 'info';

export interface ParcEvent {
  time: string; // ISO 8601
  type: EventType;
  severity: Severity;
  /** deviceKey() of the device, absent for estate-wide events. */
  device?: string;
  /** Human name of the device (name or host). */
  deviceName?: string;
  /** Interface name, storage description, processor index... */
  entity?: string;
  message: string;
}

export interface DeviceRecord {
  /** The latest poll, with rates. */
  last: DevicePoll;
  /** The latest poll that reached the device; rates and reboots are computed against it. */
  lastUp?: DevicePoll;
  /** When the current status (up/down) began. */
  statusSince: string;
}

/** Where Parc keeps what it learns between runs. Small on purpose: other back ends can implement it. */
export interface StateStore {
  loadDevices(): Promise<Map<string, DeviceRecord>>;
  saveDevices(records: Map<string, DeviceRecord>): Promise<void>;
  appendEvents(events: ParcEvent[]): Promise<void>;
  readEvents(options?: { since?: number; device?: string; limit?: number }): Promise<ParcEvent[]>;
  /** Drops events older than `before` (epoch ms); returns how many were dropped. */
  pruneEvents(before: number): Promise<number>;
}
