// Adding a Windows host, a Linux host or a directory profile to parc.yaml from a template, as text: a section
// that is absent is appended with explanatory comments; an existing block list or mapping gets one more entry,
// indented like its siblings. Every other byte of the file stays as the user wrote it, and the result is
// checked by the inventory parser and the section's own reader before it is written.
import { promises as fs } from 'node:fs';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { atomicWriteFile } from '../fsutil';
import { readDirectories } from '../ldap/profile';
import { readWindowsSection } from '../rdp/hosts-read';
import { readLinuxHosts } from '../ssh/linux-hosts';
import { parseInventory } from './parse';
import type { Diagnostic } from './types';
import { parseYamlDocument } from '../yaml-bounded';

export type SectionKind = 'windows' | 'linux' | 'directories';

export interface SectionEntry {
  /** Host name or address (windows, linux) or LDAP URL (directories). */
  target: string;
  /** Entry name: the host's name, or the directory profile's key. */
  name: string;
}

/** A name usable as a YAML plain scalar and as a credential name (letters, digits, . _ -). */
export function entryName(target: string): string {
  const bare = target.replace(/^[a-z]+:\/\//i, '');
  // An address is kept whole (192-0-2-7); a host name gives its first label (rds1.example.net → rds1).
  const ip = /^[\d.]+$|^\[?[0-9a-f]*:[0-9a-f:]+\]?$/i.test(bare) || /^[\d.]+:\d+$/.test(bare);
  const host = ip ? bare : bare.replace(/[:/].*$/, '');
  const first = ip ? host : host.split('.')[0] || host;
  return first.replace(/[^A-Za-z0-9_-]/g, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'host';
}

function q(s: string): string {
  // A plain scalar when safe, else double-quoted JSON (valid YAML).
  return /^[A-Za-z0-9][A-Za-z0-9._\-/:]*$/.test(s) ? s : JSON.stringify(s);
}

/** The lines of one entry, without indentation; the first line of a list item starts with "- ". */
function entryLines(kind: SectionKind, e: SectionEntry): string[] {
  switch (kind) {
    case 'windows':
      return [
        `- host: ${q(e.target)}`,
        `  name: ${q(e.name)}`,
        '  transport: winrm        # local (this PC), ssh or winrm',
        '  user: Administrator',
        `  credential: ${q(`${e.name}-admin`)}    # the password is stored with "Set SNMP Credential" under this name`,
      ];
    case 'linux':
      return [
        `- host: ${q(e.target)}`,
        `  name: ${q(e.name)}`,
        '  user: admin',
        '  key: ~/.ssh/id_ed25519     # or credential: NAME (a password), or agent: true',
        '  sudo: true',
      ];
    case 'directories':
      return [
        `${q(e.name)}:`,
        `  url: ${q(e.target)}`,
        '  userBase: OU=Users,DC=example,DC=net',
        '  userFilter: (sAMAccountName={user})',
        '  # bindDn: CN=svc-parc,OU=Service,DC=example,DC=net',
        '  # credential: NAME     # the bind password, stored with "Set Directory Bind Password"',
      ];
  }
}

const HEADERS: Record<SectionKind, string[]> = {
  windows: ['# Windows hosts whose RDP sessions Parc lists and cleans up (Sessions view).'],
  linux: ['# Linux hosts whose netplan and snmpd.conf Parc edits over SSH (Hosts view).'],
  directories: ['# LDAP or Active Directory profiles for login tests (Directory view).'],
};

function sectionProblems(kind: SectionKind, text: string, file: string): Diagnostic[] {
  const inv = parseInventory(text, file);
  const own = kind === 'windows' ? readWindowsSection(text).diagnostics : kind === 'linux' ? readLinuxHosts(text, inv.inventory?.sites ?? []).diagnostics : readDirectories(text, file).diagnostics;
  return [...inv.diagnostics, ...own].filter((d) => d.severity === 'error');
}

/** Which names the section already uses (host names, profile keys). */
function usedNames(node: Node | null | undefined): Set<string> {
  const out = new Set<string>();
  if (isSeq(node)) {
    for (const item of node.items) {
      if (!isMap(item)) continue;
      const n = item.get('name') ?? item.get('host');
      if (n !== undefined && n !== null) out.add(String(n).toLowerCase());
    }
  } else if (isMap(node)) {
    for (const p of node.items) if (isScalar(p.key)) out.add(String(p.key.value).toLowerCase());
  }
  return out;
}

/**
 * The text with one more entry in the section. Refuses (throws, naming file:line:col) when the file does not
 * parse, when the name is taken, or when the section is in a form that cannot be extended as text (flow style).
 */
export function addSectionEntryToText(text: string, file: string, kind: SectionKind, entry: SectionEntry): string {
  const before = parseInventory(text, file);
  if (!before.inventory) {
    const d = before.diagnostics.find((x) => x.severity === 'error');
    throw new Error(`${file}:${d?.line ?? 1}:${d?.col ?? 1}: ${d?.message ?? 'invalid inventory'}; fix it before adding a section`);
  }
  const doc = parseYamlDocument(text);
  const root = doc.contents;
  const pair = isMap(root) ? root.items.find((p) => isScalar(p.key) && p.key.value === kind) : undefined;
  const value = pair?.value as Node | null | undefined;
  if (usedNames(value).has(entry.name.toLowerCase())) throw new Error(`${file}: ${kind} already has an entry named "${entry.name}"`);
  const lines = entryLines(kind, entry);
  let out: string;
  const empty = value === null || value === undefined || (isScalar(value) && value.value === null);
  if (!pair) {
    const sep = text.length && !text.endsWith('\n') ? '\n' : '';
    const gap = text.trim().length ? '\n' : '';
    out = `${text}${sep}${gap}${HEADERS[kind].join('\n')}\n${kind}:\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
  } else if (empty && isScalar(pair.key) && pair.key.range) {
    // `windows:` with nothing after it: the entry goes on the next lines.
    const lineEnd = text.indexOf('\n', pair.key.range[1]);
    const at = lineEnd < 0 ? text.length : lineEnd + 1;
    const nl = lineEnd < 0 ? '\n' : '';
    out = `${text.slice(0, at)}${nl}${lines.map((l) => `  ${l}`).join('\n')}\n${text.slice(at)}`;
  } else if ((isSeq(value) || isMap(value)) && !value.flow && value.range && value.items.length) {
    const wantSeq = kind !== 'directories';
    if (wantSeq !== isSeq(value)) throw new Error(`${file}: "${kind}" must be a ${wantSeq ? 'list' : 'mapping'}; fix it before adding an entry`);
    const lineStart = text.lastIndexOf('\n', value.range[0] - 1) + 1;
    const indent = value.range[0] - lineStart;
    // After the last item's own text (comments after it stay where they are).
    const last = value.items[value.items.length - 1] as { range?: [number, number, number]; value?: { range?: [number, number, number] } };
    const lastEnd = (isSeq(value) ? last.range?.[1] : last.value?.range?.[1]) ?? value.range[1];
    const lineEnd = text.indexOf('\n', lastEnd - 1 < 0 ? 0 : lastEnd - 1);
    const at = lineEnd < 0 ? text.length : lineEnd + 1;
    const nl = lineEnd < 0 ? '\n' : '';
    out = `${text.slice(0, at)}${nl}${lines.map((l) => ' '.repeat(indent) + l).join('\n')}\n${text.slice(at)}`;
  } else {
    throw new Error(`${file}: "${kind}" is written in flow style ([...] or {...}); add the entry by hand`);
  }
  const problems = sectionProblems(kind, out, file);
  if (problems.length) throw new Error(`internal error: the new ${kind} entry does not parse (${problems[0].line}:${problems[0].col} ${problems[0].message}); ${file} left unchanged`);
  return out;
}

/** Adds the entry to the file on disk, atomically; returns the 1-based line where the entry starts. */
export async function addSectionEntryToFile(file: string, kind: SectionKind, entry: SectionEntry): Promise<number> {
  const text = await fs.readFile(file, 'utf8');
  const out = addSectionEntryToText(text, file, kind, entry);
  await atomicWriteFile(file, out);
  // The first line that differs is where the entry (or its header) begins.
  let i = 0;
  while (i < text.length && text[i] === out[i]) i++;
  return out.slice(0, i).split('\n').length;
}
