// Liebert/Vertiv network cards (LIEBERT-GP-AGENT-MIB, 476.1.42.2.5): which services the card serves, as states,
// since an enabled Telnet or plain-HTTP server on a power or cooling unit is worth seeing.
import type { SensorInfo } from '../../types';
import { addSensors, readScalars, type ScalarSpec, type SensorModule } from './common';

type States = Record<number, [string, SensorInfo['status']]>;
const AGENT = '1.3.6.1.4.1.476.1.42.2.5';
export const LGP_YES_NO: States = { 1: ['yes', 'ok'], 2: ['no', 'ok'] };
export const LGP_WEB_MODE: States = { 0: ['disabled', 'ok'], 1: ['http', 'ok'], 2: ['https', 'ok'] };

export const LIEBERT_AGENT_SCALARS: ScalarSpec[] = [
  { oid: `${AGENT}.2.0`, class: 'state', description: 'Telnet Enabled', states: LGP_YES_NO, key: 'telnet' },
  { oid: `${AGENT}.3.0`, class: 'state', description: 'Velocity Server Enabled', states: LGP_YES_NO, key: 'velocity' },
  { oid: `${AGENT}.4.0`, class: 'state', description: 'Webserver Mode', states: LGP_WEB_MODE, key: 'web' },
];

export const liebertAgentModule: SensorModule = {
  name: 'sensors.liebert-agent', stage: 'vendor', os: ['liebert'],
  async run(c, out) {
    addSensors(out, 'liebert-agent', await readScalars(c, LIEBERT_AGENT_SCALARS));
  },
};
