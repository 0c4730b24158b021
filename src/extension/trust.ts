// Restricted Mode: Parc shows the inventory but reaches no device until the workspace is trusted.
import * as vscode from 'vscode';

/** True when network actions may run; otherwise tells the user why nothing happens and how to change it. */
export function networkAllowed(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window
    .showWarningMessage(vscode.l10n.t('Parc: "{0}" reaches devices on the network, which is disabled in Restricted Mode. Trust this workspace to allow it.', action), manage)
    .then((pick) => pick === manage && vscode.commands.executeCommand('workbench.trust.manage'));
  return false;
}
