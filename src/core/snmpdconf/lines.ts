// snmpd.conf as a list of lines, each with its directive and arguments, so edits touch only the lines they
// mean to and every comment, blank line and unknown directive stays as it was.

export interface ConfLine {
  raw: string;
  /** Lower-cased directive (snmpd matches directive names case-insensitively); undefined for comments/blank. */
  directive?: string;
  args: string[];
}

/** Splits arguments as snmpd does: whitespace-separated, with "double quoted" words kept whole. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]);
  return out;
}

export function parseConf(text: string): ConfLine[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((raw) => {
    const t = raw.trim();
    if (!t || t.startsWith('#')) return { raw, args: [] };
    const [d, ...args] = tokenize(t);
    return { raw, directive: d.toLowerCase(), args };
  });
}

export function renderConf(lines: ConfLine[]): string {
  return lines.map((l) => l.raw).join('\n') + '\n';
}

/** Quotes an argument when it has spaces or quotes. */
export function quoteArg(v: string): string {
  return /[\s"#]/.test(v) ? `"${v.replace(/(["\\])/g, '\\$1')}"` : v;
}

export function line(directive: string, ...args: string[]): ConfLine {
  return { raw: [directive, ...args].join(' '), directive: directive.toLowerCase(), args };
}
