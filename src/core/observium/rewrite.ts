// Rewrites the LDAP settings of a config.php to wanted values, touching only the statements that must change:
// a value replaced in place when one statement holds it, duplicates and typo'd keys removed, missing keys added
// after the last LDAP line. Every other byte of the file is kept.
import { isLdapKey } from './keys';
import type { ConfigCheck } from './check';
import type { ConfigStatement } from './php-config';
import { describe, phpLiteral, type PhpValue } from './php-value';

/** Wanted top-level values; null removes the setting. Keys not listed keep what the file has. */
export type WantedSettings = Map<string, PhpValue | null>;

export class RewriteError extends Error {}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Observium-style lines for one setting: arrays of arrays become one line per leaf, lists stay on one line. */
export function settingLines(key: string, value: PhpValue): string[] {
  if (value.t === 'array' && value.entries.length && value.entries.some((e) => typeof e.key === 'string')) {
    return value.entries.flatMap((e) => {
      const k = `['${String(e.key).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
      return settingLines(key, e.value).map((l) => l.replace(`$config['${key}']`, `$config['${key}']${k}`));
    });
  }
  return [`$config['${key}'] = ${phpLiteral(value)};`];
}

function equalValues(a: PhpValue | undefined, b: PhpValue | undefined): boolean {
  return !!a && !!b && describe(a) === describe(b);
}

export function rewriteLdapSection(check: ConfigCheck, wanted: WantedSettings): { text: string; changedKeys: string[]; notes: string[] } {
  const { parsed } = check;
  const text = parsed.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const statements = parsed.statements.map((s, i) => ({ s, i })).filter(({ s }) => typeof s.path[0] === 'string');
  const ldap = statements.filter(({ s }) => isLdapKey(s.path[0] as string) || check.typos.has(s.path[0] as string));
  // Statements inside a condition are left as they are: Parc cannot know whether they run.
  const notes = ldap.filter(({ s }) => s.conditional && wanted.has(s.path[0] as string)).map(({ s }) => `line ${s.line} sets ${s.path[0]} inside a condition; left as it is (it still overrides the value when its condition holds)`);
  if (parsed.errors.length) throw new RewriteError(`the file has PHP syntax errors (line ${parsed.errors[0].line}: ${parsed.errors[0].message}); fix them first`);

  const edits: Edit[] = [];
  const changed: string[] = [];
  // Typo'd keys: their statements go; the value they meant is part of `wanted` (the caller decided).
  for (const { s } of ldap) {
    const key = s.path[0] as string;
    if (check.typos.has(key) && !s.conditional) edits.push(deleteStatement(text, s));
  }
  for (const [key, value] of wanted) {
    const own = ldap.filter(({ s }) => s.path[0] === key && !s.conditional);
    const current = parsed.config.entries.find((e) => e.key === key)?.value;
    const anyOverridden = own.some(({ i }) => check.overriddenBy.has(i) || check.diagnostics.some((d) => d.code === 'duplicate' && d.line === parsed.statements[i].line));
    if (value === null) {
      if (own.length) {
        own.forEach(({ s }) => edits.push(deleteStatement(text, s)));
        changed.push(key);
      }
      continue;
    }
    if (own.length && equalValues(current, value) && !anyOverridden) continue;
    changed.push(key);
    const lines = settingLines(key, value);
    if (own.length === 1 && own[0].s.path.length === 1 && lines.length === 1) {
      // One statement holds the whole value: replace the value only, keeping spacing and any trailing comment.
      const s = own[0].s;
      edits.push({ start: s.valueStart, end: s.valueEnd, text: phpLiteral(value) });
      continue;
    }
    const effective = own.filter(({ i }) => !check.overriddenBy.has(i));
    const keep = effective.length === 1 && own.length > 1 && effective[0].s.path.length === 1 && lines.length === 1 && equalValues(effective[0].s.value, value) ? effective[0] : undefined;
    if (keep) {
      own.filter((x) => x !== keep).forEach(({ s }) => edits.push(deleteStatement(text, s)));
      continue;
    }
    if (own.length) {
      // Replace the last statement's line(s) with the canonical lines (the last one is where PHP's value came from).
      const lastOne = own[own.length - 1].s;
      own.slice(0, -1).forEach(({ s }) => edits.push(deleteStatement(text, s)));
      const { start, end, indent } = lineSpan(text, lastOne);
      edits.push({ start, end, text: lines.map((l) => indent + l).join(eol) });
    } else {
      edits.push(insertion(text, ldap.map((x) => x.s), lines, eol));
    }
  }
  return { text: applyEdits(text, mergeInsertions(edits)), changedKeys: changed, notes };
}

/** The full lines a statement occupies when nothing else significant is on them; otherwise just the statement. */
function lineSpan(text: string, s: ConfigStatement): { start: number; end: number; indent: string; whole: boolean } {
  const lineStart = text.lastIndexOf('\n', s.start - 1) + 1;
  const before = text.slice(lineStart, s.start);
  let lineEnd = text.indexOf('\n', s.end);
  if (lineEnd < 0) lineEnd = text.length;
  const after = text.slice(s.end, lineEnd).replace(/\r$/, '');
  if (/^[ \t]*$/.test(before) && /^[ \t]*((\/\/|#).*)?$/.test(after)) {
    return { start: lineStart, end: text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd, indent: before, whole: true };
  }
  return { start: s.start, end: s.end, indent: '', whole: false };
}

function deleteStatement(text: string, s: ConfigStatement): Edit {
  const span = lineSpan(text, s);
  if (span.whole) {
    // Whole line(s): take the line break too.
    let end = text.indexOf('\n', span.end);
    end = end < 0 ? text.length : end + 1;
    return { start: span.start, end, text: '' };
  }
  return { start: s.start, end: s.end, text: '' };
}

/** New lines go after the last LDAP statement's line, or before a final `?>`, or at the end. */
function insertion(text: string, ldap: ConfigStatement[], lines: string[], eol: string): Edit {
  const body = lines.join(eol) + eol;
  const anchor = ldap.filter((s) => !s.conditional).sort((a, b) => b.end - a.end)[0];
  if (anchor) {
    const span = lineSpan(text, anchor);
    let at = text.indexOf('\n', span.end);
    if (at >= 0) return { start: at + 1, end: at + 1, text: span.indent ? lines.map((l) => span.indent + l).join(eol) + eol : body };
    at = text.length;
    return { start: at, end: at, text: eol + lines.join(eol) };
  }
  const close = /\?>\s*$/.exec(text);
  if (close) return { start: close.index, end: close.index, text: body };
  return { start: text.length, end: text.length, text: (text.endsWith('\n') || !text.length ? '' : eol) + body };
}

/** Several insertions at one point keep their order. */
function mergeInsertions(edits: Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const e of edits) {
    const same = out.find((o) => o.start === e.start && o.end === e.start && e.start === e.end);
    if (same) same.text += e.text;
    else out.push({ ...e });
  }
  return out;
}

function applyEdits(text: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k].end > sorted[k - 1].start && !(sorted[k].start === sorted[k].end && sorted[k - 1].start === sorted[k - 1].end)) {
      throw new RewriteError('internal: overlapping edits');
    }
  }
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
