// `parc serve` as a real child process for the attach-side client tests (extension host, browser page, core client):
// local accounts made with `parc serve user add`, a self-signed certificate whose fingerprint the server
// prints, a free loopback port. Also reads snmpd's own snmpInPkts, to count what reached an agent.
import * as cp from 'node:child_process';
import * as path from 'node:path';
import * as snmp from 'net-snmp';
import { freeTcpPort } from './ports';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const CLI = path.join(REPO, 'dist', 'cli.js');

export interface RunningServe {
  url: string;
  port: number;
  fingerprint: string;
  output(): string;
  stop(): Promise<void>;
  /** Stops and starts again on the same port with the same state (and certificate). */
  restart(): Promise<void>;
}

export function addUser(inventory: string, name: string, role: 'viewer' | 'operator' | 'admin', password: string, env: NodeJS.ProcessEnv = {}): void {
  const r = cp.spawnSync(process.execPath, [CLI, 'serve', 'user', 'add', name, '--role', role, '--password-env', 'PARC_TEST_PW', '--inventory', inventory], {
    env: { ...process.env, ...env, PARC_TEST_PW: password }, encoding: 'utf8', cwd: path.dirname(inventory),
  });
  if (r.status !== 0) throw new Error(`parc serve user add ${name} failed (${r.status}): ${r.stderr}${r.stdout}`);
}

export async function startServe(inventory: string, env: NodeJS.ProcessEnv = {}, extraArgs: string[] = []): Promise<RunningServe> {
  const port = await freeTcpPort();
  let out = '';
  let child: cp.ChildProcess | undefined;
  let fingerprint = '';
  const launch = () =>
    new Promise<void>((resolve, reject) => {
      out = '';
      child = cp.spawn(process.execPath, [CLI, 'serve', '--inventory', inventory, '--listen', `127.0.0.1:${port}`, '--self-signed', ...extraArgs], {
        env: { ...process.env, ...env }, cwd: path.dirname(inventory), stdio: ['ignore', 'pipe', 'pipe'],
      });
      const timer = setTimeout(() => reject(new Error(`parc serve did not start within 30 s:\n${out}`)), 30_000);
      const onData = (c: Buffer) => {
        out += c.toString('utf8');
        const fp = /SHA-256 fingerprint: ([0-9A-F:]{95})/i.exec(out);
        if (fp) fingerprint = fp[1].toUpperCase();
        if (/listening on/.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`parc serve exited (${code}):\n${out}`));
      });
    });
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
      setTimeout(() => c.kill('SIGKILL'), 10_000).unref();
    });
  };
  await launch();
  if (!fingerprint) throw new Error(`parc serve printed no SHA-256 fingerprint:\n${out}`);
  return {
    url: `https://127.0.0.1:${port}`, port,
    get fingerprint() {
      return fingerprint;
    },
    output: () => out,
    stop,
    async restart() {
      await stop();
      await launch();
    },
  };
}

/** snmpd's snmpInPkts (SNMPv2-MIB): every SNMP message the agent received, this read included. */
export function snmpInPkts(port: number, community: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = snmp.createSession('127.0.0.1', community, { port, version: snmp.Version2c, timeout: 2000, retries: 0 });
    s.get(['1.3.6.1.2.1.11.1.0'], (err: Error | null, vbs: { value: unknown }[]) => {
      s.close();
      if (err) reject(err);
      else resolve(Number(vbs[0].value));
    });
  });
}
