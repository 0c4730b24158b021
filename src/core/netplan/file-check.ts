// One netplan file being checked: its parsed document, the devices it defines, and its diagnostics.
import { isScalar, LineCounter, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { Diagnostic } from '../inventory/types';
import { parseYamlDocument } from '../yaml-bounded';

export interface NetplanFile {
  path: string;
  text: string;
}

/** A device definition (`ethernets: eth0: {...}`) as found in one file. */
export interface DeviceDef {
  file: FileCheck;
  type: string;
  id: string;
  keyNode: Scalar;
  map: YAMLMap | undefined;
}

/** One parsed file, with a way to turn node ranges into line/column diagnostics. */
export class FileCheck {
  readonly diagnostics: Diagnostic[] = [];
  readonly lines = new LineCounter();
  readonly doc: Document;
  readonly devices: DeviceDef[] = [];
  /** A failure of the YAML reader itself (nesting deeper than its stack), reported like a syntax error. */
  readonly loadError?: { pos: [number, number]; code: string; message: string };

  constructor(readonly file: NetplanFile) {
    // Every scalar as the string written, as netplan's libyaml gives it (`yes`, `0x1`, `~` are judged by netplan).
    const options = { lineCounter: this.lines, uniqueKeys: false, prettyErrors: false, schema: 'failsafe' } as const;
    try {
      this.doc = parseYamlDocument(file.text, options);
    } catch (err) {
      if (!(err instanceof RangeError)) throw err;
      this.doc = parseYamlDocument('', options);
      this.loadError = { pos: [0, 0], code: 'DEPTH', message: 'the YAML nesting is too deep to read' };
    }
  }

  /** No YAML node at all (an empty file or only comments): netplan reads nothing from it. */
  get empty(): boolean {
    return this.doc.contents === null && !this.loadError;
  }

  report(node: Node | null | undefined, message: string, severity: Diagnostic['severity'] = 'error'): void {
    let [s, e] = node?.range ? [node.range[0], node.range[1]] : [0, 0];
    // An empty value sits right after its ':' for libyaml (and so in netplan's messages), not after the blanks.
    if (s === e && isScalar(node) && node.value === '') while (s > 0 && (this.file.text[s - 1] === ' ' || this.file.text[s - 1] === '\t')) e = --s;
    const a = this.lines.linePos(s);
    const b = this.lines.linePos(e);
    this.diagnostics.push({ severity, message, line: a.line, col: a.col, endLine: b.line, endCol: b.col });
  }

  lineOf(node: Node | null | undefined): number {
    return node?.range ? this.lines.linePos(node.range[0]).line : 0;
  }
}

/** The text of a scalar as written (so `yes` and `0x1` are judged as netplan's libyaml sees them). */
export function scalarText(c: FileCheck, node: Node): string {
  if (!isScalar(node)) return '';
  if ((node.type === 'PLAIN' || node.type === undefined) && node.range) return c.file.text.slice(node.range[0], node.range[1]).trim();
  return node.value === null || node.value === undefined ? '' : String(node.value);
}

