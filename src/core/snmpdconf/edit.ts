// Structured snmpd.conf edits: listening addresses, read-only communities restricted to a source, SNMPv3 read-only
// users, Observium/LibreNMS extend lines, sysLocation (with the site's [lat, lng]) and sysContact. Each edit
// changes or adds the lines it is about and leaves the rest of the file untouched.
import { parseIp, parseIpPrefix } from '../netplan/ip';
import { extendLines, type ExtendFlavour } from './extend';
import { line, parseConf, renderConf, type ConfLine } from './lines';

export interface SnmpdEdit {
  /** Replaces agentAddress, e.g. ["udp:161", "udp6:[::1]:161"]. */
  agentAddress?: string[];
  /** Adds or updates `rocommunity NAME SOURCE` (rocommunity6 for an IPv6 source). */
  community?: { name: string; source?: string; view?: string };
  /** Adds or updates `rouser NAME LEVEL` (the key material goes to the persistent file: see persist.ts). */
  v3User?: { name: string; level: 'noauth' | 'auth' | 'priv'; view?: string };
  extend?: ExtendFlavour;
  /** Command printing the distribution name for the Observium `distro` extend. */
  distroCommand?: string;
  location?: string;
  /** Appended to sysLocation as "[lat, lng]" (Observium/LibreNMS read it from there). */
  coordinates?: [number, number];
  contact?: string;
}

export interface EditResult {
  text: string;
  changes: string[];
}

export class SnmpdEditError extends Error {}

const COORDS = /\s*\[\s*[-+]?\d+(?:\.\d+)?\s*[,;]\s*[-+]?\d+(?:\.\d+)?\s*\]\s*$/;

