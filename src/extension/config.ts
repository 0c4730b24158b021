// Typed access to the `parc.*` settings (one place that knows their names and defaults).
import * as vscode from 'vscode';
import type { Schedule } from '../core/inventory/types';

export type NotifyLevel = 'off' | 'down' | 'all';

export interface ParcConfig {
  /** parc.yaml to use, relative to the first workspace folder; empty: the first folder that has one. */
  inventoryPath: string;
  /** Run the poll scheduler while the window is open. */
  monitoring: boolean;
  /** Overrides of parc.yaml's schedule; undefined keeps the inventory's value. */
  schedule: { pollMinutes?: number; newDeviceMinutes?: number; discoveryHours?: number };
  notifications: NotifyLevel;
  muteMinutes: number;
}

function positive(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : undefined;
}

export function readConfig(): ParcConfig {
  const c = vscode.workspace.getConfiguration('parc');
  const n = c.get<string>('notifications', 'down');
  return {
    inventoryPath: c.get<string>('inventoryPath', '').trim(),
    monitoring: c.get<boolean>('monitoring.enabled', true),
    schedule: {
      pollMinutes: positive(c.get('schedule.pollMinutes')),
      newDeviceMinutes: positive(c.get('schedule.newDeviceMinutes')),
      discoveryHours: positive(c.get('schedule.discoveryHours')),
    },
    notifications: n === 'off' || n === 'all' ? n : 'down',
    muteMinutes: positive(c.get('muteMinutes')) ?? 60,
  };
}

/** The inventory's schedule with the user's overrides applied. */
export function effectiveSchedule(fromInventory: Schedule, cfg: ParcConfig): Schedule {
  return {
    ...fromInventory,
    pollMinutes: cfg.schedule.pollMinutes ?? fromInventory.pollMinutes,
    newDeviceMinutes: cfg.schedule.newDeviceMinutes ?? fromInventory.newDeviceMinutes,
    discoveryHours: cfg.schedule.discoveryHours ?? fromInventory.discoveryHours,
  };
}
