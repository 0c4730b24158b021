// Loading directory profiles from a parc.yaml on disk, errors as file:line:col.
import { promises as fs } from 'node:fs';
import { InputErrors, LocatedError } from '../errors';
import { readDirectories } from './profile';
import type { DirectoryProfile } from './types';

export async function loadDirectoryProfiles(file: string): Promise<{ profiles: Map<string, DirectoryProfile>; warnings: LocatedError[] }> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read inventory ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const { profiles, diagnostics } = readDirectories(text, file);
  const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => new LocatedError(d.message, file, d.line, d.col));
  if (errors.length) throw new InputErrors(errors);
  return { profiles, warnings: diagnostics.filter((d) => d.severity === 'warning').map((d) => new LocatedError(d.message, file, d.line, d.col)) };
}
