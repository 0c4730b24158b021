// VS Code entry point. The views and commands arrive with the VS Code issue; the core is shared with the CLI.
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // intentionally empty for now
}

export function deactivate(): void {}
