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
  /** `renderer:` set for the whole device type section in this file. */
  typeRenderer?: string;
}

/** One parsed file, with a way to turn node ranges into line/column diagnostics. */
export class FileCheck {
  readonly diagnostics: Diagnostic[] = [];
  readonly lines = new LineCounter();
  readonly doc: Document;
  readonly devices: DeviceDef[] = [];
  globalRenderer?: string;

  constructor(readonly file: NetplanFile) {
    this.doc = parseYamlDocument(file.text, { lineCounter: this.lines, uniqueKeys: false, prettyErrors: false });
  }

  report(node: Node | null | undefined, message: string, severity: Diagnostic['severity'] = 'error'): void {
    const [s, e] = node?.range ? [node.range[0], node.range[1]] : [0, 0];
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

