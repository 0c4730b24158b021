// The embedded default estate: real snmpd agents and simulated devices on loopback addresses, grouped in
// three sites, with a parc.yaml and a 0600 credentials file in a workspace folder. Runs until stopped.
//   node out/demo/estate.js [--workspace DIR] [--port N]
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { observiumExtendLines, startSnmpd } from '../test/support/snmpd';
import { CORPUS, startSnmpsim } from '../test/support/snmpsim';
import { coreSwitch, printer, ups } from './recordings';

const arg = (name: string, def: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : def);
const workspace = path.resolve(arg('--workspace', '.demo'));
const port = Number(arg('--port', process.env.PARC_DEMO_PORT ?? '16100'));

// Demo secrets: not real ones; they live in the credentials file (0600), never in parc.yaml.
const SECRETS = { office: 'parc-demo-ro', 'mitry-auth': 'demo-auth-pass', 'mitry-priv': 'demo-priv-pass' };

async function main(): Promise<void> {
  mkdirSync(workspace, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  const extendDir = path.join(workspace, '.estate', 'extend');
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
  ];
  // Recordings of real devices from the shared corpus, when it is beside the project.
  const corpus = path.join(CORPUS, 'snmprec');
  if (existsSync(corpus)) {
    simulated.push(['nas-toulouse', '127.0.3.50', path.join(corpus, 'librenms-snmpsim_synology-ds1515.snmprec')]);
    simulated.push(['fw-suresnes', '127.0.1.3', path.join(corpus, 'librenms-snmpsim_ciscoasa.snmprec')]);
    simulated.push(['ap-mitry', '127.0.2.40', path.join(corpus, 'librenms-snmpsim_unifi-ac-pro-gen2.snmprec')]);
  }
  const sims = await Promise.all(simulated.map(([, host, rec]) =>
    typeof rec === 'string' ? startSnmpsim({ files: [rec], host, port, as: 'public' }) : startSnmpsim({ records: { public: rec }, host, port })));
  for (const s of sims) stops.push(s.stop);

  const yaml = `# Parc demo estate: real snmpd agents and simulated devices on loopback addresses.
# Secrets are in .demo/credentials (mode 0600) or PARC_CRED_* variables, never here.
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
  - { host: 127.0.3.99, port: ${port}, name: nas-old }   # switched off: shows as down
  - { host: 127.0.4.20, port: ${port}, name: lab-spare }  # in no site: Unassigned
`;
  writeFileSync(path.join(workspace, 'parc.yaml'), yaml);
  const cred = path.join(workspace, 'credentials');
  writeFileSync(cred, Object.entries({ ...SECRETS, sim: 'public' }).map(([k, v]) => `${k} = ${v}`).join('\n') + '\n', { mode: 0o600 });
  chmodSync(cred, 0o600);
  writeFileSync(path.join(workspace, '.gitignore'), '*\n');
  console.log(`estate ready: ${simulated.length + 4} devices in ${path.join(workspace, 'parc.yaml')}`);

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
