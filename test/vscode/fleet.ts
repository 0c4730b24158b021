// The estate the extension-host tests poll: real agents on 127.0.0.1 (two Debian snmpd, one snmpsim
// recording) and a workspace whose parc.yaml points at them. Started by the test runner before VS Code,
// so the extension finds parc.yaml on activation; the community strings reach the extension host
// only through PARC_CRED_* environment variables (the CLI's convention, which the extension honours).
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freeUdpPort } from '../support/ports';
import { startSnmpd, type RunningSnmpd } from '../support/snmpd';
import { startSnmpsim, type RunningSnmpsim } from '../support/snmpsim';

export const COMMUNITY = 'parc-lab-community';
export const SIM_COMMUNITY = 'yul-switch';

export interface FleetAgent {
  name: string;
  port: number;
}

export interface Fleet {
  workspace: string;
  inventory: string;
  agents: FleetAgent[];
  /** Variables the extension host needs: credentials and where the agents are. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export interface FleetOptions {
  /** Only paris-core up and lyon-gw down (for the screenshot): no snmpsim. */
  small?: boolean;
  settings?: Record<string, unknown>;
}

// A recording in snmpsim's format (OID|type|value): a switch whose sysLocation names the YUL alias.
const YUL_RECORD = [
  '1.3.6.1.2.1.1.1.0|4|Cisco IOS Software, C2960 Software (C2960-LANBASEK9-M), Version 15.0(2)SE11',
  '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.1.1208',
  '1.3.6.1.2.1.1.3.0|67|123456789',
  '1.3.6.1.2.1.1.4.0|4|noc@example.invalid',
  '1.3.6.1.2.1.1.5.0|4|yul-sw-01',
  '1.3.6.1.2.1.1.6.0|4|YUL datacenter, row B',
  '1.3.6.1.2.1.2.2.1.1.1|2|1',
  '1.3.6.1.2.1.2.2.1.2.1|4|GigabitEthernet0/1',
  '1.3.6.1.2.1.2.2.1.3.1|2|6',
  '1.3.6.1.2.1.2.2.1.5.1|66|1000000000',
  '1.3.6.1.2.1.2.2.1.7.1|2|1',
  '1.3.6.1.2.1.2.2.1.8.1|2|1',
  '1.3.6.1.2.1.2.2.1.10.1|65|123456',
  '1.3.6.1.2.1.2.2.1.16.1|65|654321',
];

export async function startFleet(o: FleetOptions = {}): Promise<Fleet> {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'parc-vscode-ws-'));
  const started: { stop(): Promise<void> }[] = [];
  try {
    // The agents serve this machine's real CPU load: on a busy CI machine it reads 100 %, and the
    // processor-high alerts then change the status bar that later tests check (issue 13: flaky on a loaded
    // host). The processor tables are left out of their view; everything else is real.
    const quietCpu = ['view all excluded .1.3.6.1.2.1.25.3.3', 'view all excluded .1.3.6.1.4.1.2021.11'];
    const paris: RunningSnmpd = await startSnmpd({ community: COMMUNITY, location: 'Paris, rack 3', sysName: 'paris-core', extraLines: quietCpu });
    started.push(paris);
    let lyonPort: number;
    if (o.small) lyonPort = await freeUdpPort(); // nothing listens there: the device is down
    else {
      const lyon = await startSnmpd({ community: COMMUNITY, location: 'Lyon, baie 2', sysName: 'lyon-gw', extraLines: quietCpu });
      started.push(lyon);
      lyonPort = lyon.port;
    }
    let sim: RunningSnmpsim | undefined;
    if (!o.small) {
      sim = await startSnmpsim({ records: { [SIM_COMMUNITY]: YUL_RECORD } });
      started.push(sim);
    }
    const inventory = path.join(workspace, 'parc.yaml');
    writeFileSync(inventory, [
      '# Parc test estate, written by the extension-host test runner.',
      '# Comments like these must survive the edits Parc makes (Add device).',
      'sites:',
      '  - region: Europe',
      '    name: Paris',
      '    aliases: [PAR]',
      '  - region: Europe',
      '    name: Lyon',
      '  - region: Americas',
      '    name: Montreal',
      '    aliases: [YUL]',
      '',
      'snmp:',
      '  default: lab',
      '  profiles:',
      '    lab:',
      '      version: 2c',
      '      credential: lab-community   # PARC_CRED_LAB_COMMUNITY',
      // generous: a loaded CI machine must not turn a live agent into a down device
      '      timeoutMs: 1500',
      '      retries: 1',
      '    sim:',
      '      version: 2c',
      '      credential: sim-community',
      '      timeoutMs: 1500',
      '      retries: 1',
      '',
      'devices:',
      '  # in Paris because parc.yaml says so',
      `  - { host: 127.0.0.1, port: ${paris.port}, name: paris-core, site: Paris }`,
      ...(o.small
        ? ['  # nothing answers on this port: the device is down', `  - { host: 127.0.0.1, port: ${lyonPort}, name: lyon-gw, site: Lyon }`]
        : ['  # in Lyon because its sysLocation says so', `  - { host: 127.0.0.1, port: ${lyonPort}, name: lyon-gw }`]),
      ...(sim ? ['  # in Montreal through the YUL alias in its sysLocation (snmpsim recording)', `  - { host: 127.0.0.1, port: ${sim.port}, name: yul-switch, profile: sim }`] : []),
      '',
    ].join('\n'));
    mkdirSync(path.join(workspace, '.vscode'));
    writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({
      // The scheduler's first poll runs at activation; the tests poll on demand after that.
      'parc.schedule.pollMinutes': 600,
      'parc.notifications': 'all',
      ...o.settings,
    }, null, 2));
    const agents: FleetAgent[] = [{ name: 'paris-core', port: paris.port }, { name: 'lyon-gw', port: lyonPort }];
    if (sim) agents.push({ name: 'yul-switch', port: sim.port });
    return {
      workspace,
      inventory,
      agents,
      env: {
        PARC_CRED_LAB_COMMUNITY: COMMUNITY,
        PARC_CRED_SIM_COMMUNITY: SIM_COMMUNITY,
        PARC_VSCODE_AGENTS: JSON.stringify(agents),
        PARC_VSCODE_WORKSPACE: workspace,
      },
      async stop() {
        await Promise.all(started.map((s) => s.stop().catch(() => undefined)));
        rmSync(workspace, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await Promise.all(started.map((s) => s.stop().catch(() => undefined)));
    rmSync(workspace, { recursive: true, force: true });
    throw err;
  }
}
