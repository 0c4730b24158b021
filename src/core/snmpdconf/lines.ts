// snmpd.conf as a list of lines, each with its directive and arguments, so edits touch only the lines they
// mean to and every comment, blank line and unknown directive stays as it was.

export interface ConfLine {
  /** The line as in the file, without its "\n" (a CRLF file's lines keep their "\r"). */
  raw: string;
  /** Read from the file (vs. written by Parc): only new lines get the file's line ending added. */
  read?: boolean;
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
    if (!t || t.startsWith('#')) return { raw, args: [], read: true };
    const [d, ...args] = tokenize(t);
    return { raw, directive: d.toLowerCase(), args, read: true };
  });
}

/**
 * The lines as text. With the `original` text, lines read from it come back byte for byte, new lines
 * get its line ending (CRLF when most of its lines have one), and a missing final newline stays missing
 * unless Parc added the last line.
 */
export function renderConf(lines: ConfLine[], original?: string): string {
  const all = original?.split('\n').length ?? 0;
  const crlf = original !== undefined && (original.match(/\r\n/g)?.length ?? 0) * 2 > all - 1 && /\r\n/.test(original);
  const out = lines.map((l) => (!l.read && crlf && !l.raw.endsWith('\r') ? `${l.raw}\r` : l.raw)).join('\n');
  const last = lines[lines.length - 1];
  const count = original === undefined ? 0 : parseConf(original).length;
  const finalNewline = original === undefined || original === '' || original.endsWith('\n') || (last !== undefined && !last.read && lines.length > count);
  return lines.length ? out + (finalNewline ? '\n' : '') : original ?? '';
}

/** Quotes an argument when it has spaces or quotes. */
export function quoteArg(v: string): string {
  return /[\s"#]/.test(v) ? `"${v.replace(/(["\\])/g, '\\$1')}"` : v;
}

export function line(directive: string, ...args: string[]): ConfLine {
  return { raw: [directive, ...args].join(' '), directive: directive.toLowerCase(), args };
}
