// Shared by the extension-host suites: the extension's API and small waiting helpers.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ParcApi } from '../../src/extension/extension';
import type { FleetAgent } from './fleet';

export const EXTENSION_ID = 'parc-it.parc';

export async function parcApi(): Promise<ParcApi> {
  const ext = vscode.extensions.getExtension<ParcApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  const api = await ext.activate();
  await api.ready;
  return api;
}

export function agents(): FleetAgent[] {
  const raw = process.env.PARC_VSCODE_AGENTS;
  assert.ok(raw, 'PARC_VSCODE_AGENTS is not set: run the suite through test/vscode/run.ts');
  return JSON.parse(raw) as FleetAgent[];
}

/** Polls `check` until it returns a value (not undefined/false) or the time runs out. */
export async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}
