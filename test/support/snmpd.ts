// Starts a real Debian snmpd on 127.0.0.1 for tests and benchmarks, with its own config and
// persistent directory (nothing of the machine's /etc/snmp or /var/lib/snmp is used).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, existsSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as dgram from 'node:dgram';
import { freeUdpPort, portTaken } from './ports';

export const SNMPD = process.env.PARC_SNMPD ?? '/usr/sbin/snmpd';

export interface SnmpdOptions {
  community?: string;
  v3?: { user: string; authPass: string; privPass: string; auth?: 'SHA' | 'SHA-256' | 'SHA-512' | 'MD5'; priv?: 'AES' | 'DES' };
  location?: string;
  contact?: string;
  sysName?: string;
  /** Observium/LibreNMS style extend lines, added as given. */
  extendLines?: string[];
  extraLines?: string[];
  /** Several ports served by one daemon on 127.0.0.1 (for the benchmark). */
  ports?: number[];
  /** Explicit `address:port` endpoints on loopback (the demo estate uses 127.0.x.y addresses). */
  endpoints?: string[];
}

export interface RunningSnmpd {
  port: number;
  ports: number[];
  dir: string;
  stop(): Promise<void>;
  /** Stops and starts again on the same port (a "reboot" of the agent). */
  restart(): Promise<void>;
  /** Stops the daemon but keeps its directory, so restart() brings it back on the same port (an outage). */
  halt(): Promise<void>;
}

export function observiumExtendLines(dir: string, values: { distro: string; hardware: string; vendor: string; serial: string; uptimeSeconds?: number }): string[] {
  const files: Record<string, string> = { distro: values.distro, hardware: values.hardware, vendor: values.vendor, serial: values.serial };
  const lines: string[] = [];
  const n = { distro: 1, hardware: 2, vendor: 3, serial: 4 } as const;
  for (const [k, v] of Object.entries(files)) {
    const f = path.join(dir, `${k}.txt`);
    writeFileSync(f, v + '\n');
    lines.push(`extend .1.3.6.1.4.1.2021.7890.${n[k as keyof typeof n]} ${k} /bin/cat ${f}`);
  }
  if (values.uptimeSeconds !== undefined) {
    const f = path.join(dir, 'uptime.txt');
    writeFileSync(f, `${values.uptimeSeconds}.42 ${values.uptimeSeconds * 2}.17\n`);
    lines.push(`extend uptime /bin/cat ${f}`);
  } else {
    lines.push('extend uptime /bin/cat /proc/uptime');
  }
  return lines;
}

export function snmpdAvailable(): boolean {
  return existsSync(SNMPD);
}

async function waitForAgent(host: string, port: number, community: string | undefined, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers(host, port, community ?? 'public')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`snmpd did not answer on ${host}:${port} within ${timeoutMs} ms`);
}

/** A v2c GET of sysUpTime.0 by hand; any reply (even an error report) means the daemon is listening. */
function answers(host: string, port: number, community: string): Promise<boolean> {
  const c = Buffer.from(community);
  const oid = Buffer.from([0x06, 0x08, 0x2b, 6, 1, 2, 1, 1, 3, 0]);
  const vb = Buffer.concat([Buffer.from([0x30, oid.length + 2]), oid, Buffer.from([0x05, 0x00])]);
  const vbl = Buffer.concat([Buffer.from([0x30, vb.length]), vb]);
  const pduBody = Buffer.concat([Buffer.from([0x02, 0x01, 0x01, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00]), vbl]);
  const pdu = Buffer.concat([Buffer.from([0xa0, pduBody.length]), pduBody]);
  const body = Buffer.concat([Buffer.from([0x02, 0x01, 0x01, 0x04, c.length]), c, pdu]);
  const msg = Buffer.concat([Buffer.from([0x30, body.length]), body]);
  return new Promise((resolve) => {
    const s = dgram.createSocket('udp4');
    const t = setTimeout(() => {
      s.close();
      resolve(false);
    }, 300);
    s.on('message', () => {
      clearTimeout(t);
      s.close();
      resolve(true);
    });
    s.on('error', () => undefined);
    s.send(msg, port, host);
  });
}

