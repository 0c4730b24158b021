// Saving a config.php safely: the file is re-read right before writing and must still be what was checked,
// the previous version is kept as a backup next to it, and the new one replaces it atomically.
import { promises as fs } from 'node:fs';
import { atomicWriteFile } from '../fsutil';

export class ConfigChangedError extends Error {}

export async function saveConfigPhp(file: string, expectedCurrent: string, next: string, now: Date = new Date()): Promise<{ backup: string }> {
  const current = await fs.readFile(file, 'utf8');
  if (current !== expectedCurrent) throw new ConfigChangedError(`${file} changed since it was read; nothing written — run the command again`);
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const backup = `${file}.parc-${stamp}.bak`;
  const mode = (await fs.stat(file)).mode & 0o777;
  await fs.copyFile(file, backup);
  await fs.chmod(backup, mode);
  await atomicWriteFile(file, next, mode);
  return { backup };
}
