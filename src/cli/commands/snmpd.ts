// parc snmpd: structured snmpd.conf edits, printed (edit) or applied to a host and verified by polling (apply).
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Inventory } from '../../core/inventory/types';
import { applySnmpdToHost, planSnmpdChange, siteCoordinates as coreSiteCoordinates, snmpdVerdict, SnmpdRequestError } from '../../core/snmpdconf/apply-host';
import { decodeConf, encodeConf } from '../../core/snmpdconf/bytes';
import { editSnmpdConf, SnmpdEditError, type SnmpdEdit } from '../../core/snmpdconf/edit';
import { linuxHostFromInventory, trustFingerprint } from '../../core/ssh/host-connect';
import { KnownHosts } from '../../core/ssh/known-hosts';
import { bool, parseArgs, str, UsageError, type FlagSpec, type Parsed } from '../args';
import { cliSecrets, INVENTORY_HELP, openInventory, stderrLogger, type CliIO } from '../context';
import type { Command } from './types';

const EDIT_FLAGS: FlagSpec = {
  community: 'string', 'community-credential': 'string', source: 'string', view: 'string', extend: 'string', 'distro-command': 'string', location: 'string', coordinates: 'string',
  site: 'string', contact: 'string', 'agent-address': 'list', 'v3-user': 'string', 'v3-level': 'string', inventory: 'string',
};

const EDIT_HELP = `  --community C --source CIDR   add/update "rocommunity C CIDR" (rocommunity6 for IPv6; source default: default)
  --community-credential NAME   the community from a stored credential instead (keeps it out of the process list)
  --view V                      restrict the community/user to view V (-V V)
  --extend observium|librenms   add the distro/hardware/vendor/serial/uptime extend lines
  --distro-command CMD          command for the distro extend (default /usr/local/bin/distro)
  --location L                  sysLocation; with --coordinates LAT,LNG or the site's, "[lat, lng]" is appended
  --site NAME                   take the coordinates from this site of parc.yaml (apply: the host's site by default)
  --contact C                   sysContact
  --agent-address A[,B]         agentAddress, e.g. udp:161,udp6:[::1]:161
  --v3-user U [--v3-level priv|auth|noauth]   add "rouser U LEVEL"`;

const USAGE = `parc snmpd edit --file FILE [edits...]          prints FILE with the edits applied (changes on stderr)
parc snmpd apply --host NAME [edits...] [options]  edits the host's snmpd.conf, restarts snmpd, polls it with the new
                                                   credentials; restores the backup if it does not answer
${EDIT_HELP}
apply options:
  --v3-auth SHA-256 --v3-auth-credential NAME [--v3-priv AES --v3-priv-credential NAME]
                                createUser in the persistent file (snmpd stopped meanwhile); passwords from credentials
  --previous-profile NAME       SNMP profile that works today (default: the profile of the matching device)
  --known-hosts FILE            default $PARC_KNOWN_HOSTS or ~/.ssh/known_hosts
  --accept-host-key SHA256:...  trust this fingerprint for a host not yet in known_hosts (check it on the host first)
  --timeout S                   how long to wait for snmpd to answer after the restart (default 20)
  ${INVENTORY_HELP}`;

function parseCoordinates(v: string): [number, number] {
  const m = /^\s*\[?\s*(-?\d+(?:\.\d+)?)\s*[,; ]\s*(-?\d+(?:\.\d+)?)\s*\]?\s*$/.exec(v);
  const c = m ? ([Number(m[1]), Number(m[2])] as [number, number]) : undefined;
  if (!c || Math.abs(c[0]) > 90 || Math.abs(c[1]) > 180) throw new UsageError(`--coordinates "${v}" is not LAT,LNG`);
  return c;
}

function siteCoordinates(inv: Inventory, name: string): [number, number] | undefined {
  try {
    return coreSiteCoordinates(inv, name);
  } catch (err) {
    throw err instanceof SnmpdRequestError ? new UsageError(err.message) : err;
  }
}

async function editFromFlags(p: Parsed, io: CliIO, hostSite?: string): Promise<{ edit: SnmpdEdit; inv?: Inventory }> {
  const edit: SnmpdEdit = {};
  let community = str(p, 'community');
  const cred = str(p, 'community-credential');
  if (cred) {
    if (community) throw new UsageError('give --community or --community-credential, not both');
    community = await (await cliSecrets(io)).get(cred);
    if (community === undefined) throw new UsageError(`no secret stored for credential "${cred}" (set PARC_CRED_${cred.toUpperCase().replace(/[^A-Z0-9]/g, '_')})`);
  }
  if (community) edit.community = { name: community, source: str(p, 'source'), view: str(p, 'view') };
  else if (str(p, 'source')) throw new UsageError('--source goes with --community');
  const ext = str(p, 'extend');
  if (ext) {
    if (ext !== 'observium' && ext !== 'librenms') throw new UsageError('--extend must be observium or librenms');
    edit.extend = ext;
    edit.distroCommand = str(p, 'distro-command');
  }
  edit.location = str(p, 'location');
  edit.contact = str(p, 'contact');
  const aa = p.flags['agent-address'] as string[] | undefined;
  if (aa?.length) edit.agentAddress = aa;
  const u = str(p, 'v3-user');
  if (u) {
    const level = (str(p, 'v3-level') ?? 'priv').toLowerCase();
    if (level !== 'priv' && level !== 'auth' && level !== 'noauth') throw new UsageError('--v3-level must be priv, auth or noauth');
    edit.v3User = { name: u, level, view: str(p, 'view') };
  }
  const coords = str(p, 'coordinates');
  let inv: Inventory | undefined;
  if (coords) edit.coordinates = parseCoordinates(coords);
  const site = str(p, 'site') ?? hostSite;
  if (site && !edit.coordinates) {
    inv = await openInventory(io, str(p, 'inventory'));
    edit.coordinates = siteCoordinates(inv, site);
    if (!edit.coordinates) io.err(`note: site "${site}" has no coordinates; sysLocation gets none`);
  }
  return { edit, inv };
}

