// Checks netplan YAML the way `netplan generate` would, before anything is written: YAML syntax, then netplan's
// own reading of every key (parser.ts) and its checks after reading (rules.ts), for the netplan release of the
// target (versions.ts); the first error ends the check, as it ends netplan. On a configuration netplan accepts,
// Parc adds warnings an operator should hear about (semantics.ts) and an empty file gets a word.
import type { Diagnostic } from '../inventory/types';
import { FileCheck, type NetplanFile } from './file-check';
import { NetplanParseError, NetplanParser } from './parser';
import { checkRules, type RuleOptions } from './rules';
import { checkDevices } from './semantics';
import { DEFAULT_VERSION, type NetplanVersion } from './versions';

export interface FileReport {
  path: string;
  diagnostics: Diagnostic[];
}

export interface ValidateOptions extends RuleOptions {
  /** The netplan release of the target (default: the newest Parc knows). */
  version?: NetplanVersion;
}

/** Validates a set of files that together make one configuration (as netplan merges /etc/netplan/*.yaml). */
export function validateNetplan(files: NetplanFile[], options: ValidateOptions = {}): FileReport[] {
  const checks = files.map((f) => new FileCheck(f));
  const parser = new NetplanParser(options.version ?? DEFAULT_VERSION);
  let failed = false;
  for (const c of checks) {
    if (syntax(c)) {
      failed = true;
      break;
    }
    if (c.empty) {
      c.diagnostics.push({ severity: 'warning', message: 'the file is empty: netplan reads no configuration from it', line: 1, col: 1, endLine: 1, endCol: 1 });
      continue;
    }
    try {
      parser.load(c);
    } catch (e) {
      if (!(e instanceof NetplanParseError)) throw e;
      e.file.report(e.node, e.message);
      failed = true;
      break;
    }
  }
  for (const w of parser.warnings) w.file.report(w.node, w.message, 'warning');
  if (!failed) {
    const findings = checkRules(parser, options);
    for (const f of findings) f.file.report(f.node, f.message, f.severity);
    if (!findings.some((f) => f.severity === 'error')) checkDevices(checks);
  }
  return checks.map((c) => ({ path: c.file.path, diagnostics: c.diagnostics.sort((a, b) => a.line - b.line || a.col - b.col) }));
}

export function validateNetplanText(text: string, path = 'netplan.yaml', options: ValidateOptions = {}): Diagnostic[] {
  return validateNetplan([{ path, text }], options)[0].diagnostics;
}

/** YAML that netplan's YAML reader (libyaml) refuses; reports the first problem and says whether there was one. */
function syntax(c: FileCheck): boolean {
  const lines = c.file.text.split('\n');
  for (const [i, line] of lines.entries()) {
    // libyaml refuses a tab where indentation is read: in the leading blanks of any line, or right after "- ".
    const lead = /^[ \t]*(?:-[ \t]*)*/.exec(line)![0];
    if (lead.includes('\t')) {
      c.diagnostics.push({ severity: 'error', message: 'Invalid YAML: tabs are not allowed for indent', line: i + 1, col: lead.indexOf('\t') + 1, endLine: i + 1, endCol: lead.length + 1 });
      return true;
    }
  }
  const e = c.doc.errors[0] ?? c.loadError;
  if (!e) return false;
  const pos = c.lines.linePos(e.pos[0]);
  const end = c.lines.linePos(e.pos[1]);
  const what = e.code === 'BAD_INDENT' ? 'inconsistent indentation' : /alias|anchor/i.test(e.message) ? 'aliases are not supported' : e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  c.diagnostics.push({ severity: 'error', message: `Invalid YAML: ${what}`, line: pos.line, col: pos.col, endLine: end.line, endCol: end.col });
  return true;
}
