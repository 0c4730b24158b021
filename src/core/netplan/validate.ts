// Checks netplan YAML the way `netplan generate` would, before anything is written, with line and column for
// each problem: YAML syntax, known keys and value types, addresses and prefixes, references between devices,
// plus what netplan accepts but an operator should hear about (deprecated gateway4/6, gateway outside every
// configured subnet, the same address on two interfaces).
import { isAlias, isMap, isScalar, isSeq, visit, type Node, type Pair, type YAMLMap } from 'yaml';
import { suggest } from '../inventory/reader';
import type { Diagnostic } from '../inventory/types';
import { parseIp, parseIpPrefix } from './ip';
import { BOOL_WORDS, DEVICE_TYPES, NETWORK_KEYS, RENDERERS, type Spec } from './schema';
import { FileCheck, scalarText, type DeviceDef, type NetplanFile } from './file-check';
import { checkDevices } from './semantics';

export interface FileReport {
  path: string;
  diagnostics: Diagnostic[];
}

/** Validates a set of files that together make one configuration (as netplan merges /etc/netplan/*.yaml). */
export function validateNetplan(files: NetplanFile[]): FileReport[] {
  const checks = files.map((f) => new FileCheck(f));
  for (const c of checks) checkFile(c);
  checkDevices(checks);
  return checks.map((c) => ({ path: c.file.path, diagnostics: c.diagnostics.sort((a, b) => a.line - b.line || a.col - b.col) }));
}

export function validateNetplanText(text: string, path = 'netplan.yaml'): Diagnostic[] {
  return validateNetplan([{ path, text }])[0].diagnostics;
}

function checkFile(c: FileCheck): void {
  c.file.text.split('\n').forEach((line, i) => {
    const lead = /^[ \t]*/.exec(line)![0];
    if (lead.includes('\t')) c.diagnostics.push({ severity: 'error', message: 'Invalid YAML: tabs are not allowed for indent', line: i + 1, col: lead.indexOf('\t') + 1, endLine: i + 1, endCol: lead.length + 1 });
  });
  for (const e of c.doc.errors) {
    const pos = c.lines.linePos(e.pos[0]);
    const end = c.lines.linePos(e.pos[1]);
    const hint = e.code === 'BAD_INDENT' ? ' (inconsistent indentation)' : e.code === 'BAD_SCALAR_START' ? ' (found character that cannot start any token)' : '';
    c.diagnostics.push({ severity: 'error', message: `Invalid YAML: ${e.message.split('\n')[0]}${hint}`, line: pos.line, col: pos.col, endLine: end.line, endCol: end.col });
  }
  if (c.diagnostics.length) return;
  visit(c.doc, {
    Alias(_, node) {
      c.report(node, 'aliases are not supported');
    },
  });
  const root = c.doc.contents as Node | null;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return; // an empty file is valid
  if (!isMap(root)) return c.report(root, 'expected mapping (check indentation)');
  const top = entries(c, root, { network: 'any' });
  const net = top.get('network')?.value;
  if (!net) return;
  if (!isMap(net)) return c.report(net, 'expected mapping (check indentation)');
  const ne = entries(c, net, NETWORK_KEYS);
  const version = ne.get('version')?.value;
  if (version) {
    if (!isScalar(version)) c.report(version, 'expected scalar');
    else if (scalarText(c, version) !== '2') c.report(version, 'Only version 2 is supported');
  }
  const renderer = ne.get('renderer')?.value;
  if (renderer) {
    checkValue(c, renderer, 'renderer', 'renderer');
    if (isScalar(renderer)) c.globalRenderer = scalarText(c, renderer);
  }
  for (const [type, spec] of Object.entries(DEVICE_TYPES)) {
    const section = ne.get(type)?.value;
    if (section) checkSection(c, type, section, spec);
  }
}

function checkSection(c: FileCheck, type: string, section: Node, spec: Spec): void {
  if (isScalar(section) && section.value === null) return;
  if (!isMap(section)) return c.report(section, 'expected mapping (check indentation)');
  let typeRenderer: string | undefined;
  for (const pair of section.items as Pair<Node, Node | null>[]) {
    const id = isScalar(pair.key) ? String(pair.key.value) : undefined;
    if (id === 'renderer' && pair.value) {
      checkValue(c, pair.value, 'renderer', 'renderer');
      typeRenderer = isScalar(pair.value) ? scalarText(c, pair.value) : undefined;
    }
  }
  for (const pair of section.items as Pair<Node, Node | null>[]) {
    const keyNode = pair.key;
    if (!isScalar(keyNode)) {
      c.report(keyNode, 'expected scalar');
      continue;
    }
    const id = String(keyNode.value);
    if (id === 'renderer') continue;
    if (/[*?[\]]/.test(id)) c.report(keyNode, `Definition ID '${id}' must not use globbing`);
    else if (!id || /[\s/]/.test(id)) c.report(keyNode, `Invalid name '${id}'`);
    const value = pair.value;
    const def: DeviceDef = { file: c, type, id, keyNode, map: undefined, typeRenderer };
    c.devices.push(def);
    if (!value || (isScalar(value) && value.value === null)) continue;
    if (!isMap(value)) {
      c.report(value, 'expected mapping (check indentation)');
      continue;
    }
    def.map = value;
    checkValue(c, value, spec, id);
  }
}

