// Starts Debian's snmpsim (snmpsimd) on 127.0.0.1, serving .snmprec recordings: the community
// of each device is its file name without the extension.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freeUdpPort } from './ports';

export const SNMPSIMD = process.env.PARC_SNMPSIMD ?? '/usr/bin/snmpsimd';
export const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

export interface RunningSnmpsim {
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((c) => c.kill('SIGKILL')));

/** Files given by path are copied in; `records` are written as name.snmprec from lines. */
/** `as` renames a single copied file, i.e. sets the community it answers to. */
export async function startSnmpsim(o: { files?: string[]; records?: Record<string, string[]>; host?: string; port?: number; as?: string }): Promise<RunningSnmpsim> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-snmpsim-'));
  const data = path.join(dir, 'data');
  mkdirSync(data);
  for (const f of o.files ?? []) copyFileSync(f, path.join(data, o.as && o.files?.length === 1 ? `${o.as}.snmprec` : path.basename(f)));
  for (const [name, lines] of Object.entries(o.records ?? {})) writeFileSync(path.join(data, `${name}.snmprec`), lines.join('\n') + '\n');
  // snmpsimd drops privileges to nobody when started as root: it must read the data and write its cache.
  chmodSync(dir, 0o777);
  chmodSync(data, 0o755);
  for (const f of readdirSync(data)) chmodSync(path.join(data, f), 0o644);
  const port = o.port ?? (await freeUdpPort());
  const log = path.join(dir, 'snmpsim.log');
  const args = [`--data-dir=${data}`, `--agent-udpv4-endpoint=${o.host ?? '127.0.0.1'}:${port}`, `--cache-dir=${path.join(dir, 'cache')}`, `--logging-method=file:${log}`];
  if (process.getuid?.() === 0) args.push('--process-user=nobody', '--process-group=nogroup');
  const child = spawn(SNMPSIMD, args, { stdio: 'ignore' });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const readText = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');
  // snmpsimd indexes every file before it listens: allow for that on a loaded machine (the corpus has 212 files).
  const readyMs = 30000 + 500 * readdirSync(data).length;
  const deadline = Date.now() + readyMs;
  while (!/Listening at|listening at|UDP\/IPv4 endpoint/i.test(readText())) {
    if (child.exitCode !== null) throw new Error(`snmpsimd exited with code ${child.exitCode}: ${readText().slice(-500)}`);
    if (Date.now() > deadline) throw new Error(`snmpsimd not ready after ${readyMs / 1000} s: ${readText().slice(-500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    dataDir: data,
    async stop() {
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

/** The recordings of the shared corpus, when it is beside the project (it is in CI). */
export function corpusRecordings(): string[] {
  const dir = path.join(CORPUS, 'snmprec');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.snmprec')).map((f) => path.join(dir, f));
}

/** Parses a .snmprec file into OID → [type, value] (an independent reading used to check what Parc polled). */
export function readSnmprec(file: string): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([\d.]+)\|([0-9a-z:]+)\|(.*)$/.exec(line.trim());
    if (m) out.set(m[1], [m[2], m[3]]);
  }
  return out;
}
