// parc.yaml problems (from the core's parser, 1-based line/col) as Problems-panel diagnostics.
import * as vscode from 'vscode';
import type { Diagnostic } from '../core/inventory/types';
import { safeText } from '../core/sanitize';
import { translateError } from './error-text';

export function toVsDiagnostics(diags: Diagnostic[]): vscode.Diagnostic[] {
  return diags.map((d) => {
    const start = new vscode.Position(Math.max(0, d.line - 1), Math.max(0, d.col - 1));
    let end = new vscode.Position(Math.max(0, d.endLine - 1), Math.max(0, d.endCol - 1));
    if (!end.isAfter(start)) end = start.translate(0, 1);
    const out = new vscode.Diagnostic(new vscode.Range(start, end), safeText(translateError(d.message, vscode.l10n)), d.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
    out.source = 'parc';
    return out;
  });
}
