// Where `parc serve` keeps its logins, beside the rest of the state: <state>/server/ (0700), every file 0600.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

export function serverDir(stateDir: string): string {
  return path.join(stateDir, 'server');
}

export async function ensureServerDir(stateDir: string): Promise<string> {
  const dir = serverDir(stateDir);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await fs.chmod(dir, 0o700).catch(() => undefined);
  return dir;
}
