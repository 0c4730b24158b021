// Editing one device entry of parc.yaml (remove it, move it to a site). The change is made in the text at the
// positions yaml's parser reports, so every other byte stays as the user wrote it (flow lists, spacing before
// comments); yaml's own printer would reformat the whole file. Where the layout is unusual the document API is
// the fallback. Either way the result is re-parsed and checked. Adding devices lives in file.ts.
import { promises as fs } from 'node:fs';
import { isMap, isScalar, isSeq, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { atomicWriteFile } from '../fsutil';
import { parseInventory } from './parse';
import { deviceKey, type Device } from './types';
import { parseYamlDocument } from '../yaml-bounded';

function entryKey(item: unknown): string | undefined {
  if (isScalar(item) && typeof item.value === 'string') return deviceKey({ host: item.value.trim(), port: 161 });
  if (isMap(item)) {
    const host = item.get('host');
    const port = item.get('port');
    if (typeof host === 'string' || typeof host === 'number') return deviceKey({ host: String(host).trim(), port: port === undefined ? 161 : Number(port) });
  }
  return undefined;
}

/** Parses and checks the text, and finds the device's entry; throws a clear error when either fails. */
function locate(text: string, file: string, key: string): { doc: Document; seq: YAMLSeq; index: number } {
  const check = parseInventory(text, file);
  if (!check.inventory) {
    const first = check.diagnostics.find((d) => d.severity === 'error');
    throw new Error(`${file}:${first?.line ?? 1}:${first?.col ?? 1}: ${first?.message ?? 'invalid inventory'}; fix it before editing devices`);
  }
  const doc = parseYamlDocument(text);
  const seq = isMap(doc.contents) ? doc.contents.get('devices', true) : undefined;
  const index = isSeq(seq) ? seq.items.findIndex((item) => entryKey(item) === key) : -1;
  if (!isSeq(seq) || index < 0) throw new Error(`${file}: no device ${key} under "devices"`);
  return { doc, seq, index };
}

type Ranged = { range?: [number, number, number] | null };

/** Where the line holding position `at` ends (just after its newline). */
function lineEnd(text: string, at: number): number {
  if (at > 0 && text[at - 1] === '\n') return at;
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** A site name as YAML text: plain when it reads back as the same string in block and flow context. */
function scalarText(v: string): string {
  return /^[A-Za-z][\w .()/-]*$/.test(v) && !/\s$/.test(v) && !/^(true|false|null|yes|no|on|off|y|n|~)$/i.test(v) ? v : JSON.stringify(v);
}

/** What an edit may change: each device's key, name, profile and explicit site, in order. */
function shape(devices: readonly Device[]): string[] {
  return devices.map((d) => JSON.stringify([deviceKey(d), d.name ?? null, d.profile ?? null, d.site ?? null]));
}

/** The edited text when it parses and its devices are exactly the expected ones; undefined otherwise. */
function checked(out: string | undefined, file: string, expected: string[]): string | undefined {
  if (out === undefined) return undefined;
  const inv = parseInventory(out, file).inventory;
  return inv && JSON.stringify(shape(inv.devices)) === JSON.stringify(expected) ? out : undefined;
}

function verified(out: string, file: string): string {
  const v = parseInventory(out, file);
  if (!v.inventory) throw new Error(`internal error: the edited inventory does not parse (${v.diagnostics[0]?.message}); ${file} left unchanged`);
  return out;
}

/** Removes the lines of a block list item (`- ` through the end of its last line). */
function removeInText(text: string, seq: YAMLSeq, index: number): string | undefined {
  const r = (seq.items[index] as Ranged).range;
  if (seq.flow || !r) return undefined;
  const from = lineStart(text, r[0]);
  if (!/^[ \t]*-[ \t]*$/.test(text.slice(from, r[0]))) return undefined;
  const to = lineEnd(text, r[1]);
  const next = (seq.items[index + 1] as Ranged | undefined)?.range;
  if (next && next[0] < to) return undefined;
  return text.slice(0, from) + text.slice(to);
}

/** Sets or removes `site:` of one entry by editing only that entry's text. */
function siteInText(text: string, item: unknown, site: string | undefined): string | undefined {
  if (isScalar(item)) {
    const r = (item as Ranged).range;
    if (site === undefined || !r) return undefined;
    return `${text.slice(0, r[0])}{ host: ${text.slice(r[0], r[1])}, site: ${scalarText(site)} }${text.slice(r[1])}`;
  }
  if (!isMap(item)) return undefined;
  const map = item as YAMLMap;
  const r = (map as Ranged).range;
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === 'site');
  const key = pair && ((pair.key as Ranged).range ?? undefined);
  const value = pair && isScalar(pair.value) ? ((pair.value as Ranged).range ?? undefined) : undefined;
  if (!r) return undefined;
  if (site !== undefined && value) return text.slice(0, value[0]) + scalarText(site) + text.slice(value[1]);
  if (site === undefined && pair && key && value) {
    if (map.flow) {
      // ", site: X" after another pair.
      const comma = text.lastIndexOf(',', key[0]);
      if (comma < r[0] || text.slice(comma + 1, key[0]).trim()) return undefined;
      return text.slice(0, comma) + text.slice(value[1]);
    }
    const from = lineStart(text, key[0]);
    if (text.slice(from, key[0]).trim()) return undefined; // the first pair, on the "- " line
    return text.slice(0, from) + text.slice(lineEnd(text, value[1]));
  }
  if (site === undefined) return text;
  if (map.flow) {
    const close = text.lastIndexOf('}', r[1]);
    if (close < r[0] || !map.items.length) return undefined;
    let at = close;
    while (at > r[0] && (text[at - 1] === ' ' || text[at - 1] === '\t')) at--;
    return `${text.slice(0, at)}, site: ${scalarText(site)}${text.slice(at)}`;
  }
  const indent = r[0] - lineStart(text, r[0]);
  const at = lineEnd(text, r[1]);
  const nl = at > 0 && text[at - 1] !== '\n' ? '\n' : '';
  return `${text.slice(0, at)}${nl}${' '.repeat(indent)}site: ${scalarText(site)}\n${text.slice(at)}`;
}

export function removeDeviceFromText(text: string, file: string, key: string): string {
  const { doc, seq, index } = locate(text, file, key);
  const expected = shape(parseInventory(text, file).inventory!.devices).filter((_, i) => i !== index);
  const direct = checked(removeInText(text, seq, index), file, expected);
  if (direct !== undefined) return direct;
  seq.items.splice(index, 1);
  return verified(doc.toString({ lineWidth: 0 }), file);
}

/** Sets (or, with site undefined, removes) the explicit site of a device. */
export function setDeviceSiteInText(text: string, file: string, key: string, site: string | undefined): string {
  const { doc, seq, index } = locate(text, file, key);
  const expected = parseInventory(text, file).inventory!.devices.map((d, i) => (i === index ? { ...d, site } : d));
  const direct = checked(siteInText(text, seq.items[index], site), file, shape(expected));
  if (direct !== undefined) return direct;
  const item = seq.items[index];
  if (isMap(item)) {
    if (site === undefined) item.delete('site');
    else item.set('site', site);
  } else if (site !== undefined) {
    // A bare `- host` entry becomes a mapping; the comment attached to it is carried over.
    const host = isScalar(item) ? String(item.value) : '';
    const node = doc.createNode({ host, site });
    if (isScalar(item)) {
      node.comment = item.comment;
      node.commentBefore = item.commentBefore;
    }
    seq.items[index] = node;
  }
  return verified(doc.toString({ lineWidth: 0 }), file);
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const text = await fs.readFile(file, 'utf8');
  const out = change(text);
  if (out !== text) await atomicWriteFile(file, out);
}

export function removeDeviceFromFile(file: string, key: string): Promise<void> {
  return edit(file, (t) => removeDeviceFromText(t, file, key));
}

export function setDeviceSiteInFile(file: string, key: string, site: string | undefined): Promise<void> {
  return edit(file, (t) => setDeviceSiteInText(t, file, key, site));
}
