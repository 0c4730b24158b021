// "Set static IP" on a host's own netplan file: which file holds the interface, its text with the change
// (every other byte kept, static-ip.ts), what changed, and a diff to show before anything is applied.
import { unifiedDiff } from '../observium/diff';
import type { SshConnection } from '../ssh/connection';
import { hostPath, type LinuxHost } from '../ssh/linux-hosts';
import { RemoteFiles } from '../ssh/remote-file';
import { readHostNetplan } from './host-config';
import { mergeNetplan, summarizeInterfaces } from './merge';
import { NetplanRequestError } from './apply-host';
import { setStaticIp, StaticIpError, type StaticIpRequest } from './static-ip';
import { validateNetplan } from './validate';

export interface StaticIpPlan {
  /** The file on the host (without the test root prefix). */
  target: string;
  /** Whether the file exists today. */
  exists: boolean;
  before: string;
  text: string;
  changes: string[];
  /** Unified diff, passwords (Wi-Fi, 802.1x) masked. */
  diff: string;
  /** Parc's check of the configuration with the new file, as file:line:col: severity: message. */
  problems: string[];
}

/** Hides netplan's password values (access points, 802.1x auth) in lines shown to people. */
export function maskNetplanSecrets(line: string): string {
  return line.replace(/^(\s*(?:-\s+)?(?:password|psk)\s*:\s*)(\S.*)$/i, '$1***');
}

function definesInterface(text: string, id: string): boolean {
  try {
    return summarizeInterfaces(mergeNetplan([text])).some((i) => i.id === id);
  } catch {
    return false;
  }
}

/**
 * The static-IP change on the host. `file` (a name in host.netplanDir, or a path there) chooses the file; by
 * default the last file in netplan's order that configures the interface, else the last file of netplanDir.
 */
export async function planStaticIpOnHost(conn: SshConnection, host: LinuxHost, req: StaticIpRequest, file?: string): Promise<StaticIpPlan> {
  const cfg = await readHostNetplan(conn, host);
  const dir = host.netplanDir.replace(/\/+$/, '');
  let target: string;
  if (file !== undefined) {
    target = file.includes('/') ? file : `${dir}/${file}`;
    if (!target.startsWith(dir + '/') || !/^[A-Za-z0-9._-]+\.yaml$/.test(target.slice(dir.length + 1))) throw new NetplanRequestError('file', `file "${file}" is not a .yaml file directly in ${dir}`);
  } else {
    const mine = cfg.files.filter((f) => f.path.startsWith(dir + '/'));
    const holder = [...mine].reverse().find((f) => definesInterface(f.text, req.interface));
    if (holder) target = holder.path;
    else if (mine.length) target = mine[mine.length - 1].path;
    else throw new NetplanRequestError('file', `${host.name} has no netplan file in ${dir}: give file (e.g. 01-netcfg.yaml)`);
  }
  const current = await new RemoteFiles(conn, host.sudo).read(hostPath(host, target));
  let r;
  try {
    r = setStaticIp(current.exists ? current.text : undefined, req);
  } catch (err) {
    if (err instanceof StaticIpError) {
      // The core's messages name CLI flags; the field is what the caller needs.
      const field = /--(address|gateway|dns|search)/.exec(err.message)?.[1] ?? (/interface "/.test(err.message) ? 'interface' : 'file');
      throw new NetplanRequestError(field, err.message);
    }
    throw err;
  }
  const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
  const others = cfg.files.filter((f) => base(f.path) !== base(target)).map((f) => ({ name: base(f.path), text: f.text }));
  const all = [...others, { name: base(target), text: r.text }].sort((a, b) => (a.name < b.name ? -1 : 1));
  const problems = validateNetplan(all.map((f) => ({ path: f.name, text: f.text }))).flatMap((rep) => rep.diagnostics.map((d) => `${rep.path}:${d.line}:${d.col}: ${d.severity}: ${d.message}`));
  return { target, exists: current.exists, before: current.text, text: r.text, changes: r.changes, diff: unifiedDiff(current.text, r.text, `a${target}`, `b${target}`, 3, maskNetplanSecrets), problems };
}
