// Reveals a device in the Devices view (Show from a notification, Show down devices, tests).
//
// Why not a bare TreeView.reveal(): the workbench keeps its own copy of every branch and places a reveal
// in that copy. After a partial refresh, or when the view has just been opened, the copy can be older
// than what the provider now returns — the workbench then answers "Data tree node not found" for a node
// it does know by handle, or leaves the reveal pending until its next render, and asking again changes
// nothing because nothing re-fetches the branch. So: reveal only what the tree lists, and when the
// workbench could not place it, have it fetch the device's site again (then the whole tree) and ask once
// more. VS Code's reveal() waits for the refreshes in flight, so the retry sees the fetched branch.
import * as vscode from 'vscode';
import type { DevicesNode, DevicesTreeProvider } from './devices-tree';

export interface RevealOptions {
  focus?: boolean;
  expand?: boolean;
  /** How long one reveal may stay pending before the branch is fetched again (ms). */
  pendingMs?: number;
}

export class RevealError extends Error {}

function settle<T>(p: Thenable<T>, ms: number): Promise<{ ok: true } | { ok: false; why: string }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, why: `reveal still pending after ${ms} ms` }), ms);
    Promise.resolve(p).then(
      () => {
        clearTimeout(timer);
        resolve({ ok: true });
      },
      (e: unknown) => {
        clearTimeout(timer);
        resolve({ ok: false, why: e instanceof Error ? e.message : String(e) });
      },
    );
  });
}

async function visible(view: vscode.TreeView<DevicesNode>, ms: number): Promise<void> {
  if (view.visible) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    const sub = view.onDidChangeVisibility((e) => e.visible && done());
    function done() {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    }
  });
}

/**
 * Shows the device in the Devices view and selects it. Throws a RevealError saying why when the device
 * is not in the tree (unknown, or hidden by the filter) or the workbench could not place it even after
 * fetching its branch again.
 */
export async function revealDevice(view: vscode.TreeView<DevicesNode>, tree: DevicesTreeProvider, key: string, opts: RevealOptions = {}): Promise<void> {
  await vscode.commands.executeCommand('parc.devices.focus');
  await visible(view, 5000);
  const pendingMs = opts.pendingMs ?? 5000;
  const why: string[] = [];
  // 1st: as is; 2nd: after re-fetching the device's site; 3rd: after re-fetching the whole tree.
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!tree.placeOf(key)) throw new RevealError(vscode.l10n.t('Device {0} is not in the Devices view (unknown, or hidden by the filter).', key));
    const r = await settle(view.reveal(tree.deviceNode(key), { select: true, focus: opts.focus ?? true, expand: opts.expand ?? false }), pendingMs);
    if (r.ok) return;
    why.push(r.why);
    tree.resync(key, attempt >= 1);
  }
  throw new RevealError(vscode.l10n.t('Could not show device {0} in the Devices view: {1}', key, why.join('; ')));
}
