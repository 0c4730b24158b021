// Netplan files (local or parc-ssh://) are checked as you type, as netplan reads them — with the rules of the
// host's netplan release for a parc-ssh:// file once its version is known — plus Parc's operator warnings.
import * as vscode from 'vscode';
import { validateNetplanText } from '../../core/netplan/validate';
import { parseNetplanVersion } from '../../core/netplan/versions';
import { SCHEME } from './fs-provider';
import { toVsDiagnostics } from '../diagnostics';

export function isNetplanDocument(doc: vscode.TextDocument): boolean {
  return /\/netplan\/[^/]+\.ya?ml$/.test(doc.uri.path);
}

export function registerNetplanDiagnostics(hostVersion: (host: string) => string | undefined = () => undefined): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('parc-netplan');
  const check = (doc: vscode.TextDocument) => {
    if (!isNetplanDocument(doc)) return;
    const known = doc.uri.scheme === SCHEME ? hostVersion(doc.uri.authority) : undefined;
    const version = known ? parseNetplanVersion(known) : undefined;
    collection.set(doc.uri, toVsDiagnostics(validateNetplanText(doc.getText(), doc.uri.path, { version })));
  };
  vscode.workspace.textDocuments.forEach(check);
  return [
    collection,
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => collection.delete(doc.uri)),
  ];
}
