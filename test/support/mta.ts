// Starts a real Debian Postfix on 127.0.0.1 for the e-mail tests: its own config, queue and data
// directories in a temp dir (never the distribution's instance or /etc/postfix), three listeners on free
// high ports — plain SMTP, submission with STARTTLS required + AUTH, and SMTPS (TLS on connect) + AUTH —
// and local delivery of every recipient to one Maildir the test reads. AUTH uses Cyrus SASL's sasldb (no
// daemon). The server certificate comes from a throw-away CA (test/support/slapd.ts's helpers).
// (OpenSMTPD was tried first: Debian 12's 6.8 cannot do TLS with OpenSSL 3, OpenSMTPD issue #1171.)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freeTcpPort } from './ports';
import { issueServerCert, makeCa, waitForPort } from './slapd';

export const POSTFIX = '/usr/sbin/postfix';

export function mtaAvailable(): boolean {
  return existsSync(POSTFIX) && existsSync('/usr/sbin/saslpasswd2') && existsSync('/usr/lib/x86_64-linux-gnu/sasl2/libsasldb.so') && process.getuid?.() === 0;
}

export interface Mail {
  file: string;
  raw: string;
  subject: string;
  to: string;
  from: string;
  /** Decoded text/plain part. */
  text: string;
  html: string;
}

export interface RunningMta {
  dir: string;
  /** Plain SMTP, no AUTH (relays nothing, delivers locally). */
  plainPort: number;
  /** Submission: STARTTLS required, then AUTH. */
  submissionPort: number;
  /** SMTPS: TLS from the first byte, then AUTH. */
  smtpsPort: number;
  user: string;
  password: string;
  caFile: string;
  otherCaFile: string;
  domain: string;
  /** Messages delivered so far, oldest first. */
  mails(): Mail[];
  /** Waits until at least `n` messages have been delivered (Postfix delivers asynchronously). */
  waitForMails(n: number, timeoutMs?: number): Promise<Mail[]>;
  log(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));

function uid(name: string): number {
  const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`no user ${name} (is postfix installed? scripts/install-deps.sh)`);
  return Number(line.split(':')[2]);
}

