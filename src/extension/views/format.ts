// Short human forms of rates, sizes and times for tree descriptions and tooltips.
import * as vscode from 'vscode';
import { formatBytes, formatDuration, formatRate as coreFormatRate } from '../../core/format';
import { makeTimeFormatter, type TimeFormatter } from '../../core/time-format';

/** Rates show an en dash when unknown in the views. */
export function formatRate(bps: number | undefined): string {
  return coreFormatRate(bps, '–');
}

export { formatBytes };

export function formatUptime(seconds: number | undefined): string | undefined {
  return seconds === undefined ? undefined : vscode.l10n.t('up {0}', formatDuration(seconds));
}

let formatter: TimeFormatter | undefined;

/** The one date/time formatter of the views: VS Code's display language, this machine's time zone. */
export function times(): TimeFormatter {
  if (!formatter || formatter.locale !== vscode.env.language) formatter = makeTimeFormatter(vscode.env.language);
  return formatter;
}

/** "5 minutes ago" / "il y a 5 minutes", for event times (the views refresh these on a timer). */
export function ago(iso: string | number, now = Date.now()): string {
  return times().relative(iso, now);
}

/** A moment on its own: local date and time with the zone ("Dec 1, 2026, 9:48:55 PM UTC"). */
export function localTime(iso: string | number): string {
  return times().dateTime(iso);
}

/** Markdown text with the characters that would format it escaped. */
export function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
