// The demo's Linux host: a real OpenSSH server on loopback (test/support/sshd.ts) whose "filesystem" is a
// temporary root holding a netplan configuration and an snmpd.conf, and a real snmpd run from that root by a
// stand-in for `systemctl {stop,start,restart} snmpd` (there is no systemd here), as the snmpd.conf tests do.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { startSshd, type RunningSshd } from '../test/support/sshd';

export interface DemoLinuxHost {
  sshd: RunningSshd;
  address: string;
  snmpPort: number;
  /** Path of the service stand-in (stop/start/restart). */
  control: string;
  /** Lines of the `linux:` entry of parc.yaml (indented for a list item). */
  yaml(name: string, site: string, sudoCredential: string): string;
  stop(): Promise<void>;
}

export async function startLinuxHost(o: { address: string; snmpPort: number; community: string; location: string }): Promise<DemoLinuxHost> {
  // Listens on 127.0.0.1 (where the helper checks its banner) and on the site's address.
  const sshd = await startSshd({ extraConfig: [`ListenAddress ${o.address}`] });
  const r = sshd.root;
  for (const d of ['etc/netplan', 'etc/snmp', 'var/lib/snmp', 'run', 'var/log', 'sbin']) mkdirSync(path.join(r, d), { recursive: true, mode: 0o755 });
  writeFileSync(path.join(r, 'etc/netplan/01-netcfg.yaml'), `# Written by the installer; Parc edits it with validation and rollback.
network:
  version: 2
  renderer: networkd
  ethernets:
    ens18:
      addresses: [${o.address}/24]
      routes:
        - to: default
          via: 127.0.1.1
      nameservers:
        addresses: [127.0.1.53]
        search: [corp.example.invalid]
`, { mode: 0o600 });
  writeFileSync(path.join(r, 'etc/snmp/snmpd.conf'), [
    '# snmpd.conf of web-suresnes',
    `agentAddress udp:${o.address}:${o.snmpPort}`,
    'view all included .1',
    `rocommunity ${o.community} 127.0.0.0/8 -V all`,
    `sysLocation ${o.location}`,
    'sysContact Service informatique <it@example.invalid>',
    'sysName web-suresnes',
    '',
  ].join('\n'), { mode: 0o600 });
  const control = path.join(r, 'sbin', 'snmpd-service');
  writeFileSync(control, `#!/bin/sh
# Stand-in for "systemctl $1 snmpd": runs the real snmpd as a daemon on the demo root's files.
R='${r}'
PID="$R/run/snmpd.pid"
stop() { [ -f "$PID" ] || return 0; p=$(cat "$PID"); kill "$p" 2>/dev/null; i=0
  while kill -0 "$p" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done; rm -f "$PID"; }
start() { SNMPCONFPATH="$R/etc/snmp:$R/var/lib/snmp" SNMP_PERSISTENT_DIR="$R/var/lib/snmp" MIBS= /usr/sbin/snmpd -p "$PID" \\
  -Lf "$R/var/log/snmpd.log" -M /nonexistent -m '' -I -smux,mteTrigger,mteTriggerConf; }
case "$1" in stop) stop ;; start) start ;; restart) stop; start ;; *) exit 2 ;; esac
`, { mode: 0o755 });
  const started = spawnSync(control, ['start'], { encoding: 'utf8' });
  if (started.status !== 0) throw new Error(`snmpd of the Linux host did not start: ${started.stderr}`);
  return {
    sshd, address: o.address, snmpPort: o.snmpPort, control,
    yaml: (name, site, sudoCredential) => [
      `  - host: ${o.address}   # a real OpenSSH server; its files live under a temporary root`,
      `    name: ${name}`,
      `    port: ${sshd.port}`,
      `    user: ${sshd.user}`,
      `    key: ${sshd.clientKeyFile}`,
      '    sudo: true',
      `    sudoCredential: ${sudoCredential}`,
      `    site: ${site}`,
      `    root: ${r}`,
      `    netplanApply: "true"   # no networkd to apply to here: Parc still validates with the real netplan generate`,
      `    snmpd: { restart: "${control} restart", stop: "${control} stop", start: "${control} start", port: ${o.snmpPort} }`,
    ].join('\n'),
    stop: async () => {
      spawnSync(control, ['stop']);
      await sshd.stop();
    },
  };
}
