// A host's netplan configuration as netplan itself reads it (/lib, /etc, /run/netplan, shadowing and order),
// merged, with the addresses its interfaces have right now (`ip -o addr`).
import type { SshConnection } from '../ssh/connection';
import { hostPath, type LinuxHost } from '../ssh/linux-hosts';
import { RemoteFiles } from '../ssh/remote-file';
import { shq } from '../ssh/runner';
import { mergeNetplan, netplanFileOrder, summarizeInterfaces, type InterfaceSummary } from './merge';

export interface HostNetplan {
  /** Files in netplan's read order; `path` is the host's path (without the test root prefix). */
  files: { path: string; text: string }[];
  merged: Record<string, unknown>;
  interfaces: InterfaceSummary[];
  /** Interface name → addresses it has now (address/prefix). */
  live: Map<string, string[]>;
}

const DIRS = ['/lib/netplan', '/etc/netplan', '/run/netplan'];

/** Parses `ip -o addr show` lines: "2: eth0    inet 198.18.0.2/24 brd ... scope global eth0". */
export function parseIpAddr(output: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of output.split('\n')) {
    const m = /^\d+:\s+([^\s@]+)(?:@\S+)?\s+inet6?\s+(\S+)/.exec(line);
    if (m) out.set(m[1], [...(out.get(m[1]) ?? []), m[2]]);
  }
  return out;
}

export async function readHostNetplan(conn: SshConnection, h: LinuxHost): Promise<HostNetplan> {
  const dirs = h.netplanDir === '/etc/netplan' ? DIRS : [h.netplanDir];
  const list = await conn.exec(dirs.map((d) => `for f in ${shq(hostPath(h, d))}/*.yaml; do [ -e "$f" ] && echo "$f"; done`).join('; ') + '; true', { sudo: h.sudo });
  const prefix = h.root === '/' ? '' : h.root.replace(/\/+$/, '');
  const found = list.stdout.split('\n').filter(Boolean).map((p) => (prefix && p.startsWith(prefix) ? p.slice(prefix.length) : p));
  const files = new RemoteFiles(conn, h.sudo);
  const ordered = netplanFileOrder(found);
  const texts: { path: string; text: string }[] = [];
  for (const p of ordered) texts.push({ path: p, text: (await files.read(hostPath(h, p))).text });
  let merged: Record<string, unknown> = {};
  try {
    merged = mergeNetplan(texts.map((t) => t.text));
  } catch {
    // A file that is not YAML: the validator reports it; the summary stays empty.
  }
  const ip = await conn.exec('ip -o addr show', {});
  return { files: texts, merged, interfaces: summarizeInterfaces(merged), live: parseIpAddr(ip.stdout) };
}
