import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** Writes a file so readers see either the old or the new content, never half of it; keeps the mode. */
export async function atomicWriteFile(file: string, data: string | Buffer, mode?: number): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  let keepMode = mode;
  if (keepMode === undefined) {
    try {
      keepMode = (await fs.stat(file)).mode & 0o777;
    } catch {
      keepMode = 0o644;
    }
  }
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await fs.open(tmp, 'w', keepMode);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (err) {
    // A full disk fails the write: the partial temporary file would only take more of it.
    await fs.rm(tmp, { force: true });
    throw err;
  }
}
