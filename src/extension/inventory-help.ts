// Completion and hover in parc.yaml from Parc's JSON Schema, with SNMP profile, site and transport names taken
// from the file. Only while the Red Hat YAML extension is absent: with it, the schema contributed through
// yamlValidation gives the same help (and validation), and two providers would list every key twice.
import * as vscode from 'vscode';
import { complete, hover } from '../core/inventory/yaml-help';

const YAML_EXTENSION = 'redhat.vscode-yaml';
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file', pattern: '**/parc.yaml' }, { scheme: 'untitled', language: 'yaml' }];

function isInventory(doc: vscode.TextDocument): boolean {
  return doc.uri.scheme === 'file' ? /(^|[\\/])parc\.yaml$/.test(doc.uri.fsPath) : doc.languageId === 'yaml' && /^\s*(devices|sites|snmp):/m.test(doc.getText());
}

/** Schema descriptions and type words in the display language (their French is in l10n/bundle.l10n.fr.json). */
const say = (s: string, ...args: (string | number)[]): string => vscode.l10n.t(s, ...args);

const KIND = { key: vscode.CompletionItemKind.Property, value: vscode.CompletionItemKind.EnumMember, name: vscode.CompletionItemKind.Reference };

class InventoryHelp implements vscode.CompletionItemProvider, vscode.HoverProvider {
  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position): vscode.CompletionItem[] {
    if (!isInventory(doc)) return [];
    const line = doc.lineAt(pos.line).text.slice(0, pos.character);
    const word = /[^\s:\-[\],{}]*$/.exec(line)?.[0] ?? '';
    const range = new vscode.Range(pos.line, pos.character - word.length, pos.line, pos.character);
    return complete(doc.getText(), pos.line, pos.character, undefined, say).map((h, i) => {
      const item = new vscode.CompletionItem(h.label, KIND[h.kind]);
      item.insertText = h.insert;
      item.range = range;
      item.detail = h.source === 'profiles' ? vscode.l10n.t('SNMP profile in parc.yaml') : h.source === 'sites' ? vscode.l10n.t('Site in parc.yaml') : h.source === 'transports' ? vscode.l10n.t('Alert transport in parc.yaml') : h.detail;
      if (h.documentation) item.documentation = new vscode.MarkdownString().appendText(h.documentation);
      item.sortText = String(i).padStart(3, '0');
      if (h.kind === 'key') item.command = { command: 'editor.action.triggerSuggest', title: '' };
      return item;
    });
  }

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    if (!isInventory(doc)) return undefined;
    const h = hover(doc.getText(), pos.line, pos.character, say);
    return h && new vscode.Hover(new vscode.MarkdownString(h.markdown), new vscode.Range(pos.line, h.start, pos.line, h.end));
  }
}

/** Registers the providers now and whenever the YAML extension goes away; removes them when it arrives. */
export function registerInventoryHelp(): vscode.Disposable {
  let registered: vscode.Disposable[] = [];
  const help = new InventoryHelp();
  const sync = () => {
    const yaml = vscode.extensions.getExtension(YAML_EXTENSION) !== undefined;
    if (yaml && registered.length) {
      registered.forEach((d) => d.dispose());
      registered = [];
    } else if (!yaml && !registered.length) {
      registered = [
        vscode.languages.registerCompletionItemProvider(SELECTOR, help, ':', ' ', '-'),
        vscode.languages.registerHoverProvider(SELECTOR, help),
      ];
    }
  };
  sync();
  const sub = vscode.extensions.onDidChange(sync);
  return { dispose: () => [...registered, sub].forEach((d) => d.dispose()) };
}
