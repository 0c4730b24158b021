// Applying a netplan change to a remote host without risking the SSH session: `netplan try` semantics.
// A watchdog started on the host (detached, so it survives the SSH session) applies the new file, then waits
// `timeout` seconds for a confirmation file; Parc creates that file only through a NEW connection to the host's
// (possibly new) address. No confirmation → the watchdog restores the backup and applies it again, and Parc
// reconnects on the old address and checks that the old configuration is back.
import { randomBytes } from 'node:crypto';
import { silentLogger, type Logger } from '../host';
import type { SshConnection } from '../ssh/connection';
import { hostPath, type LinuxHost } from '../ssh/linux-hosts';
import { RemoteFiles } from '../ssh/remote-file';
import { shq } from '../ssh/runner';
import { readHostNetplan } from './host-config';
import { parseIp } from './ip';
import { applyWarnings, mergeNetplan, summarizeInterfaces } from './merge';
import { judgeNetplan } from './verdict';

export interface NetplanApplyOptions {
  /** A connection to the host on its current address. */
  conn: SshConnection;
  host: LinuxHost;
  /** Path of the file on the host, e.g. /etc/netplan/01-netcfg.yaml (under host.root). */
  target: string;
  text: string;
  /** Seconds before the host reverts on its own (default 120). */
  timeoutS?: number;
  /** The address to reconnect to when the change moves the SSH address; default: the current one. */
  newAddress?: string;
  /** Opens a fresh connection to the host at an address (the host key must be the one `conn` verified). */
  connect: (address: string) => Promise<SshConnection>;
  /** Proceed despite warnings (cloud-init owns the file, bonds/bridges present). */
  acceptWarnings?: boolean;
  logger?: Logger;
  /** Stops waiting (Ctrl-C): the host then reverts on its own at the deadline. */
  signal?: AbortSignal;
}

export interface NetplanApplyReport {
  outcome: 'confirmed' | 'reverted' | 'refused' | 'unknown';
  warnings: string[];
  /** Validation problems (the host's netplan generate decides; Parc's when it cannot run), as file:line:col: message. */
  problems: string[];
  /** Parc's findings the host's netplan does not confirm, and other notes: shown, never blocking. */
  notes: string[];
  /** Which verdict was used ("verdict: netplan 0.106-2 on lab (…)"). */
  verdict?: string;
  /** The host's netplan version, as its package database reports it. */
  netplanVersion?: string;
  backup?: string;
  steps: string[];
}

