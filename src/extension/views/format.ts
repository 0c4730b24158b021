// Short human forms of rates, sizes and times for tree descriptions and tooltips.
import * as vscode from 'vscode';
import { formatDuration } from '../../core/monitor/changes';

export function formatRate(bps: number | undefined): string {
  if (bps === undefined) return '–';
  const units = ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s', 'Tbit/s'];
  let v = bps;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(v < 10 && u > 0 ? 1 : 0)} ${units[u]}`;
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(u ? 1 : 0)} ${units[u]}`;
}

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
