// The embedded default estate: real snmpd agents and simulated devices on loopback addresses, grouped in
// three sites; a Linux host (a real sshd and snmpd over a temporary root) and a SIMULATED Windows RDP host
// (stand-in quser/logoff over a real sshd); a parc.yaml in a workspace folder and, outside it (so it never
// shows in the Explorer), a 0600 credentials file and the known_hosts. Runs until stopped.
//   node out/demo/estate.js [--workspace DIR] [--secrets DIR] [--port N]
// The summary (`estate.json` in the secrets folder) says what runs, for scripts/demo.sh.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { freeUdpPort } from '../test/support/ports';
import { sshdAvailable } from '../test/support/sshd';
import { startLinuxHost, type DemoLinuxHost } from './linux-host';
import { startRdpHost, type DemoRdpHost } from './rdp-host';
import { observiumExtendLines, startSnmpd } from '../test/support/snmpd';
import { CORPUS, startSnmpsim } from '../test/support/snmpsim';
import { coreSwitch, labSpare, printer, ups } from './recordings';

const arg = (name: string, def: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : def);
const workspace = path.resolve(arg('--workspace', '.demo'));
const secretsDir = path.resolve(arg('--secrets', `${workspace}.secrets`));
const portArg = arg('--port', process.env.PARC_DEMO_PORT ?? '');

// Demo secrets: not real ones; they live in the credentials file (0600), never in parc.yaml.
const SECRETS = { office: 'parc-demo-ro', 'mitry-auth': 'demo-auth-pass', 'mitry-priv': 'demo-priv-pass' };

