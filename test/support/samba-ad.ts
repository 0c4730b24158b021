// A real Active Directory for tests: Samba's AD DC provisioned into a private temp directory (RFC2307 on) and run in
// the foreground (`samba -i -M single`, only the LDAP service) on 127.0.0.1. Samba has no setting for the LDAP ports,
// so it takes 389/636 on loopback; only one instance can run at a time on a machine.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Attribute, Client } from 'ldapts';
import { issueServerCert, makeCa, waitForPort } from './slapd';
import { pidAlive } from '../../src/core/lock-file';

export const SAMBA = process.env.PARC_SAMBA ?? '/usr/sbin/samba';
export const SAMBA_TOOL = process.env.PARC_SAMBA_TOOL ?? '/usr/bin/samba-tool';

/** Why Samba AD cannot run here, or undefined when it can. */
export function sambaAdUnavailable(): string | undefined {
  if (!existsSync(SAMBA) || !existsSync(SAMBA_TOOL)) return 'samba / samba-tool not installed (Debian packages samba, samba-ad-provision)';
  if (!existsSync('/usr/lib/x86_64-linux-gnu/samba/ldb') && !existsSync('/usr/lib/aarch64-linux-gnu/samba/ldb')) return 'samba-dsdb-modules not installed (Samba AD DC needs it)';
  if (process.getuid?.() !== 0) return 'provisioning a Samba AD DC needs root';
  return undefined;
}

async function portBusy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

export interface RunningSambaAd {
  dir: string;
  realm: string; // PARC.TEST
  baseDn: string; // DC=parc,DC=test
  adminDn: string;
  adminPassword: string;
  ldapsUrl: string;
  url: string; // ldap:// (StartTLS)
  caFile: string;
  otherCaFile: string;
  /** Adds entries as Administrator over LDAPS. Binary values (unicodePwd) as Buffers. */
  add(entries: { dn: string; attrs: Record<string, string | string[] | Buffer> }[]): Promise<void>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));

/** The value AD wants in unicodePwd: the password in double quotes, UTF-16LE. */
export function unicodePwd(password: string): Buffer {
  return Buffer.from(`"${password}"`, 'utf16le');
}

/**
 * Samba cannot move off 389/636, so two test files that each start one (the test runner runs two files at once)
 * take turns: a lock directory in the temp dir, owned by a pid (a dead owner's lock is taken over), then the
 * ports must be free (another checkout's Samba may still hold them) — waited for, up to `waitMs`.
 */
const LOCK = path.join(os.tmpdir(), 'parc-samba-ad.lock');

