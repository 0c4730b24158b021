// Core error messages in the display language. The core writes its errors in English (it serves the CLI and the
// server too, and stays free of vscode); the ones a user meets in the first hour — why a device is down, parc.yaml
// problems, SSH, snmpd.conf and netplan apply failures — are recognised here by their shape and said again through
// l10n, with their names, addresses and numbers kept. A message of no known shape is shown as it is.
// test/unit/extension/error-text.test.ts produces the core's real messages and checks each one has a shape here.
// No vscode import: the caller passes vscode.l10n (the unit test passes its own).

export interface L10n {
  t(message: string, ...args: (string | number | boolean)[]): string;
}

type Say = (m: RegExpExecArray, l10n: L10n, again: (s: string) => string) => string;

/** Shapes of the core's English messages (anchored), most specific first. */
const SHAPES: [RegExp, Say][] = [
  // Events (src/core/monitor/changes.ts), as notifications show them.
  [/^(.+?) is down: no answer$/, (m, l10n) => l10n.t('{0} is down: no answer', m[1])],
  [/^(.+?) is down: (.*)$/s, (m, l10n, again) => l10n.t('{0} is down: {1}', m[1], again(m[2]))],
  // SNMP: why a device is down (src/core/snmp/client.ts, src/core/poll).
  [/^no SNMP answer from (.+) after (\d+) attempt\(s\) of (\d+) ms \(host down, wrong port, filtered, or wrong community\/version\)$/,
    (m, l10n) => l10n.t('no SNMP answer from {0} after {1} attempt(s) of {2} ms (host down, wrong port, filtered, or wrong community/version)', m[1], m[2], m[3])],
  [/^(.+): SNMPv3 user "(.*)" is unknown to the agent$/, (m, l10n) => l10n.t('{0}: SNMPv3 user "{1}" is unknown to the agent', m[1], m[2])],
  [/^(.+): SNMPv3 authentication failed for user "(.*)" \(wrong auth password or protocol\)$/, (m, l10n) => l10n.t('{0}: SNMPv3 authentication failed for user "{1}" (wrong auth password or protocol)', m[1], m[2])],
  [/^(.+): SNMPv3 decryption failed for user "(.*)" \(wrong privacy password or protocol\)$/, (m, l10n) => l10n.t('{0}: SNMPv3 decryption failed for user "{1}" (wrong privacy password or protocol)', m[1], m[2])],
  [/^(.+): the agent does not accept security level (\S+) for user "(.*)"$/, (m, l10n) => l10n.t('{0}: the agent does not accept security level {1} for user "{2}"', m[1], m[2], m[3])],
  [/^(.+): host name does not resolve$/, (m, l10n) => l10n.t('{0}: host name does not resolve', m[1])],
  [/^no community stored for credential "(.*)" \(set (\S+) or store it with "Set SNMP [Cc]redential"\)$/, (m, l10n) => l10n.t('no community stored for credential "{0}" (set {1} or store it with "{2}")', m[1], m[2], l10n.t('Set SNMP Credential…'))],
  [/^no SNMPv3 auth password stored for credential "(.*)" \(set (\S+) or store it with "Set SNMP [Cc]redential"\)$/, (m, l10n) => l10n.t('no SNMPv3 auth password stored for credential "{0}" (set {1} or store it with "{2}")', m[1], m[2], l10n.t('Set SNMP Credential…'))],
  [/^no SNMPv3 privacy password stored for credential "(.*)" \(set (\S+) or store it with "Set SNMP [Cc]redential"\)$/, (m, l10n) => l10n.t('no SNMPv3 privacy password stored for credential "{0}" (set {1} or store it with "{2}")', m[1], m[2], l10n.t('Set SNMP Credential…'))],
  [/^no SNMP profile: set snmp\.default or the device's profile in parc\.yaml$/, (_m, l10n) => l10n.t("no SNMP profile: set snmp.default or the device's profile in parc.yaml")],
  [/^(.+): not polled, the cycle's deadline had passed before its turn$/, (m, l10n) => l10n.t("{0}: not polled, the cycle's deadline had passed before its turn", m[1])],
  [/^(.+): poll cut after (\d+) ms \(the per-device time budget\); the agent had not finished answering$/, (m, l10n) => l10n.t('{0}: poll cut after {1} ms (the per-device time budget); the agent had not finished answering', m[1], m[2])],
  [/^(.+): poll cut after (\d+) ms \(the cycle's deadline\); the agent had not finished answering$/, (m, l10n) => l10n.t("{0}: poll cut after {1} ms (the cycle's deadline); the agent had not finished answering", m[1], m[2])],
  // SSH (Hosts, Sessions, remote files).
  [/^(.+): authentication failed \((.+) rejected\)$/, (m, l10n) => l10n.t('{0}: authentication failed ({1} rejected)', m[1], m[2])],
  [/^(.+): no SSH handshake within (\d+) ms$/, (m, l10n) => l10n.t('{0}: no SSH handshake within {1} ms', m[1], m[2])],
  [/^(.+): TCP connection not established within (\d+) ms$/, (m, l10n) => l10n.t('{0}: TCP connection not established within {1} ms', m[1], m[2])],
  [/^(.+): the connection was lost$/, (m, l10n) => l10n.t('{0}: the connection was lost', m[1])],
  [/^(.+): sudo asks for a password and none is configured \(set sudoCredential, or credential for password logins\)$/, (m, l10n) => l10n.t('{0}: sudo asks for a password and none is configured (set sudoCredential, or credential for password logins)', m[1])],
  [/^(.+): sudo rejected the password of (.+)$/, (m, l10n) => l10n.t('{0}: sudo rejected the password of {1}', m[1], m[2])],
  [/^no (SSH password|sudo password) stored for credential "(.*)" \(set (\S+) or store it in the credentials file\)$/,
    (m, l10n) => (m[1] === 'SSH password' ? l10n.t('no SSH password stored for credential "{0}" (set {1} or store it in the credentials file)', m[2], m[3]) : l10n.t('no sudo password stored for credential "{0}" (set {1} or store it in the credentials file)', m[2], m[3]))],
  [/^(.+): cannot read the SSH key (.+): (\S+)$/, (m, l10n) => l10n.t('{0}: cannot read the SSH key {1}: {2}', m[1], m[2], m[3])],
  // snmpd.conf and netplan apply.
  [/^polling (.+) with the new credentials failed: (.*)$/s, (m, l10n, again) => l10n.t('polling {0} with the new credentials failed: {1}', m[1], again(m[2]))],
  [/^(.+) \((.+)\) failed with exit (\d+): (.*)$/s, (m, l10n) => l10n.t('{0} ({1}) failed with exit {2}: {3}', m[1], m[2], m[3], m[4])],
  [/^(.+): (.+) does not exist \(is snmpd installed\?\)$/, (m, l10n) => l10n.t('{0}: {1} does not exist (is snmpd installed?)', m[1], m[2])],
  [/^could not start the apply on the host: (.*)$/s, (m, l10n) => l10n.t('could not start the apply on the host: {0}', m[1])],
  [/^could not prepare a temporary netplan root on the host: (.*)$/s, (m, l10n) => l10n.t('could not prepare a temporary netplan root on the host: {0}', m[1])],
  [/^the host's address (\S+) is not in the new file and it has (\d+) other address\(es\): say where to reconnect with --new-address$/,
    (m, l10n) => l10n.t("the host's address {0} is not in the new file and it has {1} other address(es): say where to reconnect with --new-address", m[1], m[2])],
  // parc.yaml (src/core/inventory/reader.ts, parse.ts), after the file:line:col the caller keeps.
  [/^(.+): unknown key "(.*)" \(did you mean "(.*)"\?\)$/, (m, l10n) => l10n.t('{0}: unknown key "{1}" (did you mean "{2}"?)', m[1], m[2], m[3])],
  [/^(.+): unknown key "(.*)"$/, (m, l10n) => l10n.t('{0}: unknown key "{1}"', m[1], m[2])],
  [/^(.+): "(.+)" is required$/, (m, l10n) => l10n.t('{0}: "{1}" is required', m[1], m[2])],
  [/^(.+) must be a mapping \(key: value\)$/, (m, l10n) => l10n.t('{0} must be a mapping (key: value)', m[1])],
  [/^(.+) must be a list$/, (m, l10n) => l10n.t('{0} must be a list', m[1])],
  [/^(.+) must be a non-empty text$/, (m, l10n) => l10n.t('{0} must be a non-empty text', m[1])],
  [/^(.+) must be a whole number from (\S+) to (\S+)$/, (m, l10n) => l10n.t('{0} must be a whole number from {1} to {2}', m[1], m[2], m[3])],
  [/^(.+) must be a number from (\S+) to (\S+)$/, (m, l10n) => l10n.t('{0} must be a number from {1} to {2}', m[1], m[2], m[3])],
  [/^(.+) must be true or false$/, (m, l10n) => l10n.t('{0} must be true or false', m[1])],
  [/^(.+) must be one of (.+) \(got "(.*)"\)$/, (m, l10n) => l10n.t('{0} must be one of {1} (got "{2}")', m[1], m[2], m[3])],
  [/^(.+) must be one of (.+)$/, (m, l10n) => l10n.t('{0} must be one of {1}', m[1], m[2])],
  [/^(.+): no site named "(.*)" \(did you mean "(.*)"\?\)$/, (m, l10n) => l10n.t('{0}: no site named "{1}" (did you mean "{2}"?)', m[1], m[2], m[3])],
  [/^(.+): no site named "(.*)"$/, (m, l10n) => l10n.t('{0}: no site named "{1}"', m[1], m[2])],
  [/^(.+): no SNMP profile named "(.*)"$/, (m, l10n) => l10n.t('{0}: no SNMP profile named "{1}"', m[1], m[2])],
  [/^(.+) is empty: no devices to poll \(add a "devices:" list\)$/, (m, l10n) => l10n.t('{0} is empty: no devices to poll (add a "devices:" list)', m[1])],
];

/** A place prefix kept as it is: `parc.yaml:12:5: ` or an absolute path's. */
const PLACE = /^((?:[A-Za-z]:)?[^:\n]*:\d+:\d+: )([^]*)$/;

/** The message in the display language when its shape is known; otherwise the message itself. */
export function translateError(message: string, l10n: L10n): string {
  const again = (s: string): string => translateError(s, l10n);
  const placed = PLACE.exec(message);
  if (placed) return placed[1] + again(placed[2]);
  for (const [shape, say] of SHAPES) {
    const m = shape.exec(message);
    if (m) return say(m, l10n, again);
  }
  return message;
}

/** Whether the message has a known shape (for the unit test). */
export function knownShape(message: string): boolean {
  const placed = PLACE.exec(message);
  const body = placed ? placed[2] : message;
  return SHAPES.some(([shape]) => shape.test(body));
}