/** The entries of a mapping; unknown and repeated keys are errors, as in netplan. */
export function entries(c: FileCheck, map: YAMLMap, known: Record<string, Spec>): Map<string, Pair<Node, Node | null>> {
  const out = new Map<string, Pair<Node, Node | null>>();
  for (const pair of map.items as Pair<Node, Node | null>[]) {
    if (!isScalar(pair.key)) {
      if (!isAlias(pair.key)) c.report(pair.key, 'expected scalar');
      continue;
    }
    const key = String(pair.key.value);
    if (!(key in known)) {
      const hint = suggest(key, Object.keys(known));
      c.report(pair.key, `unknown key '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}`);
      continue;
    }
    if (out.has(key)) c.report(pair.key, `duplicate key '${key}'`);
    out.set(key, pair);
  }
  return out;
}

function checkValue(c: FileCheck, node: Node, spec: Spec, key: string): void {
  if (isAlias(node)) return; // reported once already
  if (typeof spec === 'object') {
    if ('enum' in spec) {
      if (!isScalar(node)) return c.report(node, 'expected scalar');
      const v = scalarText(c, node);
      if (!spec.enum.includes(v)) {
        c.report(node, spec.needs ? `Value of '${key}' needs to be '${spec.enum[0]}' or '${spec.enum[1]}' (got '${v}')` : `unknown ${spec.what} '${v}' (expected one of ${spec.enum.join(', ')})`);
      }
      return;
    }
    if ('map' in spec) {
      if (!isMap(node)) return c.report(node, 'expected mapping (check indentation)');
      for (const [k, pair] of entries(c, node, spec.map)) if (pair.value) checkValue(c, pair.value, spec.map[k], k);
      return;
    }
    if ('dict' in spec) {
      if (!isMap(node)) return c.report(node, 'expected mapping (check indentation)');
      for (const pair of node.items as Pair<Node, Node | null>[]) if (pair.value) checkValue(c, pair.value, spec.dict, key);
      return;
    }
    if (!isSeq(node)) return c.report(node, 'expected sequence');
    for (const item of node.items as Node[]) checkValue(c, item, spec.seq, key);
    return;
  }
  switch (spec) {
    case 'any':
      return;
    case 'addresses':
      return checkAddresses(c, node);
    case 'stringList':
    case 'ipList':
      if (!isSeq(node)) return c.report(node, 'expected sequence');
      for (const item of node.items as Node[]) checkValue(c, item, spec === 'ipList' ? 'ip' : 'string', key);
      return;
  }
  if (!isScalar(node)) return c.report(node, 'expected scalar');
  const v = scalarText(c, node);
  switch (spec) {
    case 'bool':
      if (!BOOL_WORDS.test(v)) c.report(node, `invalid boolean value '${v}'`);
      return;
    case 'uint':
      if (!/^\d+$/.test(v)) c.report(node, `invalid unsigned int value '${v}'`);
      return;
    case 'ip':
      if (!parseIp(v)) c.report(node, key === 'ipv6-address-token' ? `invalid ipv6-address-token '${v}'` : `malformed address '${v}', must be X.X.X.X or X:X:X:X:X:X:X:X`);
      return;
    case 'route-to': {
      if (v === 'default' || parseIp(v)) return;
      const p = parseIpPrefix(v);
      if ('error' in p) c.report(node, p.error);
      return;
    }
    case 'renderer':
      if (!RENDERERS.includes(v)) c.report(node, `unknown renderer '${v}' (expected networkd or NetworkManager)`);
      return;
    case 'macaddress':
      if (!/^([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$|^([0-9A-Fa-f]{2}:){19}[0-9A-Fa-f]{2}$/.test(v)) {
        c.report(node, `Invalid MAC address '${v}', must be XX:XX:XX:XX:XX:XX or XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX:XX`);
      }
      return;
    case 'string':
      return;
  }
}

function checkAddresses(c: FileCheck, node: Node): void {
  if (!isSeq(node)) return c.report(node, 'expected sequence');
  for (const item of node.items as Node[]) {
    let text: string | undefined;
    let at: Node = item;
    if (isScalar(item)) text = scalarText(c, item);
    else if (isMap(item) && item.items.length === 1 && isScalar(item.items[0].key)) {
      const pair = item.items[0] as Pair<Node, Node | null>;
      at = pair.key;
      text = String((pair.key as { value: unknown }).value);
      if (pair.value) {
        if (!isMap(pair.value)) c.report(pair.value, 'expected mapping (check indentation)');
        else {
          const opts = entries(c, pair.value, { lifetime: 'string', label: 'string' });
          const lt = opts.get('lifetime')?.value;
          if (lt && isScalar(lt) && !['forever', '0'].includes(scalarText(c, lt))) c.report(lt, `invalid lifetime value '${scalarText(c, lt)}'`);
        }
      }
    } else {
      c.report(item, 'expected either scalar or mapping (check indentation)');
      continue;
    }
    const p = parseIpPrefix(text);
    if ('error' in p) c.report(at, p.error);
  }
}
