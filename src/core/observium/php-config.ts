// Reads the `$config[...] = ...;` statements of an Observium config.php and evaluates them in order, as PHP would
// (the last assignment wins, `[]` appends, unset() removes), without running PHP. Values PHP would only know at run
// time (function calls, constants, interpolated strings) are kept as "dynamic" with their source text.
import { PhpSyntaxError, tokenize, type Token } from './php-lexer';
import { normalizeKey, toPhpString, truthy, type PhpKey, type PhpValue } from './php-value';

export interface ConfigStatement {
  kind: 'set' | 'unset';
  /** As written; null is an append (`[]`). */
  path: (PhpKey | null)[];
  /** With appends resolved to the index PHP gives them. */
  resolvedPath: PhpKey[];
  value?: PhpValue;
  /** Byte range of the whole statement, `$config` (or `unset`) to the `;` included. */
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
  line: number;
  col: number;
  /** Inside an if/else/loop/function body: it may not run. */
  conditional: boolean;
  /** The operator, when it is a compound one (`.=`), which makes the value depend on the previous one. */
  op: string;
}

export interface ParsedConfig {
  text: string;
  statements: ConfigStatement[];
  /** $config as PHP would have it at the end of the file. */
  config: PhpValue & { t: 'array' };
  errors: { message: string; line: number; col: number }[];
  /** include/require statements: settings in those files are not read. */
  includes: { source: string; line: number; col: number }[];
  lineOf(offset: number): { line: number; col: number };
}

const CONTROL = new Set(['if', 'elseif', 'else', 'foreach', 'for', 'while', 'switch', 'do', 'function', 'try', 'catch', 'finally']);

export function lineIndex(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo] + 1 };
  };
}

export function parseConfigPhp(text: string): ParsedConfig {
  const lineOf = lineIndex(text);
  const config: PhpValue & { t: 'array' } = { t: 'array', entries: [] };
  const out: ParsedConfig = { text, statements: [], config, errors: [], includes: [], lineOf };
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (err) {
    const off = err instanceof PhpSyntaxError ? err.offset : 0;
    out.errors.push({ message: (err as Error).message, ...lineOf(off) });
    return out;
  }
  const toks = tokens.filter((t) => t.kind !== 'ws' && t.kind !== 'comment' && t.kind !== 'inline');
  const braces: boolean[] = []; // true for a block that may not run
  let atStart = true;
  let conditionalNext = false;
  let pendingControl = false;
  const inCondition = () => conditionalNext || braces.some(Boolean);

  for (let j = 0; j < toks.length; j++) {
    const t = toks[j];
    if (t.kind === 'open' || t.kind === 'close') {
      atStart = true;
      continue;
    }
    if (t.kind === 'name' && CONTROL.has(t.text.toLowerCase())) {
      // Skip the condition in parentheses; what follows (a block or a single statement) may not run.
      if (toks[j + 1]?.text === '(') {
        const close = bracketIndex(toks).match[j + 1];
        if (close < 0) {
          // (found by the fuzz test: this used to escape parseConfigPhp as an exception)
          out.errors.push({ message: `"(" of ${t.text} is never closed`, ...lineOf(toks[j + 1].start) });
          return out;
        }
        j = close;
      }
      pendingControl = true;
      conditionalNext = true;
      atStart = true;
      continue;
    }
    if (t.text === '{') {
      braces.push(pendingControl || (braces.length > 0 && braces[braces.length - 1]));
      pendingControl = false;
      conditionalNext = false;
      atStart = true;
      continue;
    }
    if (t.text === '}') {
      braces.pop();
      atStart = true;
      continue;
    }
    if (t.text === ';') {
      atStart = true;
      conditionalNext = false;
      pendingControl = false;
      continue;
    }
    if (!atStart) continue;
    atStart = false;
    try {
      if (t.kind === 'var' && t.text === '$config') {
        const end = statementEnd(toks, j);
        const st = parseAssignment(toks, j, end, text, config, inCondition());
        if (st) {
          out.statements.push({ ...st, ...lineOf(st.start) });
        }
        j = end;
        atStart = true;
        conditionalNext = false;
        pendingControl = false;
      } else if (t.kind === 'name' && /^(include|require)(_once)?$/i.test(t.text)) {
        const end = statementEnd(toks, j);
        out.includes.push({ source: text.slice(t.start, toks[end].end), ...lineOf(t.start) });
        j = end;
        atStart = true;
      } else if (t.kind === 'name' && t.text.toLowerCase() === 'unset' && toks[j + 1]?.text === '(' && toks[j + 2]?.text === '$config') {
        const close = matching(toks, j + 1);
        const ev = new Evaluator(toks, text, config);
        ev.pos = j + 3;
        const path = ev.lhsPath(close);
        const end = toks[close + 1]?.text === ';' ? close + 1 : close;
        if (path && !path.includes(null)) {
          const conditional = inCondition();
          if (!conditional) unsetPath(config, path as PhpKey[]);
          out.statements.push({ kind: 'unset', path, resolvedPath: path as PhpKey[], start: t.start, end: toks[end].end, valueStart: t.start, valueEnd: t.start, conditional, op: 'unset', ...lineOf(t.start) });
        }
        j = end;
        atStart = true;
        conditionalNext = false;
      }
    } catch (err) {
      out.errors.push({ message: (err as Error).message, ...lineOf(err instanceof PhpSyntaxError ? err.offset : t.start) });
      j = recoverEnd(toks, j);
      atStart = true;
    }
  }
  return out;
}