function checkEdit(e: SnmpdEdit): void {
  const problems: string[] = [];
  if (e.community) {
    const { name, source, view } = e.community;
    if (!name || /[\s#"']/.test(name)) problems.push('the community must be one word without spaces, quotes or #');
    if (source !== undefined && source !== 'default') {
      const ok = source.includes('/') ? !('error' in parseIpPrefix(source)) : parseIp(source) !== undefined || /^[A-Za-z0-9][A-Za-z0-9.-]*$/.test(source);
      if (!ok) problems.push(`--source "${source}" is not an address, a CIDR block, a host name or "default"`);
    }
    if (view !== undefined && !/^[A-Za-z0-9_-]+$/.test(view)) problems.push(`view "${view}" is not a view name`);
  }
  if (e.v3User && !/^[A-Za-z0-9_.-]{1,32}$/.test(e.v3User.name)) problems.push(`SNMPv3 user "${e.v3User.name}" must be 1-32 letters, digits, . _ -`);
  for (const a of e.agentAddress ?? []) if (!/^((udp6?|tcp6?|unix):)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)?(:\d{1,5})?$/.test(a) || a === '') problems.push(`agentAddress "${a}" is not [transport:]address[:port]`);
  for (const [k, v] of [['location', e.location], ['contact', e.contact], ['distroCommand', e.distroCommand]] as const) {
    if (v !== undefined && /[\n\r]/.test(v)) problems.push(`${k} must be a single line`);
    // A blank value would write a bare directive, which snmpd ignores with a warning (found by the fuzz tests).
    else if (v !== undefined && k !== 'distroCommand' && !v.trim()) problems.push(`${k} must not be empty`);
  }
  if (e.coordinates && !(Math.abs(e.coordinates[0]) <= 90 && Math.abs(e.coordinates[1]) <= 180)) problems.push('coordinates must be [latitude, longitude]');
  if (problems.length) throw new SnmpdEditError(problems.join('\n'));
}

/** Replaces the first `directive` line in place (later ones are commented out), or appends one. */
function setSingle(lines: ConfLine[], directive: string, next: ConfLine, changes: string[], what: string): void {
  const idx = lines.map((l, i) => (l.directive === directive.toLowerCase() ? i : -1)).filter((i) => i >= 0);
  if (!idx.length) {
    lines.push(next);
    changes.push(`added ${what}`);
    return;
  }
  if (lines[idx[0]].raw.trim() !== next.raw.trim()) changes.push(`${what}: ${lines[idx[0]].raw.trim()} → ${next.raw}`);
  lines[idx[0]] = next;
  for (const i of idx.slice(1)) {
    lines[i] = { raw: `# ${lines[i].raw.trim()}   # disabled by Parc: ${directive} is set on line ${idx[0] + 1}`, args: [] };
    changes.push(`disabled a second ${directive} on line ${i + 1}`);
  }
}

function formatCoord(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

export function editSnmpdConf(text: string, e: SnmpdEdit): EditResult {
  checkEdit(e);
  const lines = parseConf(text);
  const changes: string[] = [];

  if (e.agentAddress?.length) setSingle(lines, 'agentAddress', line('agentAddress', e.agentAddress.join(',')), changes, 'agentAddress');

  if (e.community) {
    const { name, source = 'default', view } = e.community;
    const v6 = source.includes(':');
    const directive = v6 ? 'rocommunity6' : 'rocommunity';
    const next = line(directive, name, source, ...(view ? ['-V', view] : []));
    const same = lines.findIndex((l) => l.directive === directive && l.args[0] === name && l.args[1] === source);
    if (same >= 0) {
      if (lines[same].raw.trim() !== next.raw) {
        lines[same] = next;
        changes.push(`updated ${directive} for source ${source}`);
      }
    } else {
      const lastAccess = lines.map((l, i) => (l.directive?.startsWith('rocommunity') || l.directive?.startsWith('rwcommunity') ? i : -1)).filter((i) => i >= 0).pop();
      if (lastAccess !== undefined) lines.splice(lastAccess + 1, 0, next);
      else lines.push(next);
      changes.push(`added ${directive} (community hidden) for source ${source}${view ? ` view ${view}` : ''}`);
    }
  }

  if (e.v3User) {
    const { name, level, view } = e.v3User;
    const next = line('rouser', name, level, ...(view ? ['-V', view] : []));
    const at = lines.findIndex((l) => l.directive === 'rouser' && l.args[0] === name);
    if (at >= 0) lines[at] = next;
    else lines.push(next);
    changes.push(`${at >= 0 ? 'updated' : 'added'} rouser ${name} ${level}`);
  }

  if (e.extend) {
    const wanted = extendLines(e.extend, e.distroCommand);
    for (const w of wanted) {
      // An extend is identified by its name (and OID for Observium's): replace it when present, else add.
      const key = (l: ConfLine) => (l.args[0]?.startsWith('.') ? `${l.args[0]} ${l.args[1]}` : l.args[0]);
      const at = lines.findIndex((l) => (l.directive === 'extend' || l.directive === 'extend-sh') && key(l) === key(w));
      if (at >= 0) {
        if (lines[at].raw.trim() !== w.raw) {
          lines[at] = w;
          changes.push(`updated extend ${key(w)}`);
        }
      } else {
        lines.push(w);
        changes.push(`added extend ${key(w)}`);
      }
    }
  }

  if (e.location !== undefined || e.coordinates) {
    const current = lines.find((l) => l.directive === 'syslocation')?.args.join(' ') ?? '';
    let loc = (e.location ?? current).replace(COORDS, '');
    if (e.coordinates) loc = `${loc} [${formatCoord(e.coordinates[0])}, ${formatCoord(e.coordinates[1])}]`.trim();
    setSingle(lines, 'sysLocation', { raw: `sysLocation ${loc}`, directive: 'syslocation', args: [loc] }, changes, 'sysLocation');
  }
  if (e.contact !== undefined) setSingle(lines, 'sysContact', { raw: `sysContact ${e.contact}`, directive: 'syscontact', args: [e.contact] }, changes, 'sysContact');

  return { text: changes.length ? renderConf(lines, text) : text, changes };
}
