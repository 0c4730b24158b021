// Server management controllers (BMCs).
import { under, type OsRule } from './types';

const LINUX_AGENT = under('1.3.6.1.4.1.8072.3.2.10');

export const SERVER_RULES: OsRule[] = [
  { os: 'drac', vendor: 'Dell', oid: under('1.3.6.1.4.1.674.10892') },
  { os: 'xclarity', vendor: 'Lenovo', oid: under('1.3.6.1.4.1.19046.11') },
  { os: 'supermicro-bmc', vendor: 'Supermicro', oid: under('1.3.6.1.4.1.21317') },
  { os: 'supermicro-bmc', vendor: 'Supermicro', oid: LINUX_AGENT, probe: '1.3.6.1.4.1.21317.1' },
  { os: 'ibm-imm', vendor: 'IBM', oid: LINUX_AGENT, probe: '1.3.6.1.4.1.2.3.51.3' },
  { os: 'ilom', vendor: 'Oracle', oid: under('1.3.6.1.4.1.42.2.200') },
];
