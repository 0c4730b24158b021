// Reading parc.yaml from disk and writing it back without losing the user's comments or layout.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq, stringify, type YAMLSeq } from 'yaml';
import { InputErrors, LocatedError } from '../errors';
import { atomicWriteFile } from '../fsutil';
import { parseInventory } from './parse';
import type { Diagnostic, Inventory } from './types';
import { parseYamlDocument } from '../yaml-bounded';

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
 * Adds devices to the inventory text. The new entries are inserted as text after the last device, indented
 * like the existing ones, so every other byte of the file (comments, spacing, flow style) stays as the user
 * wrote it. Devices already listed (same host and port) are skipped. Refuses to touch a file that does not parse.
 */
export function addDevicesToText(text: string, file: string, devices: NewDevice[]): { text: string; added: NewDevice[] } {
  const check = parseInventory(text, file);
  if (!check.inventory) throw toErrors(file, check.diagnostics);
  const have = new Set(check.inventory.devices.map((d) => `${d.host.toLowerCase()}:${d.port}`));
  const added: NewDevice[] = [];
  const entries: Record<string, unknown>[] = [];
  for (const d of devices) {
    const key = `${d.host.toLowerCase()}:${d.port ?? 161}`;
    if (have.has(key)) continue;
    have.add(key);
    const entry: Record<string, unknown> = { host: d.host };
    if (d.name) entry.name = d.name;
    if (d.port && d.port !== 161) entry.port = d.port;
    if (d.profile) entry.profile = d.profile;
    if (d.site) entry.site = d.site;
    entries.push(entry);
    added.push(d);
  }
  if (!added.length) return { text, added };
  const out = insertSequenceItems(text, 'devices', entries);
  const verify = parseInventory(out, file);
  if (!verify.inventory) throw new Error(`internal error: the edited inventory does not parse (${verify.diagnostics[0]?.message}); ${file} left unchanged`);
  return { text: out, added };
}

/** Inserts items at the end of a top-level block sequence, creating it when absent. */
function insertSequenceItems(text: string, key: string, items: Record<string, unknown>[]): string {
  const doc = parseYamlDocument(text);
  const root = doc.contents;
  const pair = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
  const seq = pair?.value;
  const render = (indent: number) =>
    stringify(items, { lineWidth: 0 }).split('\n').filter(Boolean).map((l) => ' '.repeat(indent) + l).join('\n') + '\n';
  if (isSeq(seq) && !seq.flow && seq.range) {
    const at = seq.range[1];
    const lineStart = text.lastIndexOf('\n', seq.range[0] - 1) + 1;
    const indent = seq.range[0] - lineStart;
    const prefix = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
    return text.slice(0, at) + prefix + render(indent) + text.slice(at);
  }
  if (pair && isScalar(pair.key) && pair.key.range && (seq === null || (isScalar(seq) && seq.value === null) || (isSeq(seq) && seq.flow && seq.items.length === 0))) {
    // `devices:` with nothing, or `devices: []`: replace the value with a block list.
    const from = pair.key.range[1];
    const to = seq && (seq as { range?: number[] }).range ? (seq as { range: number[] }).range[1] : from;
    const lineEnd = text.indexOf('\n', to);
    const rest = lineEnd < 0 ? '' : text.slice(lineEnd + 1);
    const tail = text.slice(to, lineEnd < 0 ? text.length : lineEnd).replace(/^\s*/, '');
    return text.slice(0, from) + ':' + (tail ? ` ${tail}` : '') + '\n' + render(2) + rest;
  }
  if (pair) {
    // A flow list with items: let yaml rewrite that one node.
    (seq as YAMLSeq).flow = false;
    for (const item of items) (seq as YAMLSeq).add(doc.createNode(item));
    return doc.toString({ lineWidth: 0 });
  }
  const sep = text.length && !text.endsWith('\n') ? '\n' : '';
  return `${text}${sep}${key}:\n${render(2)}`;
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