/** The address the host will have after the change, when its SSH address is not in the new file. */
export function inferNewAddress(hostAddress: string, text: string): string | undefined {
  const ip = parseIp(hostAddress);
  if (!ip) return undefined; // a host name: reconnect by name
  let mine: string[];
  try {
    mine = summarizeInterfaces(mergeNetplan([text])).flatMap((i) => i.addresses).map((a) => a.split('/')[0]);
  } catch {
    return undefined;
  }
  if (mine.some((a) => parseIp(a)?.value === ip.value)) return undefined;
  const same = mine.filter((a) => parseIp(a)?.family === ip.family);
  if (same.length === 1) return same[0];
  throw new Error(`the host's address ${hostAddress} is not in the new file and it has ${same.length} other address(es): say where to reconnect with --new-address`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The watchdog run on the host: apply, wait for the confirmation file, otherwise put the backup back. */
export function watchdogScript(o: { target: string; backup?: string; apply: string; confirm: string; state: string; timeoutS: number }): string {
  const restore = o.backup
    ? `cp -p ${shq(o.backup)} ${shq(o.target)}.parc-revert && mv -f ${shq(o.target)}.parc-revert ${shq(o.target)}`
    : `rm -f ${shq(o.target)}`;
  return [
    `state() { echo "$1" > ${shq(o.state)}; }`,
    'state applying',
    `if ! ${o.apply}; then state apply-failed; ${restore}; ${o.apply}; state reverted; exit 1; fi`,
    'state waiting',
    // By the clock, not by a count of sleeps: on a loaded host 10 × "sleep 0.1" take well over a second, and the
    // host would still wait on its new address after the deadline Parc announced (and then looks for it on the old).
    `end=$(( $(date +%s) + ${o.timeoutS} ))`,
    'while [ "$(date +%s)" -lt "$end" ]; do',
    `  if [ -e ${shq(o.confirm)} ]; then state confirmed; rm -f ${shq(o.confirm)}; exit 0; fi`,
    '  sleep 0.1',
    'done',
    'state reverting',
    restore,
    o.apply,
    'state reverted',
  ].join('\n');
}

export async function safeNetplanApply(o: NetplanApplyOptions): Promise<NetplanApplyReport> {
  const log = o.logger ?? silentLogger;
  const timeoutS = o.timeoutS ?? 120;
  const report: NetplanApplyReport = { outcome: 'refused', warnings: [], problems: [], notes: [], steps: [] };
  const step = (s: string) => {
    report.steps.push(s);
    log.info(s);
  };
  const h = o.host;
  const files = new RemoteFiles(o.conn, h.sudo);
  const target = hostPath(h, o.target);
  if (!o.target.startsWith(h.netplanDir + '/') || !/^[A-Za-z0-9._-]+\.yaml$/.test(o.target.slice(h.netplanDir.length + 1))) {
    throw new Error(`${o.target} is not a .yaml file directly in ${h.netplanDir}`);
  }

  // 1. The configuration as netplan will see it: the host's other files plus ours.
  const cfg = await readHostNetplan(o.conn, h);
  const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const mine = { name: base(o.target), text: o.text };
  const shadow = cfg.files.find((f) => base(f.path) === mine.name && f.path !== o.target && f.path.startsWith('/run/'));
  if (shadow) {
    report.problems.push(`${shadow.path} has the same name and shadows ${o.target}: netplan would ignore the new file`);
    step('nothing was changed');
    return report;
  }
  const others = cfg.files.filter((f) => base(f.path) !== mine.name).map((f) => ({ name: base(f.path), text: f.text }));
  const all = [...others, mine].sort((a, b) => (a.name < b.name ? -1 : 1));
  // The host's own netplan decides (generate in a temporary root there); Parc's findings it does not confirm
  // are notes. Its version also chooses the rules of Parc's own check.
  const verdict = await judgeNetplan(all.map((f) => ({ path: f.name, text: f.text })), { runner: o.conn, sudo: h.sudo, where: `on ${h.name}` });
  report.verdict = verdict.description;
  report.netplanVersion = verdict.netplanVersion;
  step(verdict.description);
  for (const r of verdict.reports) {
    for (const d of r.diagnostics) (d.severity === 'error' ? report.problems : report.notes).push(`${r.path}:${d.line}:${d.col}: ${d.message}`);
  }
  for (const n of report.notes) step(`note: ${n}`);
  if (verdict.judge !== 'netplan') {
    report.problems.push(`netplan could not judge the configuration on ${h.name}: ${verdict.description.replace(/^.*?; /, '')}`);
    step('nothing was changed');
    return report;
  }
  if (!verdict.ok) {
    if (!report.problems.length) report.problems.push(verdict.netplanOutput || 'netplan generate failed');
    step('the host\'s netplan generate rejected the configuration; nothing was changed');
    return report;
  }
  step('validated by Parc and by the host\'s netplan generate');
  const current = await files.read(target, 0o600);
  report.warnings = applyWarnings(mine.name, current.text, mergeNetplan(all.map((f) => f.text)));
  for (const w of report.warnings) step(`warning: ${w}`);
  if (report.warnings.length && !o.acceptWarnings) {
    step('stopped because of the warnings above (accept them to go on)');
    return report;
  }

  // 2. Write (atomic, with backup), then start the watchdog detached from this SSH session.
  const w = await files.write(current, o.text);
  report.backup = w.backup;
  step(`wrote ${target}${w.backup ? ` (backup ${w.backup})` : ' (new file)'}`);
  const id = randomBytes(6).toString('hex');
  const runDir = hostPath(h, '/run');
  const confirm = `${runDir}/parc-netplan-${id}.confirm`;
  const state = `${runDir}/parc-netplan-${id}.state`;
  const script = watchdogScript({ target, backup: w.backup, apply: h.netplanApply, confirm, state, timeoutS });
  const launcher = `mkdir -p ${shq(runDir)} && printf %s ${shq(Buffer.from(script).toString('base64'))} | base64 -d > ${shq(`${runDir}/parc-netplan-${id}.sh`)} && ` +
    `setsid nohup sh ${shq(`${runDir}/parc-netplan-${id}.sh`)} > ${shq(`${runDir}/parc-netplan-${id}.log`)} 2>&1 < /dev/null &`;
  const started = await o.conn.exec(launcher, { sudo: h.sudo, timeoutMs: 30000 });
  if (started.code !== 0) throw new Error(`could not start the apply on the host: ${started.stderr.trim()}`);
  step(`applying with "${h.netplanApply}"; the host reverts by itself in ${timeoutS} s unless Parc confirms`);
  const deadline = Date.now() + timeoutS * 1000;
  const readState = async (c: SshConnection) => (await c.exec(`cat ${shq(state)} 2>/dev/null`, { sudo: h.sudo, timeoutMs: 10000 })).stdout.trim();

  // 3. Confirm only through a new connection on the address the host should now have.
  const address = o.newAddress ?? o.conn.target.host;
  o.conn.close();
  let fresh: SshConnection | undefined;
  const interrupted = () => {
    report.outcome = 'unknown';
    step(`interrupted: nothing confirmed, so the host reverts by itself ${Math.max(0, Math.round((deadline - Date.now()) / 1000))} s from now`);
    return report;
  };
  while (Date.now() < deadline - 1500) {
    if (o.signal?.aborted) return interrupted();
    try {
      fresh = await o.connect(address);
      if ((await readState(fresh)) === 'waiting') break;
      fresh.close();
      fresh = undefined;
    } catch (err) {
      log.debug(`reconnect on ${address}: ${(err as Error).message}`);
    }
    await sleep(500);
  }
  if (fresh) {
    await fresh.exec(`touch ${shq(confirm)}`, { sudo: h.sudo, timeoutMs: 10000 });
    for (let i = 0; i < 50; i++) {
      const s = await readState(fresh);
      if (s === 'confirmed') {
        report.outcome = 'confirmed';
        step(`reconnected on ${address} and confirmed; the new configuration stays`);
        fresh.close();
        return report;
      }
      if (s !== 'waiting') break;
      await sleep(100);
    }
    fresh.close();
  }
  step(`could not confirm through a new connection on ${address}; waiting for the host to revert`);

  // 4. Not confirmed: the host reverts at the deadline; reconnect on the old address and check.
  const old = o.conn.target.host;
  const giveUp = deadline + 60000;
  while (Date.now() < deadline && !o.signal?.aborted) await sleep(Math.min(500, deadline - Date.now()));
  while (Date.now() < giveUp) {
    if (o.signal?.aborted) return interrupted();
    try {
      const c = await o.connect(old);
      try {
        const s = await readState(c);
        if (s === 'reverted') {
          const back = await new RemoteFiles(c, h.sudo).read(target);
          const same = back.exists ? back.sha256 === current.sha256 : !current.exists;
          report.outcome = same ? 'reverted' : 'unknown';
          step(same ? `reconnected on ${old}: the previous configuration is back` : `reconnected on ${old}, but ${target} differs from the previous version; check the host`);
          return report;
        }
        log.debug(`state on ${old}: ${s || '(none)'}`);
      } finally {
        c.close();
      }
    } catch (err) {
      log.debug(`reconnect on ${old}: ${(err as Error).message}`);
    }
    await sleep(1000);
  }
  report.outcome = 'unknown';
  step(`no connection on ${old} within 60 s after the revert deadline: the host needs its console`);
  return report;
}