async function main(): Promise<void> {
  // A free UDP port unless one is asked for; every agent listens on it at its own loopback address.
  const port = portArg ? Number(portArg) : await freeUdpPort();
  mkdirSync(workspace, { recursive: true });
  mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  chmodSync(secretsDir, 0o700);
  const stops: (() => Promise<void>)[] = [];
  const extendDir = path.join(secretsDir, 'extend');
  mkdirSync(extendDir, { recursive: true });

  const observium = await startSnmpd({
    community: SECRETS.office,
    sysName: 'observium',
    location: 'Suresnes HQ, salle serveurs [48.8711, 2.2266]',
    contact: 'Service informatique <it@example.invalid>',
    extendLines: observiumExtendLines(extendDir, { distro: 'Debian GNU/Linux 12 (bookworm)', hardware: 'VMware Virtual Platform', vendor: 'VMware, Inc.', serial: 'VMware-42 1a 7c 9e' }),
    endpoints: [`127.0.1.10:${port}`],
  });
  stops.push(observium.stop);
  const fileServer = await startSnmpd({
    community: 'parc-demo-unused',
    v3: { user: 'parc', authPass: SECRETS['mitry-auth'], privPass: SECRETS['mitry-priv'], auth: 'SHA-256' },
    sysName: 'fs-mitry',
    location: 'Mitry-Mory, baie 1',
    endpoints: [`127.0.2.10:${port}`],
  });
  stops.push(fileServer.stop);

  const simulated: [string, string, string[] | string][] = [
    ['core-sw1', '127.0.1.2', coreSwitch()],
    ['printer-2', '127.0.2.30', printer()],
    ['ups-tls-1', '127.0.3.40', ups()],
    ['lab-spare', '127.0.4.20', labSpare()],
  ];
  // Recordings of real devices from the shared corpus, when it is beside the project.
  const corpus = path.join(CORPUS, 'snmprec');
  if (existsSync(corpus)) {
    simulated.push(['nas-toulouse', '127.0.3.50', capture(path.join(corpus, 'librenms-snmpsim_synology-ds1515.snmprec'))]);
    simulated.push(['fw-suresnes', '127.0.1.3', capture(path.join(corpus, 'librenms-snmpsim_ciscoasa.snmprec'))]);
    simulated.push(['ap-mitry', '127.0.2.40', capture(path.join(corpus, 'librenms-snmpsim_unifi-ac-pro-gen2.snmprec'))]);
  }
  const sims = await Promise.all(simulated.map(([, host, rec]) =>
    typeof rec === 'string' ? startSnmpsim({ files: [rec], host, port, as: 'public' }) : startSnmpsim({ records: { public: rec }, host, port })));
  for (const s of sims) stops.push(s.stop);

  // The Linux host and the simulated Windows host need sshd, which needs root (privilege separation).
  let linux: DemoLinuxHost | undefined;
  let rdp: DemoRdpHost | undefined;
  const hostsWhy = sshdAvailable() ? undefined : 'needs root and openssh-server (scripts/install-deps.sh)';
  if (!hostsWhy) {
    linux = await startLinuxHost({ address: '127.0.1.20', snmpPort: port, community: SECRETS.office, location: 'Suresnes HQ, salle serveurs' });
    stops.push(linux.stop);
    rdp = await startRdpHost(path.join(secretsDir, 'rds-simulated'));
    stops.push(rdp.stop);
  }
  const knownHosts = path.join(secretsDir, 'known_hosts');
  writeFileSync(knownHosts, [linux && linux.sshd.hostKeyLine(linux.address), rdp?.knownHostsLine()].filter(Boolean).join('\n') + '\n', { mode: 0o600 });

  const yaml = `# Parc demo estate: real snmpd agents and simulated devices on loopback addresses.
# Secrets are in ${path.join(secretsDir, 'credentials')} (mode 0600, outside this folder) or PARC_CRED_*
# variables, never here.
sites:
  - region: Île-de-France
    name: Suresnes HQ
    aliases: [Suresnes, Siège]
    subnets: [127.0.1.0/24]
    coordinates: [48.8711, 2.2266]
  - region: Île-de-France
    name: Mitry-Mory
    subnets: [127.0.2.0/24]
    coordinates: [48.9783, 2.6333]
  - region: Occitanie
    name: Toulouse
    subnets: [127.0.3.0/24]
    coordinates: [43.6047, 1.4442]

snmp:
  default: office-v2
  profiles:
    office-v2: { version: 2c, credential: office, timeoutMs: 1500, retries: 1 }
    sim-v2: { version: 2c, credential: sim, timeoutMs: 3000, retries: 1 }
    mitry-v3: { version: 3, user: parc, level: authPriv, auth: sha-256, priv: aes,
                authCredential: mitry-auth, privCredential: mitry-priv }

devices:
  - host: 127.0.1.10   # Observium VM, with the extend lines Observium installs
    port: ${port}
    name: observium
  - host: 127.0.2.10
    port: ${port}
    name: fs-mitry
    profile: mitry-v3
${simulated.map(([name, host]) => `  - { host: ${host}, port: ${port}, name: ${name}, profile: sim-v2 }`).join('\n')}
${linux ? `  - { host: ${linux.address}, port: ${port}, name: web-suresnes }   # the Linux host below: real snmpd\n` : ''}  - { host: 127.0.3.99, port: ${port}, name: nas-old }   # switched off on purpose: the one device shown as down
${linux ? `
linux:
${linux.yaml('web-suresnes', 'Suresnes HQ', 'web-sudo')}
` : ''}${rdp ? `
# SIMULATED: no Windows runs here. The stand-in prints quser/qwinsta like a French Windows Server (code page 850).
windows:
${rdp.yaml('rds-simulated', knownHosts)}
janitor:
  disconnectedOverMinutes: 120
  idleOverMinutes: 0
  exclude: [administrateur]
` : ''}`;
  writeFileSync(path.join(workspace, 'parc.yaml'), yaml);
  const cred = path.join(secretsDir, 'credentials');
  const values: Record<string, string> = { ...SECRETS, sim: 'public', ...(linux ? { 'web-sudo': linux.sshd.password } : {}) };
  writeFileSync(cred, Object.entries(values).map(([k, v]) => `${k} = ${v}`).join('\n') + '\n', { mode: 0o600 });
  chmodSync(cred, 0o600);
  writeFileSync(path.join(workspace, '.gitignore'), '*\n');
  const devices = simulated.length + 3 + (linux ? 1 : 0);
  const summary = {
    workspace, credentials: cred, knownHosts, devices, off: ['nas-old'],
    linux: linux ? { name: 'web-suresnes', address: linux.address, sshPort: linux.sshd.port, root: linux.sshd.root } : { skipped: hostsWhy },
    windows: rdp ? { name: 'rds-simulated', simulated: true, language: 'fr', codepage: 850, sshPort: rdp.sshd.port, disconnected: ['jérôme.petit'] } : { skipped: hostsWhy },
  };
  writeFileSync(path.join(secretsDir, 'estate.json'), JSON.stringify(summary, null, 2) + '\n', { mode: 0o600 });
  console.log(`estate ready: ${devices} devices in ${path.join(workspace, 'parc.yaml')}` +
    (linux ? `; Linux host web-suresnes (sshd on 127.0.0.1:${linux.sshd.port})` : `; no Linux host (${hostsWhy})`) +
    (rdp ? `; SIMULATED Windows host rds-simulated (stand-in, sshd on 127.0.0.1:${rdp.sshd.port})` : ''));

  const stop = async () => {
    await Promise.allSettled(stops.map((s) => s()));
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  setInterval(() => undefined, 1 << 30);
}

main().catch((err) => {
  console.error(`estate failed to start: ${(err as Error).message}`);
  process.exit(1);
});

/**
 * A capture's lines without its capture tool's marks: CRLF line ends, and the closing quote of a quoted string
 * left on text values (the DS1515's "Physical memory\"") — the device sent neither.
 */
function capture(file: string): string[] {
  return readFileSync(file, 'utf8').split(/\r?\n/).filter(Boolean).map((l) => {
    const m = /^([\d.]+\|4\|)(.*)$/.exec(l);
    return m && m[2].endsWith('"') && !m[2].slice(0, -1).includes('"') ? m[1] + m[2].slice(0, -1) : l;
  });
}
