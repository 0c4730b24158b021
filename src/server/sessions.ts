// RDP sessions through the server: list each `windows:` host, log off / disconnect / message one session
// (re-checked on the host first, as the CLI does), run the janitor — all under the logged-in user's name in
// the RDP audit log.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Clock, SecretSource } from '../core/host';
import type { Inventory } from '../core/inventory/types';
import { AuditLog } from '../core/rdp/audit';
import type { WindowsHost } from '../core/rdp/hosts';
import { loadWindowsSection } from '../core/rdp/hosts-read';
import { runJanitor } from '../core/rdp/janitor';
import { openTransport } from '../core/rdp/open-transport';
import { disconnectChecked, listSessions, logoffChecked, sendMessage } from '../core/rdp/session-service';
import type { JanitorAction, SessionHost } from '../core/remote/api-types';

export class SessionsService {
  private readonly audit: AuditLog;

  constructor(private readonly o: { inventory: () => Inventory; stateDir: string; secrets: SecretSource; clock: Clock }) {
    this.audit = new AuditLog(o.stateDir);
  }

  private async hosts(): Promise<WindowsHost[]> {
    const inv = this.o.inventory();
    const { section } = loadWindowsSection(await fs.readFile(inv.file, 'utf8'), inv.file);
    return section?.hosts ?? [];
  }

  private open(h: WindowsHost) {
    return openTransport(h, { secrets: this.o.secrets, baseDir: path.dirname(this.o.inventory().file), agent: process.env.SSH_AUTH_SOCK, trust: async () => false });
  }

  async find(name: string): Promise<WindowsHost | undefined> {
    const n = name.toLowerCase();
    const hs = await this.hosts();
    return hs.find((h) => h.name.toLowerCase() === n) ?? hs.find((h) => h.host.toLowerCase() === n);
  }

  async list(): Promise<SessionHost[]> {
    return Promise.all((await this.hosts()).map(async (h): Promise<SessionHost> => {
      const base = { name: h.name, host: h.host, transport: h.transport, listedAt: new Date(this.o.clock.now()).toISOString() };
      const t = await this.open(h).catch((e: Error) => e);
      if (t instanceof Error) return { ...base, error: t.message, sessions: [] };
      try {
        return { ...base, error: null, sessions: await listSessions(t, { codepage: h.codepage, dateOrder: h.dateOrder }) };
      } catch (e) {
        return { ...base, error: (e as Error).message, sessions: [] };
      } finally {
        await t.close().catch(() => undefined);
      }
    }));
  }

  async act(h: WindowsHost, id: number, action: 'logoff' | 'disconnect' | 'message', actor: string, text?: string): Promise<{ ok: boolean; message: string }> {
    const t = await this.open(h);
    const list = { codepage: h.codepage, dateOrder: h.dateOrder };
    try {
      const s = (await listSessions(t, list)).find((x) => x.id === id);
      if (!s) return { ok: false, message: `${h.name} has no session ${id}` };
      const at = new Date(this.o.clock.now()).toISOString();
      if (action === 'message') {
        await sendMessage(t, id, text ?? '', list);
        await this.audit.append({ at, actor, host: h.name, user: s.username, sessionId: id, action, outcome: 'done', reason: `operator request (${actor})` });
        return { ok: true, message: `message sent to ${s.username || 'session'} ${id} on ${h.name}` };
      }
      const expected = { id, username: s.username, state: s.state };
      const r = action === 'logoff' ? await logoffChecked(t, expected, list) : await disconnectChecked(t, expected, list);
      const ok = r.status === 'done';
      await this.audit.append({ at, actor, host: h.name, user: s.username, sessionId: id, action, outcome: r.status, reason: ok ? `operator request (${actor})` : `operator request (${actor}); ${r.reason}` });
      return { ok, message: ok ? `${action} of session ${id} (${s.username}) on ${h.name} done` : r.reason };
    } finally {
      await t.close().catch(() => undefined);
    }
  }

  async janitor(dryRun: boolean, actor: string): Promise<JanitorAction[]> {
    const out: JanitorAction[] = [];
    for (const h of await this.hosts()) {
      const t = await this.open(h).catch((e: Error) => e);
      if (t instanceof Error) {
        out.push({ host: h.name, sessionId: -1, user: '', action: 'none', reason: 'host not reached', done: false, error: t.message });
        continue;
      }
      try {
        const steps = await runJanitor({ host: h.name, transport: t, policy: h.janitor, dryRun, audit: this.audit, actor, clock: this.o.clock, list: { codepage: h.codepage, dateOrder: h.dateOrder } });
        for (const s of steps) if (s.outcome !== 'kept') out.push({ host: h.name, sessionId: s.session.id, user: s.session.username, action: s.action, reason: s.reason, done: s.outcome === 'done', error: s.outcome === 'failed' || s.outcome === 'skipped' ? s.detail ?? s.outcome : null });
      } catch (e) {
        out.push({ host: h.name, sessionId: -1, user: '', action: 'none', reason: 'janitor failed', done: false, error: (e as Error).message });
      } finally {
        await t.close().catch(() => undefined);
      }
    }
    return out;
  }
}
