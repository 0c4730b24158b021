// Editing one device entry of parc.yaml (remove it, move it to a site) through yaml's document API,
// so comments and layout elsewhere stay as the user wrote them. Adding devices lives in file.ts.
import { promises as fs } from 'node:fs';
import { isMap, isScalar, isSeq, type Document, type YAMLSeq } from 'yaml';
import { atomicWriteFile } from '../fsutil';
import { parseInventory } from './parse';
import { deviceKey } from './types';
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

function verified(out: string, file: string): string {
  const v = parseInventory(out, file);
  if (!v.inventory) throw new Error(`internal error: the edited inventory does not parse (${v.diagnostics[0]?.message}); ${file} left unchanged`);
  return out;
}

export function removeDeviceFromText(text: string, file: string, key: string): string {
  const { doc, seq, index } = locate(text, file, key);
  seq.items.splice(index, 1);
  return verified(doc.toString({ lineWidth: 0 }), file);
}

/** Sets (or, with site undefined, removes) the explicit site of a device. */
export function setDeviceSiteInText(text: string, file: string, key: string, site: string | undefined): string {
  const { doc, seq, index } = locate(text, file, key);
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
