// "12 s", "4 min", "3 h", "2 d": how old the data shown is.
import * as vscode from 'vscode';

export function formatAge(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return vscode.l10n.t('{0} s', s);
  if (s < 3600) return vscode.l10n.t('{0} min', Math.floor(s / 60));
  if (s < 86400) return vscode.l10n.t('{0} h', Math.floor(s / 3600));
  return vscode.l10n.t('{0} d', Math.floor(s / 86400));
}
