// Rendezvous between the two windows of the attach phase (two extension hosts of one code-server): each step
// is a small JSON file in a directory the runner made, written atomically (write + rename).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { waitFor } from '../helpers';

export interface Signal {
  /** Epoch ms when it was written. */
  at: number;
  [k: string]: unknown;
}

export function signal(dir: string, name: string, data: Record<string, unknown> = {}): void {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify({ ...data, at: Date.now() }));
  fs.renameSync(`${file}.tmp`, file);
}

export function waitSignal(dir: string, name: string, timeoutMs = 60_000): Promise<Signal> {
  const file = path.join(dir, `${name}.json`);
  return waitFor(`the other window's "${name}"`, () => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Signal) : undefined), timeoutMs);
}