/** Deepest bracket nesting the evaluator follows (PHP has no limit; config files nest a few levels). */
export const MAX_PHP_NESTING = 200;

interface BracketIndex {
  /** For an opening bracket, the index of its closing one (-1 when never closed); else -1. */
  match: Int32Array;
}

const INDEX = new WeakMap<Token[], BracketIndex>();
const CLOSER: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };

/**
 * Brackets matched once per token list, in one pass: finding each match by scanning forward made nested
 * input quadratic (array( 100,000 deep took 22 s, issue 13 item 3). A closer that does not match the
 * innermost open bracket is skipped, as before.
 */
function bracketIndex(toks: Token[]): BracketIndex {
  let idx = INDEX.get(toks);
  if (idx) return idx;
  const match = new Int32Array(toks.length).fill(-1);
  const stack: number[] = [];
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k];
    if (t.kind !== 'punct') continue;
    if (t.text === '(' || t.text === '[' || t.text === '{') {
      stack.push(k);
    } else if (t.text === ')' || t.text === ']' || t.text === '}') {
      const top = stack[stack.length - 1];
      if (top !== undefined && CLOSER[toks[top].text] === t.text) match[stack.pop()!] = k;
    }
  }
  idx = { match };
  INDEX.set(toks, idx);
  return idx;
}

function matching(toks: Token[], open: number): number {
  const k = bracketIndex(toks).match[open];
  if (k < 0) throw new PhpSyntaxError(`"${toks[open].text}" is never closed`, toks[open].start);
  return k;
}

/** Where a scan at one level goes next: past the whole bracketed group when `k` opens one. */
function skipGroup(toks: Token[], k: number): number {
  const m = bracketIndex(toks).match[k];
  return m > k ? m : k;
}

