// Problems of an Observium config.php's authentication settings, shown in the editor as the file is edited:
// unknown keys (with the key meant), overridden duplicates, wrong types, missing settings.
import * as vscode from 'vscode';
import { checkConfigText, type ConfigDiagnostic } from '../../core/observium/check';
import { safeText } from '../../core/sanitize';

/** A PHP file that assigns Observium auth settings (config.php, or an included file). */
export function isObserviumConfig(doc: vscode.TextDocument): boolean {
  return (doc.languageId === 'php' || doc.fileName.endsWith('.php')) && /\$config\s*\[\s*['"]auth_/.test(doc.getText());
}

export function toDiagnostics(list: ConfigDiagnostic[]): vscode.Diagnostic[] {
  return list.map((d) => {
    const start = new vscode.Position(d.line - 1, d.col - 1);
    let end = new vscode.Position(d.endLine - 1, d.endCol - 1);
    if (!end.isAfter(start)) end = start.translate(0, 1);
    const sev = d.severity === 'error' ? vscode.DiagnosticSeverity.Error : d.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
    const out = new vscode.Diagnostic(new vscode.Range(start, end), safeText(d.message), sev);
    out.source = 'parc';
    out.code = d.code;
    return out;
  });
}

export class ObserviumDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('parc-observium');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.check(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.later(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)),
    );
    vscode.workspace.textDocuments.forEach((d) => this.check(d));
  }

  check(doc: vscode.TextDocument): void {
    if (!isObserviumConfig(doc)) {
      this.collection.delete(doc.uri);
      return;
    }
    this.collection.set(doc.uri, toDiagnostics(checkConfigText(doc.getText()).diagnostics));
  }

  private later(doc: vscode.TextDocument): void {
    const k = doc.uri.toString();
    clearTimeout(this.timers.get(k));
    this.timers.set(k, setTimeout(() => this.check(doc), 200));
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.disposables.forEach((d) => d.dispose());
  }
}
