// Netplan files (local or parc-ssh://) are checked as you type: YAML, keys and types, addresses, gateway in
// subnet, duplicates, deprecated gateway4/6 — the same checks as `parc netplan check`.
import * as vscode from 'vscode';
import { validateNetplanText } from '../../core/netplan/validate';
import { toVsDiagnostics } from '../diagnostics';

export function isNetplanDocument(doc: vscode.TextDocument): boolean {
  return /\/netplan\/[^/]+\.ya?ml$/.test(doc.uri.path);
}

export function registerNetplanDiagnostics(): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('parc-netplan');
  const check = (doc: vscode.TextDocument) => {
    if (isNetplanDocument(doc)) collection.set(doc.uri, toVsDiagnostics(validateNetplanText(doc.getText(), doc.uri.path)));
  };
  vscode.workspace.textDocuments.forEach(check);
  return [
    collection,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => collection.delete(doc.uri)),
  ];
}
