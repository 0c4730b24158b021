// A per-device time budget (issue 13): an agent that keeps a walk going (an endless table, a reply every
// other packet) must not hold the cycle. Once the budget is spent every pending and later request of the
// device fails at once with errorKind `budget`, so the modules still running end on their next request.
import { SnmpError, type SnmpClient } from '../snmp/client';
import type { Varbind } from '../snmp/values';

/** Default time one device may take in a cycle when neither the caller nor the cycle's deadline says less. */
export const DEFAULT_DEVICE_BUDGET_MS = 60_000;

export class Budget {
  private timer?: ReturnType<typeof setTimeout>;
  private expiredError?: SnmpError;
  /** Rejects with the budget error when the budget is spent; never resolves. */
  readonly expired: Promise<never>;

  constructor(readonly ms: number, where: string, why: string) {
    this.expired = new Promise<never>((_, reject) => {
      const fire = () => {
        this.expiredError = new SnmpError('budget', `${where}: poll cut after ${Math.round(ms)} ms (${why}); the agent had not finished answering`);
        reject(this.expiredError);
      };
      if (ms <= 0) fire();
      else this.timer = setTimeout(fire, ms);
    });
    this.expired.catch(() => undefined);
  }

  get spent(): SnmpError | undefined {
    return this.expiredError;
  }

  /** What `start` returns, or the budget error if the budget runs out first (then `start` is not even called). */
  run<T>(start: () => Promise<T>): Promise<T> {
    if (this.expiredError) return Promise.reject(this.expiredError);
    let p: Promise<T>;
    try {
      p = start();
    } catch (err) {
      return Promise.reject(err);
    }
    p.catch(() => undefined);
    return Promise.race([p, this.expired]);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}

/** An SnmpClient whose every request ends when the budget does. */
export class BudgetedClient implements SnmpClient {
  constructor(private readonly inner: SnmpClient, private readonly budget: Budget) {}

  get target() {
    return this.inner.target;
  }

  get(oids: string[]): Promise<Varbind[]> {
    return this.budget.run(() => this.inner.get(oids));
  }

  getNext(oids: string[]): Promise<Varbind[]> {
    return this.budget.run(() => this.inner.getNext(oids));
  }

  walk(oid: string, maxRepetitions?: number, limit?: number): Promise<Varbind[]> {
    return this.budget.run(() => this.inner.walk(oid, maxRepetitions, limit));
  }

  table(oid: string, maxRepetitions?: number): Promise<Map<string, Map<number, unknown>>> {
    return this.budget.run(() => this.inner.table(oid, maxRepetitions));
  }

  close(): void {
    this.inner.close();
  }
}
