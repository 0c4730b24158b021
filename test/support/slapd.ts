// Starts a real Debian slapd on 127.0.0.1 (plain+StartTLS and LDAPS on two free high ports) for the LDAP tests,
// in a temp directory with its own config, database and a test CA generated with openssl at test time.
// Also holds the CA helpers the Samba AD support reuses.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'ldapts';
import { freeTcpPort } from './ports';

export const SLAPD = process.env.PARC_SLAPD ?? '/usr/sbin/slapd';

export function slapdAvailable(): boolean {
  return existsSync(SLAPD) && existsSync('/usr/lib/ldap/back_mdb.so') && existsSync('/usr/lib/ldap/memberof.so');
}

function openssl(args: string[], cwd: string): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl ${args.slice(0, 2).join(' ')} failed: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
}

export interface TestCa {
  certFile: string;
  keyFile: string;
}

/** A throw-away certificate authority (EC P-256, one day). */
export function makeCa(dir: string, name: string): TestCa {
  const keyFile = path.join(dir, `${name}.key`);
  const certFile = path.join(dir, `${name}.pem`);
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '1', '-subj', `/CN=${name}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'], dir);
  return { certFile, keyFile };
}

/** A server certificate signed by `ca`, valid for the given host names and IP addresses. */
export function issueServerCert(ca: TestCa, dir: string, name: string, dnsNames: string[], ips: string[]): { certFile: string; keyFile: string } {
  const keyFile = path.join(dir, `${name}.key`);
  const csr = path.join(dir, `${name}.csr`);
  const certFile = path.join(dir, `${name}.pem`);
  const ext = path.join(dir, `${name}.ext`);
  writeFileSync(ext, `subjectAltName=${[...dnsNames.map((d) => `DNS:${d}`), ...ips.map((i) => `IP:${i}`)].join(',')}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`);
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', csr, '-subj', `/CN=${dnsNames[0] ?? ips[0]}`], dir);
  openssl(['x509', '-req', '-in', csr, '-CA', ca.certFile, '-CAkey', ca.keyFile, '-CAcreateserial', '-out', certFile, '-days', '1', '-extfile', ext], dir);
  return { certFile, keyFile };
}

export async function waitForPort(port: number, timeoutMs: number, exited: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const why = exited();
    if (why) throw new Error(why);
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listened on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

export interface RunningSlapd {
  dir: string;
  suffix: string;
  rootDn: string;
  rootPw: string;
  port: number;
  ldapsPort: number;
  url: string; // ldap://127.0.0.1:port (StartTLS available)
  ldapsUrl: string;
  /** The same LDAPS service on 127.0.0.2, an address its certificate does not name. */
  wrongNameUrl: string;
  caFile: string; // the CA that signed the server certificate
  otherCaFile: string; // an unrelated CA, for "untrusted certificate" cases
  /** Adds entries as the root DN, in order (the memberOf overlay fills memberOf as groups are added). */
  add(entries: { dn: string; attrs: Record<string, string | string[]> }[]): Promise<void>;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));

export async function startSlapd(o: { suffix?: string } = {}): Promise<RunningSlapd> {
  const suffix = o.suffix ?? 'dc=parc,dc=test';
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-slapd-'));
  mkdirSync(path.join(dir, 'db'));
  const ca = makeCa(dir, 'parc-test-ca');
  const other = makeCa(dir, 'unrelated-ca');
  const server = issueServerCert(ca, dir, 'server', ['localhost'], ['127.0.0.1']);
  const [port, ldapsPort] = [await freeTcpPort(), await freeTcpPort()];
  const rootDn = `cn=admin,${suffix}`;
  const rootPw = `root-${process.pid}-${Date.now()}`;
  const conf = [
    ...['core', 'cosine', 'nis', 'inetorgperson'].map((s) => `include /etc/ldap/schema/${s}.schema`),
    'modulepath /usr/lib/ldap',
    'moduleload back_mdb',
    'moduleload memberof',
    `pidfile ${path.join(dir, 'slapd.pid')}`,
    `argsfile ${path.join(dir, 'slapd.args')}`,
    `TLSCACertificateFile ${ca.certFile}`,
    `TLSCertificateFile ${server.certFile}`,
    `TLSCertificateKeyFile ${server.keyFile}`,
    'database mdb',
    `suffix "${suffix}"`,
    `rootdn "${rootDn}"`,
    `rootpw ${rootPw}`,
    `directory ${path.join(dir, 'db')}`,
    'maxsize 16777216',
    'overlay memberof',
    'memberof-group-oc groupOfNames',
    'memberof-member-ad member',
    'memberof-memberof-ad memberOf',
    'access to attrs=userPassword by self write by anonymous auth by * none',
    'access to * by * read',
  ].join('\n');
  const confFile = path.join(dir, 'slapd.conf');
  writeFileSync(confFile, conf + '\n');
  const logFile = path.join(dir, 'slapd.log');
  // Also LDAPS on 127.0.0.2 (still loopback): the certificate does not name that address, for host-name checks.
  const child = spawn(SLAPD, ['-h', `ldap://127.0.0.1:${port}/ ldaps://127.0.0.1:${ldapsPort}/ ldaps://127.0.0.2:${ldapsPort}/`, '-f', confFile, '-d', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => {
    log += d.toString();
    writeFileSync(logFile, log);
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const quote = () => log.trim().split('\n').slice(-6).join(' | ') || '(no output)';
  try {
    await waitForPort(ldapsPort, 15000, () => (child.exitCode !== null ? `slapd exited with code ${child.exitCode}: ${quote()}` : undefined));
    await waitForPort(port, 5000, () => (child.exitCode !== null ? `slapd exited with code ${child.exitCode}: ${quote()}` : undefined));
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`slapd did not start: ${(err as Error).message}`);
  }
  const url = `ldap://127.0.0.1:${port}`;
  const add = async (entries: { dn: string; attrs: Record<string, string | string[]> }[]) => {
    const c = new Client({ url, timeout: 5000, connectTimeout: 5000 });
    try {
      await c.bind(rootDn, rootPw);
      for (const e of entries) await c.add(e.dn, e.attrs);
    } finally {
      await c.unbind().catch(() => undefined);
    }
  };
  return {
    dir, suffix, rootDn, rootPw, port, ldapsPort, url, ldapsUrl: `ldaps://127.0.0.1:${ldapsPort}`, wrongNameUrl: `ldaps://127.0.0.2:${ldapsPort}`, caFile: ca.certFile, otherCaFile: other.certFile, add,
    stop: async () => {
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 3000).unref();
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Reads a file from the slapd directory (for assertions on its log). */
export function slapdLog(s: RunningSlapd): string {
  try {
    return readFileSync(path.join(s.dir, 'slapd.log'), 'utf8');
  } catch {
    return '';
  }
}

/** Passwords of the test tree's accounts (test-only values). */
export const TREE_PASSWORDS = { svc: 'svc-Secret-42', alice: 'alice-Pw-1', bob: 'bob-Pw-2', carol: 'carol-Pw-3' };

function person(uid: string, n: number, pw: string, suffix: string) {
  return {
    dn: `uid=${uid},ou=People,${suffix}`,
    attrs: { objectClass: ['inetOrgPerson', 'posixAccount'], uid, cn: `${uid} Test`, sn: 'Test', uidNumber: String(10000 + n), gidNumber: '10000', homeDirectory: `/home/${uid}`, userPassword: pw },
  };
}

/**
 * The test tree: ou=People (alice, bob, carol, two "Sam Twin"), ou=Service (svc-parc), ou=Groups with groupOfNames
 * IT-France (alice, and the group Helpdesk which holds bob), Admins (alice), and posixGroup it-posix (memberUid alice).
 */
export async function buildTestTree(s: RunningSlapd): Promise<void> {
  const x = s.suffix;
  const PW = TREE_PASSWORDS;
  await s.add([
    { dn: x, attrs: { objectClass: ['dcObject', 'organization'], dc: x.split(',')[0].split('=')[1], o: 'Parc test' } },
    { dn: `ou=People,${x}`, attrs: { objectClass: 'organizationalUnit', ou: 'People' } },
    { dn: `ou=Groups,${x}`, attrs: { objectClass: 'organizationalUnit', ou: 'Groups' } },
    { dn: `ou=Service,${x}`, attrs: { objectClass: 'organizationalUnit', ou: 'Service' } },
    { dn: `cn=svc-parc,ou=Service,${x}`, attrs: { objectClass: ['organizationalRole', 'simpleSecurityObject'], cn: 'svc-parc', userPassword: PW.svc } },
    person('alice', 1, PW.alice, x),
    person('bob', 2, PW.bob, x),
    person('carol', 3, PW.carol, x),
    { dn: `cn=Sam Twin,ou=People,${x}`, attrs: { objectClass: 'inetOrgPerson', cn: 'Sam Twin', sn: 'Twin', uid: 'twin1', userPassword: 'x-twin-1' } },
    { dn: `uid=twin2,ou=People,${x}`, attrs: { objectClass: 'inetOrgPerson', cn: 'Sam Twin', sn: 'Twin', uid: 'twin2', userPassword: 'x-twin-2' } },
    // Helpdesk is inside IT-France: bob reaches IT-France only through it.
    { dn: `cn=Helpdesk,ou=Groups,${x}`, attrs: { objectClass: 'groupOfNames', cn: 'Helpdesk', member: `uid=bob,ou=People,${x}` } },
    { dn: `cn=IT-France,ou=Groups,${x}`, attrs: { objectClass: 'groupOfNames', cn: 'IT-France', member: [`uid=alice,ou=People,${x}`, `cn=Helpdesk,ou=Groups,${x}`] } },
    { dn: `cn=Admins,ou=Groups,${x}`, attrs: { objectClass: 'groupOfNames', cn: 'Admins', member: `uid=alice,ou=People,${x}` } },
    { dn: `cn=it-posix,ou=Groups,${x}`, attrs: { objectClass: 'posixGroup', cn: 'it-posix', gidNumber: '20000', memberUid: ['alice'] } },
  ]);
}
