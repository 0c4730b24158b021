// Asks the host's own netplan to judge a configuration: the files are copied into a temporary root and
// `netplan generate --root-dir` renders them there, so nothing in the host's /etc or /run changes.
import type { Diagnostic } from '../inventory/types';
import { shq, type CommandRunner } from '../ssh/runner';

export interface GenerateFile {
  /** File name inside etc/netplan, e.g. 01-netcfg.yaml */
  name: string;
  text: string;
}

export interface GenerateDiagnostic extends Diagnostic {
  file: string;
}

export interface GenerateResult {
  ok: boolean;
  diagnostics: GenerateDiagnostic[];
  /** netplan's output as printed (temporary paths replaced by the file names). */
  output: string;
  /** netplan's warnings (GLib WARNING lines), without their prefix. */
  warnings: string[];
  /** The package version of the netplan that judged (e.g. "0.106-2+deb12u1"), when the host says. */
  version?: string;
}

const NAME = /^[A-Za-z0-9._-]+\.yaml$/;

/**
 * The script run on the host. The files arrive on stdin, one "NAME BASE64" line each, never on the command line:
 * a netplan file may hold Wi-Fi or 802.1x passwords, and command lines are visible to every user of the host.
 */
export function generateScript(netplan = 'netplan', withVersion = true): string {
  return [
    ...(netplan === 'netplan' && withVersion ? [VERSION_SCRIPT] : []),
    'd=$(mktemp -d /tmp/parc-netplan.XXXXXX) || exit 90',
    'trap \'rm -rf "$d"\' EXIT',
    'mkdir -p "$d/etc/netplan" || exit 90',
    'while read -r name b64; do',
    '  case "$name" in *[!A-Za-z0-9._-]*|"") exit 91 ;; esac',
    '  printf %s "$b64" | base64 -d > "$d/etc/netplan/$name" && chmod 600 "$d/etc/netplan/$name" || exit 90',
    'done',
    'echo "PARC_ROOT=$d"',
    // The generator binary itself when it is there (what `netplan generate` runs, without Python's start-up).
    netplan === 'netplan'
      ? 'g=; for x in /usr/lib/netplan/generate /lib/netplan/generate; do [ -x "$x" ] && g=$x && break; done\n' +
        'if [ -n "$g" ]; then "$g" --root-dir "$d" 2>&1; else netplan generate --root-dir "$d" 2>&1; fi'
      : `${netplan} generate --root-dir "$d" 2>&1`,
  ].join('\n');
}

/**
 * Prints `PARC_NETPLAN_VERSION=...` with the installed netplan's version: the package database first (netplan
 * 0.10x has no --version), then `netplan --version` of newer releases; 127 when netplan is not installed.
 */
export const VERSION_SCRIPT = [
  'command -v netplan >/dev/null 2>&1 || [ -x /usr/sbin/netplan ] || exit 127',
  'v=$(dpkg-query -W -f=\'${Version}\' netplan.io 2>/dev/null || rpm -q --qf \'%{VERSION}\' netplan 2>/dev/null || netplan --version 2>/dev/null | head -n1)',
  'echo "PARC_NETPLAN_VERSION=$v"',
].join('\n');

/** The version line printed by VERSION_SCRIPT; undefined when it printed none. */
export function parseVersionLine(output: string): string | undefined {
  const v = /^PARC_NETPLAN_VERSION=(.*)$/m.exec(output)?.[1]?.trim();
  return v || undefined;
}

/** The host's netplan version (package version string), or undefined when netplan is not installed. */
export async function netplanVersionOn(runner: CommandRunner): Promise<string | undefined> {
  const r = await runner.exec(`sh -c ${shq(VERSION_SCRIPT)}`, { timeoutMs: 20000 });
  if (r.code === 127) return undefined;
  return parseVersionLine(r.stdout) ?? 'unknown';
}

export function generateInput(files: GenerateFile[]): string {
  for (const f of files) if (!NAME.test(f.name)) throw new Error(`netplan file name "${f.name}" must be a plain name ending in .yaml`);
  return files.map((f) => `${f.name} ${Buffer.from(f.text).toString('base64')}\n`).join('');
}

/**
 * Parses netplan's output: `/tmp/x/etc/netplan/a.yaml:5:10: Error in network definition: ...` lines, or, for errors
 * netplan prints without a position, the last line (it prints its error last, after any GLib warnings, which may
 * themselves span lines and mention "Error:"). `ok` is netplan's verdict (exit code 0).
 */
export function parseGenerateOutput(output: string, ok = false): { diagnostics: GenerateDiagnostic[]; warnings: string[]; output: string } {
  const root = /^PARC_ROOT=(.*)$/m.exec(output)?.[1];
  let text = output.replace(/^PARC_ROOT=.*\n?/m, '').replace(/^PARC_NETPLAN_VERSION=.*\n?/m, '');
  if (root) text = text.split(`${root}/etc/netplan/`).join('').split(`${root}/run/netplan/`).join('').split(`${root}/lib/netplan/`).join('');
  const diagnostics: GenerateDiagnostic[] = [];
  const warnings: string[] = [];
  const lines = text.split('\n');
  for (const line of lines) {
    const w = /^\*\* \(generate(?::\d+)?\): WARNING \*\*: (?:\d\d:\d\d:\d\d\.\d+: )?(.*)$/.exec(line);
    if (w) warnings.push(w[1]);
    const m = /^([^:\s]+\.yaml):(\d+):(\d+): (.*)$/.exec(line);
    if (m && !ok) {
      const msg = m[4].replace(/^Error in network definition: /, '');
      diagnostics.push({ file: m[1], line: Number(m[2]), col: Number(m[3]), endLine: Number(m[2]), endCol: Number(m[3]), severity: 'error', message: msg });
    }
  }
  if (!ok && !diagnostics.length) {
    const last = lines.map((l) => l.trim()).filter(Boolean).pop();
    if (last) diagnostics.push({ file: '', line: 0, col: 0, endLine: 0, endCol: 0, severity: 'error', message: last.replace(/^Error in network definition: /, '') });
  }
  return { diagnostics, warnings, output: text.trim() };
}

export async function netplanGenerate(runner: CommandRunner, files: GenerateFile[], options: { sudo?: boolean; netplan?: string; version?: boolean } = {}): Promise<GenerateResult> {
  const r = await runner.exec(`sh -c ${shq(generateScript(options.netplan, options.version !== false))}`, { sudo: options.sudo, timeoutMs: 60000, stdin: generateInput(files) });
  if (r.code === 90 || r.code === 91) throw new Error(`could not prepare a temporary netplan root on the host: ${r.stderr.trim() || r.stdout.trim()}`);
  if (r.code === 127 || /netplan: (command )?not found/.test(r.stdout + r.stderr)) throw new Error('netplan is not installed on the host');
  const parsed = parseGenerateOutput(r.stdout + r.stderr, r.code === 0);
  return { ok: r.code === 0, ...parsed, version: parseVersionLine(r.stdout) };
}
