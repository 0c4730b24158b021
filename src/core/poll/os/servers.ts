// Server management controllers (BMCs).
import { under, type OsRule } from './types';

const LINUX_AGENT = under('1.3.6.1.4.1.8072.3.2.10');

export const SERVER_RULES: OsRule[] = [
  // iDRAC (10892.5) and the older DRAC/CMC agents (10892.2); OpenManage Enterprise Modular (10892.6) is not a DRAC.
  { os: 'drac', vendor: 'Dell', oid: under('1.3.6.1.4.1.674.10892.2', '1.3.6.1.4.1.674.10892.5') },
  { os: 'drac', vendor: 'Dell', descr: /Dell Out-of-band SNMP Agent for Remote Access Controller/ },
  { os: 'xclarity', vendor: 'Lenovo', oid: under('1.3.6.1.4.1.19046.11') },
  // The X11 BMC answers with the bare ATEN/Supermicro enterprise; anything below it is ATEN's PDUs and KVMs.
  { os: 'supermicro-bmc', vendor: 'Supermicro', oid: /^1\.3\.6\.1\.4\.1\.21317$/ },
  { os: 'supermicro-bmc', vendor: 'Supermicro', oid: LINUX_AGENT, probe: '1.3.6.1.4.1.21317.1' },
  { os: 'ibm-imm', vendor: 'IBM', oid: under('1.3.6.1.4.1.2.3.51.3') },
  { os: 'ibm-imm', vendor: 'IBM', oid: LINUX_AGENT, probe: '1.3.6.1.4.1.2.3.51.3' },
  { os: 'oracle-ilom', vendor: 'Oracle', oid: under('1.3.6.1.4.1.42.2.200') },
];