async function takeTurn(waitMs: number): Promise<() => void> {
  const until = Date.now() + waitMs;
  const release = () => {
    try {
      if (Number(readFileSync(path.join(LOCK, 'pid'), 'utf8')) === process.pid) rmSync(LOCK, { recursive: true, force: true });
    } catch {
      // already gone
    }
  };
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner = NaN;
      try {
        owner = Number(readFileSync(path.join(LOCK, 'pid'), 'utf8'));
      } catch {
        // being written: look again
      }
      const age = Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      // A dead owner's lock, or one whose owner died between making it and writing its pid, is taken over.
      if (Number.isInteger(owner) && owner > 0 ? !pidAlive(owner) : age > 10_000) rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() > until) throw new Error(`another test's Samba AD (pid ${owner}) still runs after ${waitMs / 1000} s`);
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  for (const p of [389, 636]) {
    while (await portBusy(p)) {
      if (Date.now() > until) {
        release();
        throw new Error(`127.0.0.1:${p} is already in use (another Samba or slapd?); Samba AD cannot use other LDAP ports`);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return release;
}

export async function startSambaAd(o: { waitMs?: number } = {}): Promise<RunningSambaAd> {
  const release = await takeTurn(o.waitMs ?? 600_000);
  try {
    return await startSambaAdNow(release);
  } catch (e) {
    release();
    throw e;
  }
}

async function startSambaAdNow(release: () => void): Promise<RunningSambaAd> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-samba-'));
  const target = path.join(dir, 'dc');
  const realm = 'PARC.TEST';
  const adminPassword = `Adm1n-${process.pid}-Pass!`;
  const prov = spawnSync(SAMBA_TOOL, [
    'domain', 'provision', `--realm=${realm}`, '--domain=PARC', '--server-role=dc', '--dns-backend=NONE', '--use-rfc2307',
    `--adminpass=${adminPassword}`, '--host-ip=127.0.0.1', '--host-name=dc1', `--targetdir=${target}`,
    '--option=interfaces = 127.0.0.1', '--option=bind interfaces only = yes',
  ], { encoding: 'utf8', timeout: 120000 });
  if (prov.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`samba-tool domain provision failed (exit ${prov.status}): ${(prov.stderr + prov.stdout).trim().split('\n').filter((l) => !l.startsWith('INFO')).slice(-4).join(' | ')}`);
  }
  const ca = makeCa(dir, 'parc-ad-test-ca');
  const other = makeCa(dir, 'unrelated-ca');
  const cert = issueServerCert(ca, dir, 'dc1', ['dc1.parc.test', 'localhost'], ['127.0.0.1']);
  const confFile = path.join(target, 'etc', 'smb.conf');
  mkdirSync(path.join(target, 'run'), { recursive: true });
  // Only the LDAP service (no SMB, KDC, RPC ports), logs and pid files in the temp dir, our test certificate.
  const conf = readFileSync(confFile, 'utf8')
    .replace(/^\s*server services = .*$/m, '\tserver services = ldap')
    .replace(/^\s*log file = .*$/m, `\tlog file = ${path.join(target, 'samba.log')}`)
    .replace(/^\[global\]$/m, ['[global]', `\tpid directory = ${path.join(target, 'run')}`, '\ttls enabled = yes', `\ttls certfile = ${cert.certFile}`, `\ttls keyfile = ${cert.keyFile}`, `\ttls cafile = ${ca.certFile}`].join('\n'));
  writeFileSync(confFile, conf);
  const child = spawn(SAMBA, ['-i', '-M', 'single', '-s', confFile, '--debuglevel=1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  running.add(child);
  child.once('exit', () => running.delete(child));
  const quote = () => log.trim().split('\n').slice(-6).join(' | ') || '(no output)';
  try {
    await waitForPort(636, 30000, () => (child.exitCode !== null ? `samba exited with code ${child.exitCode}: ${quote()}` : undefined));
  } catch (err) {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Samba AD did not start: ${(err as Error).message}`);
  }
  const baseDn = 'DC=parc,DC=test';
  const adminDn = `CN=Administrator,CN=Users,${baseDn}`;
  const ldapsUrl = 'ldaps://127.0.0.1:636';
  const caPem = readFileSync(ca.certFile, 'utf8');
  const add = async (entries: { dn: string; attrs: Record<string, string | string[] | Buffer> }[]) => {
    const c = new Client({ url: ldapsUrl, timeout: 10000, connectTimeout: 10000, tlsOptions: { ca: [caPem], host: '127.0.0.1' } });
    try {
      await c.bind(adminDn, adminPassword);
      for (const e of entries) {
        const attrs = Object.entries(e.attrs).map(([type, v]) => new Attribute({ type, values: Buffer.isBuffer(v) ? [v] : Array.isArray(v) ? v : [v] }));
        await c.add(e.dn, attrs);
      }
    } finally {
      await c.unbind().catch(() => undefined);
    }
  };
  return {
    dir, realm, baseDn, adminDn, adminPassword, ldapsUrl, url: 'ldap://127.0.0.1:389', caFile: ca.certFile, otherCaFile: other.certFile, add,
    stop: async () => {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        });
      }
      rmSync(dir, { recursive: true, force: true });
      release();
    },
  };
}
