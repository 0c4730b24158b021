// Reading parc.yaml from disk and writing it back without losing the user's comments or layout.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isMap, isSeq, parseDocument, YAMLMap, YAMLSeq } from 'yaml';
import { InputErrors, LocatedError } from '../errors';
import { atomicWriteFile } from '../fsutil';
import { parseInventory } from './parse';
import type { Diagnostic, Inventory } from './types';

export const INVENTORY_FILE = 'parc.yaml';

export class InventoryError extends InputErrors {}

function toErrors(file: string, diags: Diagnostic[]): InventoryError {
  return new InventoryError(diags.filter((d) => d.severity === 'error').map((d) => new LocatedError(d.message, file, d.line, d.col)));
}

export interface LoadedInventory {
  inventory: Inventory;
  text: string;
  warnings: LocatedError[];
}

/** Loads and validates an inventory file; throws InventoryError listing every error with file:line:col. */
export async function loadInventory(file: string): Promise<LoadedInventory> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (err) {
    throw new Error(`cannot read inventory ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const { inventory, diagnostics } = parseInventory(text, file);
  if (!inventory) throw toErrors(file, diagnostics);
  const warnings = diagnostics.filter((d) => d.severity === 'warning').map((d) => new LocatedError(d.message, file, d.line, d.col));
  return { inventory, text, warnings };
}

export interface NewDevice {
  host: string;
  name?: string;
  port?: number;
  profile?: string;
  site?: string;
}

/**
 * Adds devices to the inventory text through yaml's document API so comments, order and formatting
 * of everything else stay as the user wrote them. Devices already listed (same host and port) are skipped.
 * Refuses to touch a file that does not parse.
 */
export function addDevicesToText(text: string, file: string, devices: NewDevice[]): { text: string; added: NewDevice[] } {
  const check = parseInventory(text, file);
  if (!check.inventory) throw toErrors(file, check.diagnostics);
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) doc.contents = new YAMLMap() as never;
  const root = doc.contents as unknown as YAMLMap;
  const existing: unknown = root.get('devices', true);
  let seq: YAMLSeq;
  if (isSeq(existing)) seq = existing;
  else {
    seq = new YAMLSeq();
    root.set('devices', seq);
  }
  const have = new Set(check.inventory.devices.map((d) => `${d.host.toLowerCase()}:${d.port}`));
  const added: NewDevice[] = [];
  for (const d of devices) {
    const key = `${d.host.toLowerCase()}:${d.port ?? 161}`;
    if (have.has(key)) continue;
    have.add(key);
    const entry: Record<string, unknown> = { host: d.host };
    if (d.name) entry.name = d.name;
    if (d.port && d.port !== 161) entry.port = d.port;
    if (d.profile) entry.profile = d.profile;
    if (d.site) entry.site = d.site;
    seq.add(doc.createNode(entry));
    added.push(d);
  }
  const out = doc.toString({ lineWidth: 0 });
  const verify = parseInventory(out, file);
  if (!verify.inventory) throw new Error(`internal error: the edited inventory does not parse (${verify.diagnostics[0]?.message}); ${file} left unchanged`);
  return { text: added.length ? out : text, added };
}

/** Adds devices to the file on disk (atomically); the file is left as it was when it is invalid. */
export async function addDevicesToFile(file: string, devices: NewDevice[]): Promise<NewDevice[]> {
  const text = await fs.readFile(file, 'utf8');
  const { text: out, added } = addDevicesToText(text, file, devices);
  if (added.length) await atomicWriteFile(file, out);
  return added;
}

/** Finds parc.yaml from a directory upwards, like git finds .git. */
export async function findInventory(start: string): Promise<string | undefined> {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, INVENTORY_FILE);
    try {
      await fs.access(candidate);
      return candidate;
    } catch {
      const up = path.dirname(dir);
      if (up === dir) return undefined;
      dir = up;
    }
  }
}

/** Where the state directory of an inventory lives (.parc beside parc.yaml unless set). */
export function stateDirFor(inv: Inventory, override?: string): string {
  const base = path.dirname(path.resolve(inv.file));
  return path.resolve(base, override ?? inv.stateDir ?? '.parc');
}
