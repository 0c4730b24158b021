// HPE and Aruba: AOS-CX (ENTITY-MIB row 1, else the banner), ArubaOS controllers and Instant clusters (banner,
// licence serial, AP table), Comware (banner, serial in HH3C-ENTITY-EXT-MIB by entity index), iLO (Insight
// SINFO scalars), and the same Insight agent on ProLiant servers running Windows.
import { vbText } from '../../../snmp/values';
import type { PollModule } from '../registry';
import { getTolerant } from '../get-tolerant';
import { ENT_CLASS, entityRow, entityRows, firstEntitySerial, meaningful, pickChassis } from './entity';
import { scalarModule, setIdentity } from './scalars';
import { parseSysDescr } from './sysdescr';

const arubaCx: PollModule = {
  name: 'inventory-arubaos-cx',
  stage: 'vendor',
  os: ['arubaos-cx'],
  async run(c, out) {
    const one = entityRow(out, 1);
    const banner = parseSysDescr('arubaos-cx', out.sysDescr);
    setIdentity(out, {
      hardware: one?.descr ?? banner.hardware,
      // A VSF stack's row 1 has no serial; the first member's does.
      serial: one?.serial ?? entityRows(out).find((r) => r.class === ENT_CLASS.chassis && r.serial)?.serial ?? await firstEntitySerial(c),
      version: one?.softwareRev ?? banner.version,
    });
  },
};

const arubaos = scalarModule({
  name: 'inventory-arubaos',
  os: ['arubaos'],
  oids: { licenseSerial: '1.3.6.1.4.1.14823.2.2.1.1.1.12.0' },
  fill(v, out) {
    setIdentity(out, { ...parseSysDescr('arubaos', out.sysDescr), serial: v.licenseSerial });
  },
});

const AI_AP = '1.3.6.1.4.1.14823.2.3.3.1.2.1.1';
const arubaInstant: PollModule = {
  name: 'inventory-aruba-instant',
  stage: 'vendor',
  os: ['aruba-instant'],
  async run(c, out) {
    // The cluster's first AP (aiAPSerialNum, aiAPModelName): one row, not the whole table.
    const [serial, model] = await Promise.all([c.walk(`${AI_AP}.4`, 1, 1), c.walk(`${AI_AP}.6`, 1, 1)]);
    const banner = parseSysDescr('aruba-instant', out.sysDescr);
    setIdentity(out, { ...banner, hardware: banner.hardware ?? vbText(model[0]), serial: vbText(serial[0]) });
  },
};

const comware: PollModule = {
  name: 'inventory-comware',
  stage: 'vendor',
  os: ['comware'],
  async run(c, out) {
    // hh3cEntityExtManuSerialNum of the chassis is the device's serial; entPhysicalSerialNum can be a board's.
    const chassis = pickChassis(entityRows(out));
    const [vb] = await getTolerant(c, [`1.3.6.1.4.1.25506.2.6.1.2.1.1.2.${chassis?.index ?? 1}`]);
    const serial = meaningful(vbText(vb)) ?? chassis?.serial;
    setIdentity(out, { ...parseSysDescr('comware', out.sysDescr), serial });
  },
};

// ProCurve / ArubaOS-Switch: the running release in NETSWITCH-MIB (hpSwitchOsVersion; the Foundry-built 9300s keep
// it in HP-SN-AGENT-MIB snAgImgVer), the serial in SEMI-MIB (hpHttpMgSerialNumber); the banner gives the model.
const procurve = scalarModule({
  name: 'inventory-procurve',
  os: ['procurve'],
  oids: { osVersion: '1.3.6.1.4.1.11.2.14.11.5.1.1.3.0', imgVersion: '1.3.6.1.4.1.11.2.3.7.11.12.1.2.1.11.0', serial: '1.3.6.1.4.1.11.2.36.1.1.2.9.0' },
  fill(v, out) {
    setIdentity(out, { version: v.osVersion ?? v.imgVersion, serial: v.serial });
  },
});

// CPQSINFO-MIB: cpqSiProductName, cpqSiSysSerialNum (iLO and the Insight agent on ProLiant hosts).
const INSIGHT = { product: '1.3.6.1.4.1.232.2.2.4.2.0', serial: '1.3.6.1.4.1.232.2.2.2.1.0' };

const ilo = scalarModule({
  name: 'inventory-hpe-ilo',
  os: ['hpe-ilo'],
  oids: INSIGHT,
  fill(v, out) {
    setIdentity(out, { ...parseSysDescr('hpe-ilo', out.sysDescr), hardware: v.product, serial: v.serial });
  },
});

const insightOnWindows = scalarModule({
  name: 'inventory-hp-insight',
  os: ['windows'],
  // Only where the sysDescr names an x86 server platform; workstations without the agent answer noSuchObject.
  applies: (out) => /Hardware: (x86|EM64T|Intel64|AMD64)/.test(out.sysDescr ?? ''),
  oids: INSIGHT,
  fill(v, out) {
    setIdentity(out, { hardware: v.product, serial: v.serial });
  },
});

export const HPE_MODULES: PollModule[] = [arubaCx, arubaos, arubaInstant, comware, procurve, ilo, insightOnWindows];
