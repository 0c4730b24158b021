// A real snmpd run on a host's files under a temporary root (test/support/sshd.ts's `root`), by a stand-in for
// `systemctl {stop,start,restart} snmpd` (there is no systemd here). Shared by the snmpd.conf apply test, the
// parc-ssh:// extension-host test and the demo's Linux host (demo/linux-host.ts).
//   const svc = installSnmpdService(sshd.root, confText);   // writes etc/snmp/snmpd.conf and sbin/snmpd-service, starts snmpd
//   svc.control                                          // path of the stand-in: `${svc.control} restart`
//   svc.stop()                                           // after(): stops snmpd
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

export interface SnmpdService {
  /** Path of the service stand-in (stop|start|restart). */
  control: string;
  /** The parc.yaml `snmpd:` commands that use it. */
  commands: { restart: string; stop: string; start: string };
  stop(): void;
}

export function installSnmpdService(root: string, conf: string): SnmpdService {
  for (const d of ['etc/snmp', 'var/lib/snmp', 'run', 'var/log', 'sbin']) mkdirSync(path.join(root, d), { recursive: true, mode: 0o755 });
  writeFileSync(path.join(root, 'etc/snmp/snmpd.conf'), conf, { mode: 0o600 });
  const control = path.join(root, 'sbin', 'snmpd-service');
  writeFileSync(control, `#!/bin/sh
# Stand-in for "systemctl $1 snmpd": runs the real snmpd as a daemon on the root's files.
R='${root}'
PID="$R/run/snmpd.pid"
stop() { [ -f "$PID" ] || return 0; p=$(cat "$PID"); kill "$p" 2>/dev/null; i=0
  while kill -0 "$p" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done; rm -f "$PID"; }
# SNMPCONFPATH instead of -C: -C would also skip the persistent file (where createUser lines go), which is read
# from the configuration path like on Debian (/etc/snmp:...:/var/lib/snmp).
start() { SNMPCONFPATH="$R/etc/snmp:$R/var/lib/snmp" SNMP_PERSISTENT_DIR="$R/var/lib/snmp" MIBS= /usr/sbin/snmpd -p "$PID" \\
  -Lf "$R/var/log/snmpd.log" -M /nonexistent -m '' -I -smux,mteTrigger,mteTriggerConf; }
case "$1" in stop) stop ;; start) start ;; restart) stop; start ;; *) exit 2 ;; esac
`, { mode: 0o755 });
  const started = spawnSync(control, ['start'], { encoding: 'utf8' });
  if (started.status !== 0) throw new Error(`snmpd did not start on ${root}: ${started.stderr}`);
  return {
    control,
    commands: { restart: `${control} restart`, stop: `${control} stop`, start: `${control} start` },
    stop: () => void spawnSync(control, ['stop']),
  };
}

/**
 * The parc.yaml `linux:` entry "lab" for the test sshd with this snmpd service (sudo with the LABSUDO credential),
 * indented as an item of `linux:`.
 */
export function labLinuxEntry(sshd: { port: number; user: string; clientKeyFile: string; root: string }, svc: SnmpdService, snmpPort: number, o: { site?: string } = {}): string {
  return `  - host: 127.0.0.1
    name: lab
    port: ${sshd.port}
    user: ${sshd.user}
    key: ${sshd.clientKeyFile}
    sudo: true
    sudoCredential: LABSUDO
${o.site ? `    site: ${o.site}\n` : ''}    root: ${sshd.root}
    snmpd: { restart: "${svc.control} restart", stop: "${svc.control} stop", start: "${svc.control} start", port: ${snmpPort} }
`;
}
