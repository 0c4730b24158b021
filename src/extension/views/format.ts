// Short human forms of rates, sizes and times for tree descriptions and tooltips.
import * as vscode from 'vscode';
import { formatBytes, formatDuration, formatRate as coreFormatRate } from '../../core/format';

/** Rates show an en dash when unknown in the views. */
export function formatRate(bps: number | undefined): string {
  return coreFormatRate(bps, '–');
}

export { formatBytes };

export function formatUptime(seconds: number | undefined): string | undefined {
  return seconds === undefined ? undefined : vscode.l10n.t('up {0}', formatDuration(seconds));
}

/** "5m ago" style, for event times. */
export function ago(iso: string, now = Date.now()): string {
  return vscode.l10n.t('{0} ago', formatDuration((now - Date.parse(iso)) / 1000));
}

export function localTime(iso: string): string {
  return new Date(iso).toLocaleString(vscode.env.language);
}

/** Markdown text with the characters that would format it escaped. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
