// The demo's Linux host: a real OpenSSH server on loopback (test/support/sshd.ts) whose "filesystem" is a
// temporary root holding a netplan configuration and an snmpd.conf, and a real snmpd run from that root by a
// stand-in for `systemctl {stop,start,restart} snmpd` (test/support/snmpd-service.ts, shared with the tests).
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { startSshd, type RunningSshd } from '../test/support/sshd';
import { installSnmpdService } from '../test/support/snmpd-service';

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
  mkdirSync(path.join(r, 'etc/netplan'), { recursive: true, mode: 0o755 });
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
  const snmpd = installSnmpdService(r, [
    '# snmpd.conf of web-suresnes',
    `agentAddress udp:${o.address}:${o.snmpPort}`,
    'view all included .1',
    `rocommunity ${o.community} 127.0.0.0/8 -V all`,
    `sysLocation ${o.location}`,
    'sysContact Service informatique <it@example.invalid>',
    'sysName web-suresnes',
    '',
  ].join('\n'));
  const control = snmpd.control;
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
      snmpd.stop();
      await sshd.stop();
    },
  };
}
