// The estate the views are given: the local one, or while connected to a `parc serve` the remote one.
// Switching re-fires "everything changed" so every view, page and the status bar redraw from the new
// source; the local estate is suspended meanwhile (this window polls nothing while attached).
import * as vscode from 'vscode';
import type { Device, Inventory } from '../../core/inventory/types';
import type { CycleResult } from '../../core/monitor/cycle';
import type { ParcEvent } from '../../core/state/types';
import type { DeviceState, LocalEstate } from '../estate';
import type { RemoteEstate } from './remote-estate';
import type { EstateSource } from './source';

export class EstateSwitch implements EstateSource {
  private readonly devicesChanged = new vscode.EventEmitter<string[]>();
  readonly onDidChangeDevices = this.devicesChanged.event;
  private readonly eventsChanged = new vscode.EventEmitter<ParcEvent[]>();
  readonly onDidRaiseEvents = this.eventsChanged.event;
  private readonly delivered = new vscode.EventEmitter<void>();
  readonly onDidDeliver = this.delivered.event;
  private readonly switched = new vscode.EventEmitter<RemoteEstate | undefined>();
  /** The source changed (connected to a server, or back to local). */
  readonly onDidSwitch = this.switched.event;
  private active: EstateSource;
  private wiring: vscode.Disposable[] = [];

  constructor(readonly local: LocalEstate) {
    this.active = local;
    this.wire();
  }

  private wire(): void {
    this.wiring.forEach((d) => d.dispose());
    const a = this.active;
    this.wiring = [
      a.onDidChangeDevices((k) => this.devicesChanged.fire(k)),
      a.onDidRaiseEvents((e) => this.eventsChanged.fire(e)),
      a.onDidDeliver(() => this.delivered.fire()),
    ];
  }

  /** Shows `remote` (or the local estate again when undefined); the previous remote is disposed. */
  use(remote: RemoteEstate | undefined): void {
    const before = this.active;
    if (before === (remote ?? this.local)) return;
    const keys = new Set(before.list().map((d) => d.key));
    this.active = remote ?? this.local;
    this.local.suspend(remote !== undefined);
    if (before !== this.local) before.dispose();
    this.wire();
    for (const d of this.active.list()) keys.add(d.key);
    this.switched.fire(remote);
    this.devicesChanged.fire([...keys]);
    this.eventsChanged.fire([]);
  }

  get remote(): RemoteEstate | undefined {
    return this.active === this.local ? undefined : (this.active as RemoteEstate);
  }

  get inventory(): Inventory | undefined {
    return this.active.inventory;
  }
  settled(): Promise<void> {
    return this.active.settled();
  }
  list(): DeviceState[] {
    return this.active.list();
  }
  get(key: string): DeviceState | undefined {
    return this.active.get(key);
  }
  get events(): ParcEvent[] {
    return this.active.events;
  }
  get metrics() {
    return this.active.metrics;
  }
  get delivery() {
    return this.active.delivery;
  }
  get stateDir(): string | undefined {
    return this.active.stateDir;
  }
  get monitoring(): boolean {
    return this.active.monitoring;
  }
  poll(devices?: Device[]): Promise<CycleResult | undefined> {
    return this.active.poll(devices);
  }
  isFirstPollDown(e: ParcEvent): boolean {
    return this.active.isFirstPollDown(e);
  }

  dispose(): void {
    this.wiring.forEach((d) => d.dispose());
    if (this.active !== this.local) this.active.dispose();
    this.local.dispose();
    [this.devicesChanged, this.eventsChanged, this.delivered, this.switched].forEach((e) => e.dispose());
  }
}