async function editCmd(argv: string[], io: CliIO): Promise<number> {
  const p = parseArgs(argv, { ...EDIT_FLAGS, file: 'string' });
  if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
  const file = str(p, 'file');
  if (!file) throw new UsageError('--file is required');
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path.resolve(io.cwd, file));
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const { edit } = await editFromFlags(p, io);
  try {
    const { text, encoding } = decodeConf(bytes, file);
    const r = editSnmpdConf(text, edit);
    for (const c of r.changes) io.err(`change: ${c}`);
    if (!r.changes.length) io.err('no change: the file already has these settings');
    // The file's own bytes (Latin-1, CRLF, no final newline...), not a UTF-8 re-encoding of them.
    const out = encodeConf(r.text, encoding, file);
    if (io.outBytes) io.outBytes(out);
    else io.out(r.text.replace(/\n$/, ''));
    return 0;
  } catch (err) {
    if (err instanceof SnmpdEditError) {
      io.err(`parc snmpd edit: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

const FLAG_OF = new Map([['previousProfile', '--previous-profile'], ['v3Auth', '--v3-auth'], ['v3Priv', '--v3-priv']]);
const flagName = (f: string) => FLAG_OF.get(f) ?? f;

async function applyCmd(argv: string[], io: CliIO): Promise<number> {
  const p = parseArgs(argv, {
    ...EDIT_FLAGS, host: 'string', 'v3-auth': 'string', 'v3-auth-credential': 'string', 'v3-priv': 'string', 'v3-priv-credential': 'string',
    'previous-profile': 'string', 'known-hosts': 'string', 'accept-host-key': 'string', timeout: 'string', verbose: 'boolean',
  });
  if (p.positionals.length) throw new UsageError(`unexpected argument "${p.positionals[0]}"`);
  const name = str(p, 'host');
  if (!name) throw new UsageError('--host is required (a name from the linux: section of parc.yaml)');
  const inv = await openInventory(io, str(p, 'inventory'));
  const host = await linuxHostFromInventory(inv.file, name, inv.sites).catch((err: Error) => {
    throw new UsageError(err.message);
  });
  const { edit } = await editFromFlags(p, io, host.site);
  const secrets = await cliSecrets(io);
  const timeout = str(p, 'timeout') ? Number(str(p, 'timeout')) : 20;
  if (!(timeout > 0)) throw new UsageError('--timeout must be a positive number of seconds');
  const plan = await planSnmpdChange(inv, host, {
    edit, v3Auth: str(p, 'v3-auth'), v3AuthCredential: str(p, 'v3-auth-credential'), v3Priv: str(p, 'v3-priv'), v3PrivCredential: str(p, 'v3-priv-credential'), previousProfile: str(p, 'previous-profile'),
  }, secrets, flagName).catch((err: unknown) => {
    throw err instanceof SnmpdRequestError ? new UsageError(err.message) : err;
  });
  const knownHostsFile = str(p, 'known-hosts') ?? io.env.PARC_KNOWN_HOSTS ?? path.join(os.homedir(), '.ssh', 'known_hosts');
  const logger = stderrLogger(io, bool(p, 'verbose'));
  const trust = trustFingerprint(str(p, 'accept-host-key'), (i) => io.err(`host key of ${i.host}:${i.port} is not in ${knownHostsFile}: ${i.fingerprint}\n  check it on the host (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub), then re-run with --accept-host-key ${i.fingerprint}`));
  const report = await applySnmpdToHost({ host, plan, secrets, knownHosts: new KnownHosts(path.resolve(io.cwd, knownHostsFile)), trust, logger, env: io.env, pollTimeoutMs: timeout * 1000 });
  for (const c of report.changes) io.out(`change: ${c}`);
  for (const s of report.steps) io.out(s);
  io.out(snmpdVerdict(host, report));
  return report.ok ? 0 : 1;
}

export const snmpdCommand: Command = {
  name: 'snmpd',
  summary: 'edit snmpd.conf (communities, v3 users, extends, location) and apply it with a polling check',
  usage: USAGE,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    if (sub === 'edit') return editCmd(rest, io);
    if (sub === 'apply') return applyCmd(rest, io);
    throw new UsageError(sub ? `unknown subcommand "${sub}" (edit or apply)` : 'name a subcommand: edit or apply');
  },
};