/** At most `max` characters of what a message quotes, so an error about a 1 MB token stays one line. */
export function quoteCapped(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/**
 * Index of the `;` (or close tag) ending the statement that starts at j, at bracket depth 0. A `;` inside
 * an open `(` or `[` cannot end anything in PHP: the bracket is reported, where it was opened.
 */
function statementEnd(toks: Token[], j: number): number {
  const open: Token[] = [];
  for (let k = j; k < toks.length; k++) {
    const x = toks[k];
    if (x.kind === 'close') return k - 1;
    if (x.kind !== 'punct') continue;
    if ('([{'.includes(x.text)) open.push(x);
    else if (')]}'.includes(x.text)) open.pop();
    else if (x.text === ';') {
      if (!open.length) return k;
      const top = open[open.length - 1];
      if (top.text !== '{') throw new PhpSyntaxError(`"${top.text}" is not closed before the ";" ${CLOSER[top.text]} expected`, top.start);
    }
  }
  if (open.length) throw new PhpSyntaxError(`"${open[open.length - 1].text}" is never closed`, open[open.length - 1].start);
  throw new PhpSyntaxError('statement is not ended with ";"', toks[toks.length - 1]?.end ?? toks[j].start);
}

/** After a failed statement: the index of the next `;` at any depth (or the last token), to go on from there. */
function recoverEnd(toks: Token[], j: number): number {
  for (let k = j; k < toks.length; k++) if ((toks[k].kind === 'punct' && toks[k].text === ';') || toks[k].kind === 'close') return k;
  return toks.length - 1;
}

function parseAssignment(toks: Token[], j: number, end: number, src: string, config: PhpValue & { t: 'array' }, conditional: boolean): Omit<ConfigStatement, 'line' | 'col'> | undefined {
  const ev = new Evaluator(toks, src, config);
  ev.pos = j + 1;
  let opIndex = -1;
  for (let k = j + 1; k < end; k = skipGroup(toks, k) + 1) {
    if (toks[k].kind === 'punct' && /^(=|\.=|\+=|-=|\?\?=)$/.test(toks[k].text)) {
      opIndex = k;
      break;
    }
  }
  if (opIndex < 0) return undefined; // a read, e.g. a function call with $config[...] as argument
  const path = ev.lhsPath(opIndex);
  if (!path) return undefined;
  const op = toks[opIndex].text;
  ev.pos = opIndex + 1;
  const rhsEnd = toks[end].text === ';' ? end : end + 1;
  let value = ev.expression(rhsEnd);
  if (ev.pos !== rhsEnd) {
    // The value ended, then something else starts on a later line: a forgotten ";" that PHP would
    // reject, silently joining two statements here (issue 13, item 4).
    const next = toks[ev.pos];
    const prev = toks[ev.pos - 1];
    if (next && prev && (next.kind === 'var' || next.kind === 'name') && src.slice(prev.end, next.start).includes('\n')) {
      throw new PhpSyntaxError(`missing ";" after this value (the statement runs into "${quoteCapped(src.slice(next.start, Math.min(next.end + 20, toks[rhsEnd - 1].end)))}" on the next line)`, prev.end);
    }
    value = { t: 'dynamic', source: src.slice(toks[opIndex + 1].start, toks[rhsEnd - 1].end) };
  }
  if (op !== '=') {
    const before = lookup(config, path);
    if (op === '.=' && before && value.t !== 'dynamic') {
      const a = toPhpString(before);
      const b = toPhpString(value);
      value = a !== undefined && b !== undefined ? { t: 'string', v: a + b } : { t: 'dynamic', source: src.slice(toks[opIndex + 1].start, toks[rhsEnd - 1].end) };
    } else if (op === '??=' && before) value = before;
    else if (op !== '??=') value = { t: 'dynamic', source: src.slice(toks[j].start, toks[rhsEnd - 1].end) };
  }
  const resolvedPath = conditional ? path.map((k) => k ?? 0) : setPath(config, path, value);
  return {
    kind: 'set', path, resolvedPath, value, op, conditional,
    start: toks[j].start, end: toks[end].text === ';' ? toks[end].end : toks[end].end,
    valueStart: toks[opIndex + 1]?.start ?? toks[opIndex].end, valueEnd: toks[rhsEnd - 1].end,
  };
}

export function lookup(root: PhpValue, path: (PhpKey | null)[]): PhpValue | undefined {
  let v: PhpValue | undefined = root;
  for (const k of path) {
    if (k === null || !v || v.t !== 'array') return undefined;
    const nk = normalizeKey(k);
    v = v.entries.find((e) => e.key === nk)?.value;
  }
  return v;
}

function nextIndex(a: PhpValue & { t: 'array' }): number {
  const ints = a.entries.map((e) => e.key).filter((k): k is number => typeof k === 'number');
  return ints.length ? Math.max(...ints) + 1 : 0;
}

/** Assigns like PHP; returns the path with appends resolved. A scalar in the way becomes an array (PHP would warn). */
export function setPath(root: PhpValue & { t: 'array' }, path: (PhpKey | null)[], value: PhpValue): PhpKey[] {
  let cur: PhpValue & { t: 'array' } = root;
  const resolved: PhpKey[] = [];
  path.forEach((raw, i) => {
    const k = raw === null ? nextIndex(cur) : normalizeKey(raw);
    resolved.push(k);
    let entry = cur.entries.find((e) => e.key === k);
    if (i === path.length - 1) {
      if (entry) entry.value = value;
      else cur.entries.push({ key: k, value });
      return;
    }
    if (!entry || entry.value.t !== 'array') {
      const fresh: PhpValue = { t: 'array', entries: [] };
      if (entry) entry.value = fresh;
      else cur.entries.push((entry = { key: k, value: fresh }));
    }
    cur = entry.value as PhpValue & { t: 'array' };
  });
  return resolved;
}

function unsetPath(root: PhpValue & { t: 'array' }, path: PhpKey[]): void {
  const parent = lookup(root, path.slice(0, -1));
  if (parent?.t !== 'array') return;
  const k = normalizeKey(path[path.length - 1]);
  parent.entries = parent.entries.filter((e) => e.key !== k);
}

/** A small expression evaluator: literals, array(), [], concatenation, arithmetic on numbers, $config reads. */
class Evaluator {
  pos = 0;
  /** Brackets entered: the evaluator recurses per level, so the depth is bounded (MAX_PHP_NESTING). */
  private nesting = 0;
  constructor(private readonly toks: Token[], private readonly src: string, private readonly config: PhpValue) {}

  private enter(t: Token): void {
    if (++this.nesting > MAX_PHP_NESTING) throw new PhpSyntaxError(`nested deeper than ${MAX_PHP_NESTING} levels`, t.start);
  }

  private peek(): Token | undefined {
    return this.toks[this.pos];
  }

  private dynamicFrom(startPos: number, end: number): PhpValue {
    this.pos = end;
    return { t: 'dynamic', source: this.src.slice(this.toks[startPos].start, this.toks[end - 1].end) };
  }

  /** `[key][key][]...` up to `stop`; undefined when a key is not a constant. */
  lhsPath(stop: number): (PhpKey | null)[] | undefined {
    const path: (PhpKey | null)[] = [];
    while (this.pos < stop) {
      if (this.peek()?.text !== '[') return undefined;
      const close = matching(this.toks, this.pos);
      if (close === this.pos + 1) path.push(null);
      else {
        this.pos++;
        const k = this.expression(close);
        if (this.pos !== close || (k.t !== 'string' && k.t !== 'int')) return undefined;
        path.push(k.v);
      }
      this.pos = close + 1;
    }
    return path.length ? path : undefined;
  }

  expression(end: number): PhpValue {
    const start = this.pos;
    // Ternaries and null-coalescing depend on run-time values: keep the source.
    for (let k = this.pos; k < end; k = skipGroup(this.toks, k) + 1) if (this.toks[k].kind === 'punct' && (this.toks[k].text === '?' || this.toks[k].text === '??')) return this.dynamicFrom(start, end);
    let left = this.additive(end);
    while (this.pos < end && this.peek()?.text === '.') {
      this.pos++;
      const right = this.additive(end);
      const a = toPhpString(left);
      const b = toPhpString(right);
      left = a !== undefined && b !== undefined ? { t: 'string', v: a + b } : { t: 'dynamic', source: this.src.slice(this.toks[start].start, this.toks[this.pos - 1].end) };
    }
    return left;
  }

  private additive(end: number): PhpValue {
    const start = this.pos;
    let left = this.unary(end);
    while (this.pos < end && ['+', '-', '*', '/', '|', '&'].includes(this.peek()!.text) && this.peek()!.kind === 'punct') {
      const op = this.peek()!.text;
      this.pos++;
      const right = this.unary(end);
      if ((left.t === 'int' || left.t === 'float') && (right.t === 'int' || right.t === 'float')) {
        const v = op === '+' ? left.v + right.v : op === '-' ? left.v - right.v : op === '*' ? left.v * right.v : op === '/' ? left.v / right.v : op === '|' ? left.v | right.v : left.v & right.v;
        left = Number.isInteger(v) && op !== '/' ? { t: 'int', v } : { t: 'float', v };
      } else left = { t: 'dynamic', source: this.src.slice(this.toks[start].start, this.toks[this.pos - 1].end) };
    }
    return left;
  }

  private unary(end: number): PhpValue {
    const t = this.peek();
    if (!t || this.pos >= end) throw new PhpSyntaxError('expression expected', t?.start ?? 0);
    if (t.kind === 'punct' && (t.text === '-' || t.text === '+')) {
      this.pos++;
      this.enter(t);
      const v = this.unary(end);
      this.nesting--;
      if (v.t === 'int' || v.t === 'float') return { ...v, v: t.text === '-' ? -v.v : v.v };
      return { t: 'dynamic', source: this.src.slice(t.start, this.toks[this.pos - 1].end) };
    }
    if (t.kind === 'punct' && t.text === '!') {
      this.pos++;
      this.enter(t);
      const b = truthy(this.unary(end));
      this.nesting--;
      return b === undefined ? { t: 'dynamic', source: this.src.slice(t.start, this.toks[this.pos - 1].end) } : { t: 'bool', v: !b };
    }
    return this.primary(end);
  }

  private primary(end: number): PhpValue {
    const t = this.peek()!;
    const startPos = this.pos;
    if (t.kind === 'string') {
      this.pos++;
      return t.interpolated ? { t: 'dynamic', source: t.text } : { t: 'string', v: String(t.value) };
    }
    if (t.kind === 'number') {
      this.pos++;
      return Number.isInteger(t.value) && !/[.eE]/.test(t.text) ? { t: 'int', v: t.value as number } : { t: 'float', v: t.value as number };
    }
    if (t.kind === 'punct' && t.text === '(') {
      const close = matching(this.toks, this.pos);
      this.pos++;
      this.enter(t);
      const inner = this.expression(close);
      this.nesting--;
      if (this.pos !== close) return this.dynamicFrom(startPos, close + 1);
      this.pos = close + 1;
      return inner;
    }
    if (t.kind === 'punct' && t.text === '[') return this.arrayItems(this.pos, matching(this.toks, this.pos));
    if (t.kind === 'name') {
      const name = t.text.toLowerCase();
      if (name === 'true' || name === 'false') {
        this.pos++;
        return { t: 'bool', v: name === 'true' };
      }
      if (name === 'null') {
        this.pos++;
        return { t: 'null' };
      }
      if (name === 'array' && this.toks[this.pos + 1]?.text === '(') {
        this.pos++;
        return this.arrayItems(this.pos, matching(this.toks, this.pos));
      }
      // A function call or a constant: only PHP knows.
      let k = this.pos + 1;
      if (this.toks[k]?.text === '(') k = matching(this.toks, k) + 1;
      while (k < end && this.toks[k].kind === 'punct' && this.toks[k].text === '::') k += 2;
      return this.dynamicFrom(startPos, Math.min(k, end));
    }
    if (t.kind === 'var') {
      let k = this.pos + 1;
      while (k < end && this.toks[k].text === '[') k = matching(this.toks, k) + 1;
      if (t.text === '$config' && k > this.pos + 1) {
        const sub = new Evaluator(this.toks, this.src, this.config);
        sub.pos = this.pos + 1;
        const path = sub.lhsPath(k);
        const v = path ? lookup(this.config, path) : undefined;
        this.pos = k;
        if (v) return v;
        return { t: 'null' }; // reading an unset key gives NULL (with a PHP warning)
      }
      return this.dynamicFrom(startPos, k);
    }
    throw new PhpSyntaxError(`unexpected "${quoteCapped(t.text)}"`, t.start);
  }

  /** Items between the bracket at `open` and its `close` (array(...) or [...]). */
  private arrayItems(open: number, close: number): PhpValue {
    this.enter(this.toks[open]);
    try {
      return this.arrayItemsIn(open, close);
    } finally {
      this.nesting--;
    }
  }

  private arrayItemsIn(open: number, close: number): PhpValue {
    const out: PhpValue & { t: 'array' } = { t: 'array', entries: [] };
    // Kept as we go (not searched per item) so a 100,000-item array stays linear.
    const byKey = new Map<PhpKey, { key: PhpKey; value: PhpValue }>();
    let next = 0;
    let maxInt: number | undefined;
    const put = (key: PhpKey, value: PhpValue) => {
      const existing = byKey.get(key);
      if (existing) existing.value = value;
      else {
        const e = { key, value };
        byKey.set(key, e);
        out.entries.push(e);
      }
      if (typeof key === 'number' && (maxInt === undefined || key > maxInt)) maxInt = key;
      next = maxInt === undefined ? 0 : maxInt + 1;
    };
    this.pos = open + 1;
    let dynamic = false;
    while (this.pos < close) {
      // One item ends at a comma at depth 0 or at the closing bracket.
      let itemEnd = this.pos;
      for (; itemEnd < close; itemEnd = skipGroup(this.toks, itemEnd) + 1) {
        const x = this.toks[itemEnd];
        if (x.kind === 'punct' && x.text === ',') break;
      }
      if (itemEnd > close) itemEnd = close;
      if (itemEnd === this.pos) {
        this.pos++;
        continue;
      }
      let arrow = -1;
      for (let k = this.pos; k < itemEnd; k = skipGroup(this.toks, k) + 1) {
        const x = this.toks[k];
        if (x.kind === 'punct' && x.text === '=>') {
          arrow = k;
          break;
        }
      }
      if (this.peek()?.text === '...') dynamic = true;
      else if (arrow >= 0) {
        const key = this.expression(arrow);
        this.pos = arrow + 1;
        const value = this.expression(itemEnd);
        if (key.t === 'string' || key.t === 'int') put(normalizeKey(key.v), value);
        else if (key.t === 'bool' || key.t === 'null') put(key.t === 'bool' ? Number(key.v) : '', value);
        else dynamic = true;
      } else {
        put(next, this.expression(itemEnd));
      }
      this.pos = itemEnd < close ? itemEnd + 1 : close;
    }
    this.pos = close + 1;
    return dynamic ? { t: 'dynamic', source: this.src.slice(this.toks[open].start, this.toks[close].end) } : out;
  }
}
