// Connection reuse: one live SSH connection per user@host:port, shared by every operation on that host,
// replaced transparently when it drops.
import { SshConnection, type SshConnectOptions, type SshTarget } from './connection';

export class SshPool {
  private readonly live = new Map<string, Promise<SshConnection>>();
  constructor(private readonly options: SshConnectOptions) {}

  static key(t: Pick<SshTarget, 'user' | 'host' | 'port'>): string {
    return `${t.user}@${t.host.toLowerCase()}:${t.port}`;
  }

  async get(target: SshTarget): Promise<SshConnection> {
    const key = SshPool.key(target);
    const existing = this.live.get(key);
    if (existing) {
      const c = await existing.catch(() => undefined);
      if (c && !c.closed) return c;
      this.live.delete(key);
    }
    const p = SshConnection.connect(target, this.options);
    this.live.set(key, p);
    try {
      const c = await p;
      c.onClose(() => {
        if (this.live.get(key) === p) this.live.delete(key);
      });
      return c;
    } catch (err) {
      this.live.delete(key);
      throw err;
    }
  }

  /** Drops the connection to a host (e.g. after its address changed). */
  async drop(target: Pick<SshTarget, 'user' | 'host' | 'port'>): Promise<void> {
    const key = SshPool.key(target);
    const p = this.live.get(key);
    this.live.delete(key);
    (await p?.catch(() => undefined))?.close();
  }

  async closeAll(): Promise<void> {
    const all = [...this.live.values()];
    this.live.clear();
    for (const p of all) (await p.catch(() => undefined))?.close();
  }
}
