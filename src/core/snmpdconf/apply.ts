// Changing snmpd.conf on a host safely: edit → atomic write with backup → restart snmpd → poll the host with the
// new credentials using Parc's own SNMP engine. If the host does not answer, the backup is put back, snmpd is
// restarted, and polling is checked again, so monitoring is never left silently broken.
import type { SecretSource, Logger } from '../host';
import { silentLogger } from '../host';
import type { SnmpProfile } from '../inventory/types';
import { SnmpPoller } from '../poll/poller';
import type { DevicePoll } from '../poll/types';
import type { SshConnection } from '../ssh/connection';
import { hostPath, type LinuxHost } from '../ssh/linux-hosts';
import { RemoteFiles, type RemoteSnapshot } from '../ssh/remote-file';
import { decodeConf, encodeConf } from './bytes';
import { editSnmpdConf, type SnmpdEdit } from './edit';
import { addCreateUser, type V3UserSpec } from './persist';

export interface PollWith {
  profile: SnmpProfile;
  secrets: SecretSource;
}

export interface SnmpdApplyOptions {
  conn: SshConnection;
  host: LinuxHost;
  edit: SnmpdEdit;
  /** An SNMPv3 user to create (its `rouser` line goes in `edit.v3User`). */
  v3?: V3UserSpec;
  /** Where and how to poll afterwards: the new credentials. */
  verify: { address: string; port: number } & PollWith;
  /** The credentials that worked before, to check the restored configuration. */
  previous?: PollWith;
  /** How long to wait for the agent to answer after a restart (default 20 s). */
  pollTimeoutMs?: number;
  logger?: Logger;
}

export interface SnmpdApplyReport {
  ok: boolean;
  changes: string[];
  backup?: string;
  /** What the poll with the new credentials returned. */
  poll?: DevicePoll;
  error?: string;
  restored: boolean;
  /** After a restore: whether the previous credentials answer again (undefined when not checked). */
  previousWorks?: boolean;
  /** Everything that happened, in order, for the operator. */
  steps: string[];
}

async function pollUntil(target: { address: string; port: number } & PollWith, timeoutMs: number): Promise<DevicePoll> {
  const poller = new SnmpPoller({ secrets: target.secrets, concurrency: 1 });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await poller.pollOne({ device: { host: target.address, port: target.port, line: 0 }, profile: target.profile });
    if (r.status === 'up' || Date.now() > deadline || r.errorKind === 'credential-missing' || r.errorKind === 'config') return r;
    await new Promise((res) => setTimeout(res, 500));
  }
}

export async function applySnmpdChange(o: SnmpdApplyOptions): Promise<SnmpdApplyReport> {
  const log = o.logger ?? silentLogger;
  const steps: string[] = [];
  const step = (s: string) => {
    steps.push(s);
    log.info(s);
  };
  const h = o.host;
  const files = new RemoteFiles(o.conn, h.sudo);
  const run = async (what: string, cmd: string) => {
    const r = await o.conn.exec(cmd, { sudo: h.sudo, timeoutMs: 60000 });
    if (r.code !== 0) throw new Error(`${what} (${cmd}) failed with exit ${r.code}: ${(r.stderr || r.stdout).trim().slice(0, 500)}`);
    step(`${what}: ok`);
  };
  const confPath = hostPath(h, h.snmpd.conf);
  const persistPath = hostPath(h, h.snmpd.persist);
  const conf = await files.read(confPath);
  if (!conf.exists) throw new Error(`${h.name}: ${confPath} does not exist (is snmpd installed?)`);
  const decoded = decodeConf(conf.bytes, confPath);
  const edited = editSnmpdConf(decoded.text, o.edit);
  const report: SnmpdApplyReport = { ok: false, changes: edited.changes, restored: false, steps };
  if (!edited.changes.length && !o.v3) step('snmpd.conf already has these settings; nothing written');

  let persistBackup: string | undefined;
  let persistCreated: RemoteSnapshot | undefined;
  try {
    if (o.v3) {
      await run('stop snmpd (createUser needs the daemon stopped)', h.snmpd.stop);
      const persist = await files.read(persistPath, 0o600);
      const w = await files.write(persist, addCreateUser(persist.text, o.v3));
      persistBackup = w.backup;
      if (!persist.exists) persistCreated = await files.read(persistPath);
      step(`added createUser ${o.v3.name} to ${persistPath}${w.backup ? ` (backup ${w.backup})` : ''}`);
    }
    if (edited.changes.length) {
      const w = await files.write(conf, encodeConf(edited.text, decoded.encoding, confPath));
      report.backup = w.backup;
      step(`wrote ${confPath} (backup ${w.backup})`);
    }
    if (o.v3) await run('start snmpd', h.snmpd.start);
    else if (edited.changes.length) await run('restart snmpd', h.snmpd.restart);
    const p = await pollUntil(o.verify, o.pollTimeoutMs ?? 20000);
    report.poll = p;
    if (p.status === 'up') {
      step(`polled ${o.verify.address}:${o.verify.port} with the new credentials: up (sysName ${p.sysName ?? '?'})`);
      report.ok = true;
      return report;
    }
    report.error = `polling ${o.verify.address}:${o.verify.port} with the new credentials failed: ${p.error}`;
  } catch (err) {
    report.error = o.conn.clean((err as Error).message);
  }
  step(report.error!);

  // Roll back: put the previous files back, restart, and check the old credentials answer again.
  try {
    if (report.backup) {
      await files.restore(confPath, report.backup);
      step(`restored ${confPath} from ${report.backup}`);
    }
    if (persistBackup) {
      await files.restore(persistPath, persistBackup);
      step(`restored ${persistPath} from ${persistBackup}`);
    } else if (persistCreated) {
      await o.conn.exec(`rm -f -- '${persistPath.replace(/'/g, `'\\''`)}'`, { sudo: h.sudo });
      step(`removed ${persistPath}, which Parc had created`);
    }
    await run('restart snmpd', h.snmpd.restart);
    report.restored = true;
  } catch (err) {
    step(`ROLLBACK FAILED: ${o.conn.clean((err as Error).message)}; the host needs attention`);
    return report;
  }
  if (o.previous) {
    const p = await pollUntil({ ...o.verify, ...o.previous }, o.pollTimeoutMs ?? 20000);
    report.previousWorks = p.status === 'up';
    step(report.previousWorks ? 'the previous configuration answers polling again' : `the previous configuration does not answer either: ${p.error}`);
  } else step('previous configuration restored; no previous SNMP profile given, so polling it was not checked');
  return report;
}
