// What a server user's role allows. The same rule disables the menus (context keys parc.canOperate /
// parc.remote, see package.json `enablement`) and refuses the command with the reason when it is run
// anyway (palette, keybinding, another extension); the server checks again and answers 403.
import * as vscode from 'vscode';
import type { Role } from '../../core/remote/api-types';
import type { EstateSource } from './source';

/** Commands that change something through the server: operator or better. */
export const OPERATOR_COMMANDS: ReadonlySet<string> = new Set([
  'parc.pollNow', 'parc.pollAll', 'parc.acknowledgeAlert', 'parc.muteDevice', 'parc.unmuteDevice',
  'parc.sessions.logoff', 'parc.sessions.disconnect', 'parc.sessions.message', 'parc.sessions.logoffDisconnected',
  'parc.sessions.janitor', 'parc.sessions.janitorDryRun',
]);

/** Inventory edits the server makes in its parc.yaml (POST/PATCH/DELETE /api/inventory/devices): admin only. */
export const ADMIN_COMMANDS: ReadonlySet<string> = new Set(['parc.addDevice', 'parc.removeDevice', 'parc.moveDevice']);

/** Commands that edit this workspace's parc.yaml or credentials: meaningless on a server's estate. */
export const LOCAL_ONLY_COMMANDS: ReadonlySet<string> = new Set([
  'parc.discoverSubnet', 'parc.setCredential', 'parc.createInventory', 'parc.sendTestAlert',
]);

/** snmpd.conf and static-IP changes the server makes on a linux: host (POST /api/hosts/:name/…): admin only. */
export const SERVER_HOST_COMMANDS: ReadonlySet<string> = new Set(['parc.remote.applySnmpd', 'parc.remote.setStaticIp']);

/** Applying an edited netplan file runs over SSH from this window; the server offers the static-IP change only. */
export const NOT_YET_REMOTE_COMMANDS: ReadonlySet<string> = new Set(['parc.remote.applyNetplan']);

/** Why `role` may not run `command` (undefined when it may). */
export function refusal(command: string, role: Role, can: (r: Role) => boolean): string | undefined {
  if (OPERATOR_COMMANDS.has(command) && !can('operator')) return vscode.l10n.t('Your role on the server is {0}: this action needs the operator role.', role);
  if ((ADMIN_COMMANDS.has(command) || SERVER_HOST_COMMANDS.has(command)) && !can('admin')) return vscode.l10n.t('Your role on the server is {0}: this action needs the admin role.', role);
  if (NOT_YET_REMOTE_COMMANDS.has(command)) return vscode.l10n.t('Not available while connected to a server yet: parc serve applies snmpd settings and static IPs (Apply SNMP Settings…, Set Static IP…), not an edited netplan file; disconnect to apply it from this window over SSH.');
  if (LOCAL_ONLY_COMMANDS.has(command)) return vscode.l10n.t('Not available while connected to a server: its parc.yaml is edited on the server.');
  return undefined;
}

/** Throws the reason when the attached server's role forbids the command. */
export function checkAllowed(estate: EstateSource, command: string): void {
  const r = estate.remote;
  if (!r) return;
  const why = refusal(command, r.role, (x) => r.can(x));
  if (why) throw new Error(why);
}
