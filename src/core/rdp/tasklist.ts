// Per-session memory from `tasklist /FO CSV /NH` (one quoted CSV row per process, no header): what a
// logoff would free. The Mem Usage column is localized ("12,345 K", "12 345 Ko", "12.345 K"); its
// digits are kilobytes in every language.
import { SessionParseError } from './errors';

export interface SessionMemory {
  processes: number;
  memoryKb: number;
}

function csvFields(line: string): string[] | undefined {
  const out: string[] = [];
  const re = /\s*"((?:[^"]|"")*)"\s*(,|$)/y;
  let at = 0;
  while (at < line.length) {
    re.lastIndex = at;
    const m = re.exec(line);
    if (!m) return undefined;
    out.push(m[1].replace(/""/g, '"'));
    at = re.lastIndex;
    if (m[2] === '') break;
  }
  return at >= line.trimEnd().length ? out : undefined;
}

export function parseTasklist(text: string): Map<number, SessionMemory> {
  const out = new Map<number, SessionMemory>();
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const f = csvFields(line);
    if (!f || f.length < 5 || !/^\d+$/.test(f[1]) || !/^\d+$/.test(f[3])) throw new SessionParseError('not a tasklist /FO CSV /NH row', i + 1, line);
    const digits = f[4].replace(/\D/g, '');
    if (!digits) throw new SessionParseError('no memory figure in this tasklist row', i + 1, line);
    const id = Number(f[3]);
    const m = out.get(id) ?? { processes: 0, memoryKb: 0 };
    m.processes++;
    m.memoryKb += Number(digits);
    out.set(id, m);
  });
  return out;
}
