// One interface for "the estate" as views, commands, device pages and the dashboard see it. Two
// implementations: LocalEstate (../estate.ts: parc.yaml + the core's monitor in this extension host, or
// following the poll-lease holder) and RemoteEstate (a `parc serve`, over REST + SSE). EstateSwitch
// presents whichever is active.
import type * as vscode from 'vscode';
import type { Device, Inventory } from '../../core/inventory/types';
import type { MetricRecorder } from '../../core/metrics/recorder';
import type { CycleResult } from '../../core/monitor/cycle';
import type { DeliveryEngine } from '../../core/notify/engine';
import type { ParcEvent } from '../../core/state/types';
import type { DeviceState } from '../estate';
import type { RemoteEstate } from './remote-estate';

export interface EstateSource extends vscode.Disposable {
  /** Keys of devices whose state changed (added, removed, polled, moved). */
  readonly onDidChangeDevices: vscode.Event<string[]>;
  /** Fires with the new events after they are stored; `events` is already reloaded. */
  readonly onDidRaiseEvents: vscode.Event<ParcEvent[]>;
  /** Fires when the delivery engine has sent (or failed to send) messages. */
  readonly onDidDeliver: vscode.Event<void>;
  readonly inventory: Inventory | undefined;
  /** Resolves when the latest change (parc.yaml, or the server's answer) has been applied. */
  settled(): Promise<void>;
  /** Devices in inventory order. */
  list(): DeviceState[];
  get(key: string): DeviceState | undefined;
  /** Newest first. */
  readonly events: ParcEvent[];
  /** Local metric history and archives; undefined for a remote estate (history comes over the API). */
  readonly metrics: MetricRecorder | undefined;
  readonly delivery: DeliveryEngine | undefined;
  /** The local state directory; undefined for a remote estate. */
  readonly stateDir: string | undefined;
  /** True while this window's scheduler runs (false when following another poller or a server). */
  readonly monitoring: boolean;
  /** Polls now (or asks whoever polls); resolves with the result when this window polled itself. */
  poll(devices?: Device[]): Promise<CycleResult | undefined>;
  isFirstPollDown(e: ParcEvent): boolean;
  /** The source changed (connected to a server, or back to local): on the switch that presents both. */
  readonly onDidSwitch?: vscode.Event<RemoteEstate | undefined>;
  /** Set while the estate comes from a `parc serve`. */
  readonly remote?: RemoteEstate;
}