function decodePart(headers: string, body: string): string {
  const cte = /content-transfer-encoding:\s*(\S+)/i.exec(headers)?.[1]?.toLowerCase();
  if (cte === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (cte === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

function decodeHeader(v: string): string {
  return v.replace(/\r?\n\s+/g, ' ').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, t: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(t, 'base64').toString('utf8') : Buffer.from(t.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
}

/** A small MIME reader, enough for what nodemailer writes (multipart/alternative, QP or base64 parts). */
export function parseMail(file: string, raw: string): Mail {
  const split = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const header = (name: string) => {
    const m = new RegExp(`^${name}:(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(head);
    return m ? decodeHeader(m[1].trim()) : '';
  };
  let text = '';
  let html = '';
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head)?.[1];
  if (boundary) {
    for (const part of body.split(`--${boundary}`)) {
      const s = part.search(/\r?\n\r?\n/);
      if (s < 0) continue;
      const ph = part.slice(0, s);
      const pb = part.slice(s).replace(/^\r?\n\r?\n/, '');
      if (/content-type:\s*text\/plain/i.test(ph)) text = decodePart(ph, pb);
      if (/content-type:\s*text\/html/i.test(ph)) html = decodePart(ph, pb);
    }
  } else text = decodePart(head, body);
  return { file, raw, subject: header('Subject'), to: header('To'), from: header('From'), text: text.replace(/\r\n/g, '\n'), html };
}

export async function startMta(o: { user?: string; password?: string } = {}): Promise<RunningMta> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-mta-'));
  chmodSync(dir, 0o755); // postfix and nobody must reach data/ and mail/
  const etc = path.join(dir, 'etc');
  for (const d of ['etc', 'etc/sasl', 'queue', 'data', 'mail']) mkdirSync(path.join(dir, d), { recursive: true });
  const ca = makeCa(dir, 'parc-mail-ca');
  const other = makeCa(dir, 'unrelated-ca');
  const server = issueServerCert(ca, etc, 'server', ['localhost', 'mail.parc.test'], ['127.0.0.1']);
  const [plainPort, submissionPort, smtpsPort] = [await freeTcpPort(), await freeTcpPort(), await freeTcpPort()];
  const user = o.user ?? 'parc@parc.test';
  const password = o.password ?? `smtp-${process.pid}-${Date.now()}-Pw`;
  const domain = 'parc.test';
  const mailDir = path.join(dir, 'mail');
  const logFile = path.join(dir, 'maillog');
  const main = [
    'compatibility_level = 3.6',
    `queue_directory = ${path.join(dir, 'queue')}`,
    `data_directory = ${path.join(dir, 'data')}`,
    'mail_owner = postfix',
    'setgid_group = postdrop',
    'myhostname = localhost',
    `mydomain = ${domain}`,
    `myorigin = ${domain}`,
    'mydestination = localhost',
    'inet_interfaces = 127.0.0.1',
    'inet_protocols = ipv4',
    'mynetworks = 127.0.0.0/8',
    'alias_maps =',
    'alias_database =',
    // Every recipient of parc.test lands in one Maildir, owned by nobody.
    `virtual_mailbox_domains = ${domain}`,
    `virtual_mailbox_base = ${mailDir}`,
    'virtual_mailbox_maps = static:Maildir/',
    'virtual_uid_maps = static:65534',
    'virtual_gid_maps = static:65534',
    'virtual_minimum_uid = 100',
    `smtpd_tls_cert_file = ${server.certFile}`,
    `smtpd_tls_key_file = ${server.keyFile}`,
    'smtpd_tls_security_level = may',
    // Debian's Postfix reads $config_directory/sasl/smtpd.conf.
    `cyrus_sasl_config_path = ${path.join(etc, 'sasl')}`,
    'smtpd_sasl_path = smtpd',
    `maillog_file = ${logFile}`,
    `maillog_file_prefixes = ${dir}`,
    'smtputf8_enable = no',
    'biff = no',
    'smtpd_banner = $myhostname ESMTP parc-test',
    'smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination',
  ];
  const authed = '-o smtpd_sasl_auth_enable=yes -o smtpd_recipient_restrictions=permit_sasl_authenticated,reject -o smtpd_relay_restrictions=permit_sasl_authenticated,reject';
  const master = [
    `127.0.0.1:${plainPort} inet n - n - - smtpd`,
    `127.0.0.1:${submissionPort} inet n - n - - smtpd -o smtpd_tls_security_level=encrypt -o smtpd_tls_auth_only=yes ${authed}`,
    `127.0.0.1:${smtpsPort} inet n - n - - smtpd -o smtpd_tls_wrappermode=yes ${authed}`,
    ...['cleanup unix n - n - 0 cleanup', 'qmgr unix n - n 300 1 qmgr', 'rewrite unix - - n - - trivial-rewrite', 'bounce unix - - n - 0 bounce', 'defer unix - - n - 0 bounce',
      'trace unix - - n - 0 bounce', 'verify unix - - n - 1 verify', 'flush unix n - n 1000? 0 flush', 'proxymap unix - - n - - proxymap', 'smtp unix - - n - - smtp',
      'error unix - - n - - error', 'retry unix - - n - - error', 'discard unix - - n - - discard', 'local unix - n n - - local', 'virtual unix - n n - - virtual',
      'anvil unix - - n - 1 anvil', 'scache unix - - n - 1 scache', 'postlog unix-dgram n - n - 1 postlogd', 'tlsmgr unix - - n 1000? 1 tlsmgr', 'showq unix n - n - - showq', 'pickup unix n - n 60 1 pickup'],
  ];
  writeFileSync(path.join(etc, 'main.cf'), main.join('\n') + '\n');
  writeFileSync(path.join(etc, 'master.cf'), master.join('\n') + '\n');
  const sasldb = path.join(etc, 'sasl', 'sasldb2');
  writeFileSync(path.join(etc, 'sasl', 'smtpd.conf'), `pwcheck_method: auxprop\nauxprop_plugin: sasldb\nmech_list: PLAIN LOGIN\nsasldb_path: ${sasldb}\n`);
  const [local, realm] = user.split('@');
  const r = spawnSync('/usr/sbin/saslpasswd2', ['-f', sasldb, '-p', '-c', ...(realm ? ['-u', realm] : []), local], { input: password, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`saslpasswd2 failed: ${r.stderr}`);
  chownSync(sasldb, uid('postfix'), 0);
  chownSync(path.join(dir, 'data'), uid('postfix'), 0);
  chownSync(mailDir, 65534, 65534);
  const child = spawn(POSTFIX, ['-c', etc, 'start-fg'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  running.add(child);
  child.once('exit', () => running.delete(child));
  const log = () => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return out;
    }
  };
  const died = () => (child.exitCode !== null ? `postfix exited with code ${child.exitCode}: ${log().trim().split('\n').slice(-5).join(' | ')}` : undefined);
  try {
    for (const p of [plainPort, submissionPort, smtpsPort]) await waitForPort(p, 20000, died);
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`postfix did not start: ${(err as Error).message}`);
  }
  const mails = (): Mail[] => {
    const nd = path.join(mailDir, 'Maildir', 'new');
    // Postfix names a Maildir file SECONDS.VdevIinodeMmicros.host: sort by delivery time, not by name, since two
    // mails of the same second would otherwise come in inode order.
    const when = (n: string) => {
      const m = /^(\d+)\.[^.]*?M(\d+)/.exec(n);
      return m ? Number(m[1]) * 1e6 + Number(m[2]) : Number.parseInt(n, 10) * 1e6;
    };
    const names = existsSync(nd) ? readdirSync(nd).sort((a, b) => when(a) - when(b) || a.localeCompare(b)) : [];
    return names.map((n) => parseMail(path.join(nd, n), readFileSync(path.join(nd, n), 'utf8')));
  };
  return {
    dir, plainPort, submissionPort, smtpsPort, user, password, caFile: ca.certFile, otherCaFile: other.certFile, domain, mails, log,
    async waitForMails(n, timeoutMs = 20000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const m = mails();
        if (m.length >= n) return m;
        if (Date.now() > deadline) throw new Error(`expected ${n} mail(s), ${m.length} delivered; log: ${log().trim().split('\n').slice(-6).join(' | ')}`);
        await new Promise((res) => setTimeout(res, 100));
      }
    },
    async stop() {
      spawnSync(POSTFIX, ['-c', etc, 'stop'], { stdio: 'ignore' });
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          setTimeout(() => child.kill('SIGKILL'), 5000).unref();
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
