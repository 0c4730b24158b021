// A small typed reader over yaml nodes that records diagnostics with line and column,
// so every problem in parc.yaml is reported where it is, and all of them at once.
import { isMap, isScalar, isSeq, LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic } from './types';
import { own } from '../lookup';

export class NodeReader {
  /** Sees every mapping read with its known keys: lets a test compare what the parsers accept with the schema. */
  static keyObserver?: (where: string, known: readonly string[]) => void;
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly lines: LineCounter) {}

  report(node: Node | null | undefined, message: string, severity: Diagnostic['severity'] = 'error'): void {
    const [start, end] = node?.range ? [node.range[0], node.range[1]] : [0, 0];
    const a = this.lines.linePos(start);
    const b = this.lines.linePos(end);
    this.diagnostics.push({ severity, message, line: a.line, col: a.col, endLine: b.line, endCol: b.col });
  }

  lineOf(node: Node | null | undefined): number {
    return node?.range ? this.lines.linePos(node.range[0]).line : 0;
  }

  /** Entries of a mapping, warning about keys that are not in `known` (a typo is otherwise silently ignored). */
  entries(map: YAMLMap, where: string, known: readonly string[]): Map<string, Pair<Node, Node | null>> {
    const out = new Map<string, Pair<Node, Node | null>>();
    NodeReader.keyObserver?.(where, known);
    for (const pair of map.items as Pair<Node, Node | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) {
        this.report(pair.key, `${where}: keys must be plain names`);
        continue;
      }
      if (out.has(key)) this.report(pair.key, `${where}: "${key}" is given twice`);
      if (!known.includes(key)) {
        const hint = suggest(key, known);
        this.report(pair.key, `${where}: unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`, 'warning');
      }
      out.set(key, pair);
    }
    return out;
  }

  map(node: Node | null | undefined, where: string): YAMLMap | undefined {
    if (isMap(node)) return node;
    this.report(node, `${where} must be a mapping (key: value)`);
    return undefined;
  }

  seq(node: Node | null | undefined, where: string): Node[] | undefined {
    if (isSeq(node)) return node.items as Node[];
    this.report(node, `${where} must be a list`);
    return undefined;
  }

  string(node: Node | null | undefined, where: string): string | undefined {
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') && String(node.value).trim() !== '') {
      return String(node.value).trim();
    }
    this.report(node, `${where} must be a non-empty text`);
    return undefined;
  }

  number(node: Node | null | undefined, where: string, min: number, max: number, integer = true): number | undefined {
    const v = isScalar(node) ? Number(node.value) : NaN;
    if (isScalar(node) && typeof node.value !== 'boolean' && node.value !== null && Number.isFinite(v) && v >= min && v <= max && (!integer || Number.isInteger(v))) {
      return v;
    }
    this.report(node, `${where} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`);
    return undefined;
  }

  boolean(node: Node | null | undefined, where: string): boolean | undefined {
    if (isScalar(node) && typeof node.value === 'boolean') return node.value;
    this.report(node, `${where} must be true or false`);
    return undefined;
  }

  oneOf<T extends string>(node: Node | null | undefined, where: string, allowed: Record<string, T>): T | undefined {
    const raw = isScalar(node) ? String(node.value).trim().toLowerCase() : undefined;
    const hit = own(allowed, raw);
    if (hit !== undefined) return hit;
    const names = [...new Set(Object.values(allowed))].join(', ');
    this.report(node, `${where} must be one of ${names}${raw !== undefined ? ` (got "${raw}")` : ''}`);
    return undefined;
  }

  stringList(node: Node | null | undefined, where: string): string[] {
    if (isScalar(node) && typeof node.value === 'string') return [node.value.trim()];
    const items = this.seq(node, where) ?? [];
    return items.map((n, i) => this.string(n, `${where}[${i}]`)).filter((s): s is string => s !== undefined);
  }
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

/** The closest known word to a typo, when it is close enough to be a useful hint. */
export function suggest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const dist = distance(word.toLowerCase(), k.toLowerCase());
    if (dist < bestD) {
      bestD = dist;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(best.length / 4)) ? best : undefined;
}
