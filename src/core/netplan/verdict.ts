// Who decides whether a configuration is valid. When a netplan is reachable (the target host over SSH, or this
// machine for a local file) its `generate` in a temporary root is authoritative: its errors are the errors, and
// Parc's own findings it does not confirm are kept as warnings that never block. Without one, Parc's validator
// decides, with the rules of the target's netplan release. The verdict says which one was used.
import type { Diagnostic } from '../inventory/types';
import type { CommandRunner } from '../ssh/runner';
import type { NetplanFile } from './file-check';
import { netplanGenerate, type GenerateResult } from './generate';
import { validateNetplan, type FileReport } from './validate';
import { DEFAULT_VERSION, formatVersion, parseNetplanVersion, type NetplanVersion } from './versions';

export interface Verdict {
  judge: 'netplan' | 'parc';
  /** One line for the operator: which verdict was used and why. */
  description: string;
  /** The judging netplan's package version, when netplan judged (or was asked). */
  netplanVersion?: string;
  /** The release whose rules Parc's validator applied. */
  rulesVersion: NetplanVersion;
  ok: boolean;
  reports: FileReport[];
  /** netplan's own output, when it ran. */
  netplanOutput?: string;
}

export interface JudgeOptions {
  /** Where netplan can run: a host over SSH, or this machine. Without it, Parc decides. */
  runner?: CommandRunner;
  sudo?: boolean;
  /** "on lab", "locally": for the description. */
  where?: string;
  /** The target's netplan release when known (e.g. --netplan-version); a netplan of another release does not judge. */
  version?: NetplanVersion;
  /** Passed to netplanGenerate (the command to run instead of `netplan`). */
  netplan?: string;
}

const sameRelease = (a: NetplanVersion, b: NetplanVersion) => a[0] === b[0] && a[1] === b[1];

/** File names netplan will see in its temporary etc/netplan (plain, unique, ending in .yaml), in order. */
function generateNames(files: NetplanFile[]): string[] {
  const base = files.map((f) => f.path.slice(f.path.lastIndexOf('/') + 1));
  const plain = base.every((b) => /^[A-Za-z0-9._-]+\.yaml$/.test(b)) && new Set(base).size === base.length;
  if (plain) return base;
  return base.map((b, i) => `${String(i).padStart(2, '0')}-${b.replace(/[^A-Za-z0-9._-]/g, '_').replace(/\.ya?ml$/, '')}.yaml`);
}

const matches = (a: string, b: string) => a === b || a.includes(b) || b.includes(a);

export async function judgeNetplan(files: NetplanFile[], o: JudgeOptions = {}): Promise<Verdict> {
  let gen: GenerateResult | undefined;
  let why = '';
  const names = generateNames(files);
  if (o.runner) {
    try {
      gen = await netplanGenerate(o.runner, files.map((f, i) => ({ name: names[i], text: f.text })), { sudo: o.sudo, netplan: o.netplan });
    } catch (err) {
      why = (err as Error).message.replace('on the host', o.where ?? 'locally');
    }
  }
  const judgeVersion = gen?.version ? parseNetplanVersion(gen.version) : undefined;
  const rulesVersion = o.version ?? judgeVersion ?? DEFAULT_VERSION;
  const reports = validateNetplan(files, { version: rulesVersion });
  const where = o.where ?? 'locally';
  if (gen && o.version && judgeVersion && !sameRelease(o.version, judgeVersion)) {
    why = `netplan ${gen.version} ${where} is not the target's ${formatVersion(o.version)}`;
    gen = undefined;
  }
  if (!gen) {
    const ok = !reports.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
    return { judge: 'parc', description: `verdict: Parc's validator (netplan ${formatVersion(rulesVersion)} rules)${why ? `; ${why}` : o.runner ? '' : '; no netplan to ask'}`, rulesVersion, ok, reports };
  }
  const netplanErrors = gen.diagnostics.filter((d) => d.severity === 'error');
  for (const [i, r] of reports.entries()) {
    r.diagnostics = r.diagnostics.map((d): Diagnostic => {
      if (d.severity !== 'error') return d;
      const confirmed = !gen!.ok && netplanErrors.some((n) => (n.file === '' || n.file === names[i]) && matches(n.message, d.message));
      return confirmed ? d : { ...d, severity: 'warning', message: `${d.message} (Parc's check; netplan ${gen!.version ?? ''} ${where} ${gen!.ok ? 'accepts the configuration' : 'does not report this'})`.replace('  ', ' ') };
    });
  }
  for (const n of netplanErrors) {
    const i = Math.max(0, names.indexOf(n.file));
    const r = reports[i];
    if (!r) continue;
    if (r.diagnostics.some((d) => d.severity === 'error' && matches(n.message, d.message))) continue;
    const near = reports.flatMap((x) => x.diagnostics).find((d) => matches(n.message, d.message));
    const at = n.line ? { line: n.line, col: n.col, endLine: n.line, endCol: n.col } : near ? { line: near.line, col: near.col, endLine: near.endLine, endCol: near.endCol } : { line: 1, col: 1, endLine: 1, endCol: 1 };
    r.diagnostics.push({ severity: 'error', message: n.message, ...at });
    r.diagnostics.sort((a, b) => a.line - b.line || a.col - b.col);
  }
  return {
    judge: 'netplan',
    description: `verdict: netplan ${gen.version ?? '(version unknown)'} ${where} (generate in a temporary root)`,
    netplanVersion: gen.version, rulesVersion, ok: gen.ok, reports, netplanOutput: gen.output,
  };
}