const running = new Set<ChildProcess>();
// Agents must not outlive the test process, even when a test crashes.
process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));

function readLog(dir: string): string {
  try {
    return readFileSync(path.join(dir, 'snmpd.log'), 'utf8').trim().split('\n').slice(-5).join(' | ');
  } catch {
    return '(no log)';
  }
}

export async function startSnmpd(o: SnmpdOptions = {}): Promise<RunningSnmpd> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-snmpd-'));
  const chosen = !o.endpoints && !o.ports;
  let endpoints = o.endpoints ?? (o.ports ?? [await freeUdpPort()]).map((p) => `127.0.0.1:${p}`);
  let ports = endpoints.map((e) => Number(e.split(':')[1]));
  const readyHost = endpoints[0].split(':')[0];
  const lines = [
    'view all included .1',
    `rocommunity ${o.community ?? 'parc-ready-probe'} 127.0.0.0/8 -V all`,
    o.v3 ? `createUser ${o.v3.user} ${o.v3.auth ?? 'SHA'} "${o.v3.authPass}" ${o.v3.priv ?? 'AES'} "${o.v3.privPass}"` : '',
    o.v3 ? `rouser ${o.v3.user} priv -V all` : '',
    `sysLocation ${o.location ?? 'Test lab'}`,
    `sysContact ${o.contact ?? 'parc-tests <tests@example.invalid>'}`,
    o.sysName ? `sysName ${o.sysName}` : '',
    'includeAllDisks 10%',
    'load 12 10 5',
    ...(o.extendLines ?? []),
    ...(o.extraLines ?? []),
  ].filter(Boolean);
  const conf = path.join(dir, 'snmpd.conf');
  writeFileSync(conf, lines.join('\n') + '\n');
  let child: ChildProcess | undefined;
  const launch = async () => {
    rmSync(path.join(dir, 'snmpd.log'), { force: true }); // the reason of a failure is this launch's
    // -f: foreground; -C: only our config; -Lf: log to a file in the temp dir; no MIB loading (faster start).
    child = spawn(SNMPD, ['-f', '-C', '-c', conf, '-Lf', path.join(dir, 'snmpd.log'), '-p', path.join(dir, 'snmpd.pid'), '-M', '/nonexistent', '-m', '', '-I', '-smux,mteTrigger,mteTriggerConf',
      // Endpoints on the command line: a config line is cut at 2,560 characters (about 128 endpoints).
      ...endpoints.map((e) => `udp:${e}`)], {
      stdio: 'ignore',
      env: { ...process.env, SNMP_PERSISTENT_DIR: path.join(dir, 'persist'), MIBS: '' },
    });
    const c = child;
    const exited = new Promise<never>((_, reject) => c.once('exit', (code) => reject(new Error(`snmpd exited with code ${code}: ${readLog(dir)}`))));
    await Promise.race([waitForAgent(readyHost, ports[0], o.community ?? 'parc-ready-probe', 15000), exited]);
    exited.catch(() => undefined);
    running.add(c);
    c.once('exit', () => running.delete(c));
  };
  // A port we chose can still be taken by another process between our check and snmpd's bind:
  // then take another one (a port the caller gave is its business).
  for (let attempt = 1; ; attempt++) {
    try {
      await launch();
      break;
    } catch (e) {
      if (!chosen || attempt >= 5 || !portTaken(String(e))) throw e;
      endpoints = [`127.0.0.1:${await freeUdpPort()}`];
      ports = [Number(endpoints[0].split(':')[1])];
    }
  }
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    const c = child;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
      setTimeout(() => c.kill('SIGKILL'), 3000).unref();
    });
  };
  return {
    port: ports[0],
    ports,
    dir,
    restart: async () => {
      await stop();
      await launch();
    },
    halt: stop,
    stop: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Whether the snmpd binary can run here (the test rig installs it with scripts/install-deps.sh). */
export function snmpdVersion(): string | undefined {
  const r = spawnSync(SNMPD, ['-v'], { encoding: 'utf8' });
  return r.status === 0 ? /version:\s*(\S+)/.exec(r.stdout)?.[1] : undefined;
}
