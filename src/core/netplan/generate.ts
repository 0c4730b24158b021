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
}

const NAME = /^[A-Za-z0-9._-]+\.yaml$/;

/**
 * The script run on the host. The files arrive on stdin, one "NAME BASE64" line each, never on the command line:
 * a netplan file may hold Wi-Fi or 802.1x passwords, and command lines are visible to every user of the host.
 */
export function generateScript(netplan = 'netplan'): string {
  return [
    'd=$(mktemp -d /tmp/parc-netplan.XXXXXX) || exit 90',
    'trap \'rm -rf "$d"\' EXIT',
    'mkdir -p "$d/etc/netplan" || exit 90',
    'while read -r name b64; do',
    '  case "$name" in *[!A-Za-z0-9._-]*|"") exit 91 ;; esac',
    '  printf %s "$b64" | base64 -d > "$d/etc/netplan/$name" && chmod 600 "$d/etc/netplan/$name" || exit 90',
    'done',
    'echo "PARC_ROOT=$d"',
    `${netplan} generate --root-dir "$d" 2>&1`,
  ].join('\n');
}

export function generateInput(files: GenerateFile[]): string {
  for (const f of files) if (!NAME.test(f.name)) throw new Error(`netplan file name "${f.name}" must be a plain name ending in .yaml`);
  return files.map((f) => `${f.name} ${Buffer.from(f.text).toString('base64')}\n`).join('');
}

/** Parses `/tmp/x/etc/netplan/a.yaml:5:10: Error in network definition: ...` lines. */
export function parseGenerateOutput(output: string): { diagnostics: GenerateDiagnostic[]; output: string } {
  const root = /^PARC_ROOT=(.*)$/m.exec(output)?.[1];
  let text = output.replace(/^PARC_ROOT=.*\n?/m, '');
  if (root) text = text.split(`${root}/etc/netplan/`).join('').split(`${root}/run/netplan/`).join('').split(`${root}/lib/netplan/`).join('');
  const diagnostics: GenerateDiagnostic[] = [];
  for (const line of text.split('\n')) {
    const m = /^([^:\s]+\.yaml):(\d+):(\d+): (.*)$/.exec(line);
    if (m) {
      const msg = m[4].replace(/^Error in network definition: /, '');
      diagnostics.push({ file: m[1], line: Number(m[2]), col: Number(m[3]), endLine: Number(m[2]), endCol: Number(m[3]), severity: 'error', message: msg });
    } else if (/ERROR|Error/.test(line) && !/^\s/.test(line)) {
      diagnostics.push({ file: '', line: 0, col: 0, endLine: 0, endCol: 0, severity: 'error', message: line.trim() });
    }
  }
  return { diagnostics, output: text.trim() };
}

export async function netplanGenerate(runner: CommandRunner, files: GenerateFile[], options: { sudo?: boolean; netplan?: string } = {}): Promise<GenerateResult> {
  const r = await runner.exec(`sh -c ${shq(generateScript(options.netplan))}`, { sudo: options.sudo, timeoutMs: 60000, stdin: generateInput(files) });
  if (r.code === 90 || r.code === 91) throw new Error(`could not prepare a temporary netplan root on the host: ${r.stderr.trim() || r.stdout.trim()}`);
  if (r.code === 127 || /netplan: (command )?not found/.test(r.stdout + r.stderr)) throw new Error('netplan is not installed on the host');
  const parsed = parseGenerateOutput(r.stdout + r.stderr);
  return { ok: r.code === 0, ...parsed };
}
