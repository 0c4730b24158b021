// Completion and hover for parc.yaml from its JSON Schema, for editors without a YAML language server. Works on
// text being typed (often not valid YAML yet): the place of the cursor is found from indentation and list dashes,
// not from a parse. Names (SNMP profiles, sites, transports) come from the document itself when it parses.
import { parseDocument } from 'yaml';
import { PARC_SCHEMA, type JsonSchema } from './schema';

/** Words in the display language: the extension passes vscode.l10n (schema descriptions are its keys); English by default. */
export type Translate = (s: string, ...args: (string | number)[]) => string;
const english: Translate = (s, ...a) => s.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < a.length ? String(a[Number(i)]) : m));

export interface HelpItem {
  label: string;
  /** What is inserted (a key gets ": " after it). */
  insert: string;
  kind: 'key' | 'value' | 'name';
  detail?: string;
  documentation?: string;
  /** For names: where they come from. */
  source?: keyof Names;
}

export interface Names {
  profiles: string[];
  sites: string[];
  transports: string[];
}

interface LineShape {
  /** Columns of the "- " markers at the start of the line. */
  dashes: number[];
  /** Column where the content (after the dashes) starts. */
  col: number;
  key?: string;
  /** Text after "key:" (trimmed, comments removed). */
  rest?: string;
  blank: boolean;
}

function shape(line: string): LineShape {
  const dashes: number[] = [];
  let i = 0;
  for (;;) {
    while (line[i] === ' ') i++;
    if (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
      dashes.push(i);
      i++;
      continue;
    }
    break;
  }
  const content = line.slice(i);
  const blank = content.trim() === '' || content.trimStart().startsWith('#');
  const m = /^("[^"]*"|'[^']*'|[^\s:#'"][^:#]*?)\s*:(?:\s+(.*))?$/.exec(content.replace(/\s+#.*$/, ''));
  const key = m ? m[1].replace(/^["']|["']$/g, '') : undefined;
  return { dashes, col: i, key, rest: m ? (m[2] ?? '').trim() : undefined, blank: blank && dashes.length === 0 };
}

/**
 * The path of mapping keys and list items ("[]") that contains a node starting at `col` of line `lineNo`, e.g.
 * ["windows", "[]"] for a key of a Windows host. The current line's own dashes count (a new list item).
 */
export function pathAt(lines: string[], lineNo: number, col: number): string[] {
  const segs: string[] = [];
  let limit = col;
  const cur = shape(lines[lineNo] ?? '');
  for (const d of [...cur.dashes].reverse()) {
    if (d < limit) {
      segs.unshift('[]');
      limit = d;
    }
  }
  for (let i = lineNo - 1; i >= 0 && limit > 0; i--) {
    const s = shape(lines[i]);
    if (s.blank) continue;
    if (s.key !== undefined && s.col < limit && !s.rest) {
      segs.unshift(s.key);
      limit = s.col;
    } else if (s.col < limit && !s.dashes.length) {
      // A scalar or a key with a value less indented than us: we are not inside it; nothing to add.
      limit = s.col;
    }
    for (const d of [...s.dashes].reverse()) {
      if (d < limit) {
        segs.unshift('[]');
        limit = d;
      }
    }
  }
  return segs;
}

const objectOf = (s: JsonSchema | undefined): JsonSchema | undefined => s?.anyOf?.find((x) => x.type === 'object') ?? s;

/** The schema of the node at this path (undefined where the schema does not go). */
export function schemaAt(path: string[], root: JsonSchema = PARC_SCHEMA): JsonSchema | undefined {
  let node: JsonSchema | undefined = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (seg === '[]') {
      const arr: JsonSchema | undefined = node.anyOf?.find((x) => x.type === 'array') ?? node;
      node = arr.items;
      continue;
    }
    const o = objectOf(node);
    node = o?.properties && Object.hasOwn(o.properties, seg) ? o.properties[seg] : typeof o?.additionalProperties === 'object' ? o.additionalProperties : undefined;
  }
  return node;
}

/** Profile, site and transport names written in the document (empty lists when it does not parse). */
export function namesIn(text: string): Names {
  const out: Names = { profiles: [], sites: [], transports: [] };
  try {
    const js = parseDocument(text).toJS({ maxAliasCount: 10 }) as Record<string, unknown> | null;
    const keys = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : []);
    const snmp = js?.snmp as { profiles?: unknown } | undefined;
    out.profiles = keys(snmp?.profiles);
    const sites = Array.isArray(js?.sites) ? (js.sites as { name?: unknown; aliases?: unknown }[]) : [];
    for (const s of sites) {
      if (typeof s?.name === 'string') out.sites.push(s.name);
      if (Array.isArray(s?.aliases)) for (const a of s.aliases) if (typeof a === 'string') out.sites.push(a);
    }
    out.transports = keys((js?.alerting as { transports?: unknown } | undefined)?.transports);
  } catch {
    // text being typed: no names
  }
  return out;
}

