// The demo's Windows RDP host, SIMULATED: no Windows runs here. A real OpenSSH server on loopback whose PATH
// starts with the stand-in programs the tests use (quser, qwinsta, logoff, msg, chcp… test/support/rdp-standin.ts),
// printing like a French Windows Server in code page 850, with one disconnected session to log off.
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { createStandin, type Standin, type StandinSession } from '../test/support/rdp-standin';
import { startRdpSshd, type RdpSshd } from '../test/support/sshd-rdp';

export interface DemoRdpHost {
  sshd: RdpSshd;
  standin: Standin;
  yaml(name: string, knownHosts: string): string;
  knownHostsLine(): string;
  stop(): Promise<void>;
}

/** Logon times as a French Windows prints them (dd/MM/yyyy HH:mm), some minutes before now. */
function frenchLogon(minutesAgo: number): string {
  const d = new Date(Date.now() - minutesAgo * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export async function startRdpHost(dir: string): Promise<DemoRdpHost> {
  mkdirSync(dir, { recursive: true });
  const sessions: StandinSession[] = [
    { user: 'administrateur', session: 'console', id: 1, state: 'Active', idleMinutes: 0, logon: frenchLogon(600) },
    { user: 'élodie.martin', session: 'rdp-tcp#3', id: 2, state: 'Active', idleMinutes: 4, logon: frenchLogon(95) },
    { user: 'jérôme.petit', session: '', id: 3, state: 'Disc', idleMinutes: 185, logon: frenchLogon(1500) },
  ];
  const standin = createStandin(dir, { language: 'fr', codepage: 850, sessions });
  const sshd = await startRdpSshd({ standinBin: standin.bin });
  return {
    sshd, standin,
    knownHostsLine: () => `[127.0.0.1]:${sshd.port} ${sshd.hostPublicKey()}`,
    yaml: (name, knownHosts) => [
      `  - host: 127.0.0.1   # SIMULATED Windows host: stand-in quser/logoff (French, code page 850) over a real sshd`,
      `    name: ${name}`,
      '    transport: ssh',
      `    port: ${sshd.port}`,
      `    user: ${sshd.user}`,
      `    keyFile: ${sshd.clientKeyFile}`,
      `    knownHosts: ${knownHosts}`,
      '    codepage: 850',
      '    site: Suresnes HQ',
    ].join('\n'),
    stop: async () => {
      await sshd.stop();
    },
  };
}

export const rdpStateFile = (dir: string) => path.join(dir, 'standin-state.json');
