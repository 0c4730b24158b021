// The delivery engine's memory, beside the event log (<state>/notify/): state.json holds the alerts it
// follows, the outbox of messages not yet delivered and each transport's health (replaced atomically, 0600);
// deliveries.jsonl is the append-only record of what was delivered where (shown by the Alerts view and
// `parc alerts list`). Neither holds a secret: messages keep alert facts, never URLs or passwords.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { atomicWriteFile } from '../fsutil';
import type { ParcEvent } from '../state/types';
import type { AlertTarget } from './rules';
import type { AlertSnapshot, MessageKind } from './types';

export interface RuleProgress {
  rule: string;
  /** First problem message queued. */
  sentAt?: number;
  lastSentAt?: number;
  /** Transports the problem went to (recovery goes to the same). */
  sentTo: string[];
  escalatedAt?: number;
  recoveryQueued?: boolean;
  /** Acknowledged or closed before anything was sent: nothing more to do. */
  done?: boolean;
}

export interface TrackedAlert {
  id: string;
  slot: string;
  event: ParcEvent;
  target: AlertTarget;
  /** When the engine learned of it (its clock), the base of delays and escalation. */
  seenAt: number;
  closedAt?: number;
  recovery?: ParcEvent;
  rules: RuleProgress[];
}

export interface OutboxItem {
  id: string;
  transport: string;
  kind: MessageKind;
  alerts: AlertSnapshot[];
  createdAt: number;
  attempts: number;
  nextAt: number;
  lastError?: string;
}

export interface TransportHealth {
  failingSince?: number;
  lastError?: string;
  /** The open delivery-failed event, to close it on the next success. */
  failureEvent?: ParcEvent;
}

export interface NotifyState {
  version: 1;
  alerts: TrackedAlert[];
  outbox: OutboxItem[];
  health: Record<string, TransportHealth>;
}

export interface DeliveryRecord {
  time: string;
  transport: string;
  kind: MessageKind;
  alertIds: string[];
  ok: boolean;
  attempts: number;
  receipt?: string;
  error?: string;
  /** No more attempts will be made. */
  final?: boolean;
}

export const emptyState = (): NotifyState => ({ version: 1, alerts: [], outbox: [], health: {} });

export function notifyDir(stateDir: string): string {
  return path.join(stateDir, 'notify');
}

export class NotifyStore {
  readonly stateFile: string;
  readonly deliveriesFile: string;
  private saving: Promise<unknown> = Promise.resolve();

  constructor(stateDir: string) {
    this.stateFile = path.join(notifyDir(stateDir), 'state.json');
    this.deliveriesFile = path.join(notifyDir(stateDir), 'deliveries.jsonl');
  }

  async load(): Promise<NotifyState> {
    let text: string;
    try {
      text = await fs.readFile(this.stateFile, 'utf8');
    } catch {
      return emptyState();
    }
    try {
      const s = JSON.parse(text) as NotifyState;
      return { version: 1, alerts: s.alerts ?? [], outbox: s.outbox ?? [], health: Object.assign(Object.create(null), s.health ?? {}) };
    } catch (err) {
      throw new Error(`${this.stateFile} is not valid JSON (${(err as Error).message}); move it aside to start afresh`);
    }
  }

  /** Saves a copy of the state; saves run one after the other, the last one wins. */
  save(state: NotifyState): Promise<void> {
    const text = JSON.stringify(state);
    const run = this.saving.then(() => atomicWriteFile(this.stateFile, text, 0o600));
    this.saving = run.catch(() => undefined);
    return run;
  }

  async record(records: DeliveryRecord[]): Promise<void> {
    if (!records.length) return;
    await fs.mkdir(path.dirname(this.deliveriesFile), { recursive: true });
    await fs.appendFile(this.deliveriesFile, records.map((r) => JSON.stringify(r)).join('\n') + '\n', { mode: 0o600 });
  }

  async deliveries(limit = 500): Promise<DeliveryRecord[]> {
    let text: string;
    try {
      text = await fs.readFile(this.deliveriesFile, 'utf8');
    } catch {
      return [];
    }
    const out: DeliveryRecord[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        out.push(JSON.parse(line) as DeliveryRecord);
      } catch {
        // a line cut by a crash
      }
    }
    return out.slice(-limit).reverse();
  }
}