function typeText(s: JsonSchema, t: Translate): string | undefined {
  const list = (x: JsonSchema) => t('list of {0}', x.items?.type ? String(x.items.type) : t('values'));
  if (s.enum) return s.enum.map(String).join(' | ');
  if (s.anyOf) return s.anyOf.map((x) => (x.type === 'array' ? list(x) : String(x.type))).reduce((a, b) => t('{0} or {1}', a, b));
  if (s.type === 'array') return list(s);
  if (s.type === 'object' && !s.properties) return t('mapping of names');
  const range = s.minimum !== undefined && s.maximum !== undefined ? ` (${s.minimum}–${s.maximum})` : '';
  return typeof s.type === 'string' ? `${s.type}${range}` : undefined;
}

function valuesOf(s: JsonSchema | undefined, names: Names): HelpItem[] {
  if (!s) return [];
  const one = s.anyOf ? s.anyOf.find((x) => x.type !== 'array') ?? s.anyOf[0] : s;
  const src = one['x-parc-names'] ?? s['x-parc-names'] ?? (one.type === 'array' ? one.items?.['x-parc-names'] : undefined);
  if (src) return names[src].map((n) => ({ label: n, insert: n, kind: 'name' as const, source: src }));
  const en = one.enum ?? (one.type === 'array' ? one.items?.enum : undefined);
  if (en) return en.map((v) => ({ label: String(v), insert: String(v), kind: 'value' as const }));
  if (one.type === 'boolean') return ['true', 'false'].map((v) => ({ label: v, insert: v, kind: 'value' as const }));
  return [];
}

/** Completions at line/column (0-based) of the text. */
export function complete(text: string, line: number, character: number, names: Names = namesIn(text), t: Translate = english): HelpItem[] {
  const lines = text.split(/\r?\n/);
  const before = (lines[line] ?? '').slice(0, character);
  const cur = shape(before);
  // After "key: ": values of that key.
  if (cur.key !== undefined && cur.rest !== undefined) {
    return valuesOf(schemaAt([...pathAt(lines, line, cur.col), cur.key]), names);
  }
  const path = pathAt(lines, line, cur.col);
  const here = schemaAt(path);
  const o = objectOf(here);
  // A list item of plain values ("- Paris" under sites:): the values.
  if (cur.dashes.length && here && !o?.properties && !(typeof o?.additionalProperties === 'object')) return valuesOf(here, names);
  if (!o?.properties) return [];
  const taken = siblingKeys(lines, line, cur.col);
  return Object.entries(o.properties).filter(([k]) => !taken.has(k)).map(([k, s]) => ({
    label: k, insert: `${k}: `, kind: 'key' as const, detail: typeText(s, t), documentation: s.description && t(s.description),
  }));
}

/** Keys already given in the mapping the cursor is in (same column, same block). */
function siblingKeys(lines: string[], lineNo: number, col: number): Set<string> {
  const out = new Set<string>();
  for (const dir of [-1, 1]) {
    for (let i = lineNo + dir; i >= 0 && i < lines.length; i += dir) {
      const s = shape(lines[i]);
      if (s.blank) continue;
      if (s.col < col) {
        // The line that opens our list item has our first key after its dash.
        if (dir < 0 && s.dashes.length && s.key && s.col === col) out.add(s.key);
        break;
      }
      if (s.col === col && s.key) {
        out.add(s.key);
        if (s.dashes.length && s.dashes[s.dashes.length - 1] < col) break;
      }
    }
  }
  return out;
}

/** Hover text for the key under line/column (0-based), or undefined. */
export function hover(text: string, line: number, character: number, t: Translate = english): { key: string; markdown: string; start: number; end: number } | undefined {
  const lines = text.split(/\r?\n/);
  const l = lines[line] ?? '';
  const s = shape(l);
  if (s.key === undefined) return undefined;
  const start = l.indexOf(s.key, s.col);
  const end = start + s.key.length;
  if (character < start || character > end) return undefined;
  const path = [...pathAt(lines, line, s.col), s.key];
  const node = schemaAt(path);
  if (!node) return undefined;
  const type = typeText(node, t);
  const md = [`**${path.filter((p) => p !== '[]').join('.')}**${type ? ` — ${type}` : ''}`, node.description ? t(node.description) : ''].filter(Boolean).join('\n\n');
  return { key: s.key, markdown: md, start, end };
}
