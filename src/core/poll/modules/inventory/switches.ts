// Smaller switch vendors. D-Link: RMON-2 probe revisions (probeSoftwareRev/probeHardwareRev) and the unit table's
// serial; TP-Link: the same RMON-2 scalars, JetStream its TPLINK-SYSINFO-MIB; Zyxel: ZYXEL-ES-COMMON's sysInfo.
import { vbText } from '../../../snmp/values';
import type { PollModule } from '../registry';
import { ENT_CLASS, entityRows, pickChassis } from './entity';
import type { DevicePoll } from '../../types';
import { grab, readScalars, scalarModule, setIdentity, type Values } from './scalars';

const PROBE = { software: '1.3.6.1.2.1.16.19.2.0', hardwareRev: '1.3.6.1.2.1.16.19.3.0' };

// Newer D-Link switches keep unit 1's firmware in the common switch MIB (171.14) or its per-model copy
// (171.11.<model>.1000, the model number being the one in the sysObjectID 171.10.<model>).
const DLINK_UNIT_FIRMWARE = '5.1.8.1.3.1';

const dlink: PollModule = {
  name: 'inventory-dlink',
  stage: 'vendor',
  os: ['dlink', 'dlink-dgs1250'],
  async run(c, out) {
    const model = grab(out.sysObjectID, /^\.?1\.3\.6\.1\.4\.1\.171\.10\.(\d+)\./);
    const v = await readScalars(c, {
      ...PROBE, unitSerial: '1.3.6.1.4.1.171.12.11.1.9.4.1.17.1', serial: '1.3.6.1.4.1.171.12.1.1.12.0',
      commonFirmware: `1.3.6.1.4.1.171.14.${DLINK_UNIT_FIRMWARE}`,
      ...(model ? { modelFirmware: `1.3.6.1.4.1.171.11.${model}.1000.${DLINK_UNIT_FIRMWARE}` } : {}),
    });
    fillDlink(v, out);
  },
};

function fillDlink(v: Values, out: DevicePoll): void {
  {
    const ent = pickChassis(entityRows(out));
    if (out.os === 'dlink-dgs1250') {
      setIdentity(out, { hardware: out.sysDescr, serial: ent?.serial, version: v.modelFirmware ?? v.commonFirmware });
      return;
    }
    const model = ent?.model ?? out.sysDescr?.split(' ')[0];
    setIdentity(out, {
      hardware: model && v.hardwareRev ? `${model} Rev. ${v.hardwareRev}` : model,
      version: v.software ?? ent?.softwareRev ?? ent?.firmwareRev,
      serial: v.unitSerial ?? v.serial ?? ent?.serial,
    });
  }
}

const JS = '1.3.6.1.4.1.11863.6.1.1';
const tplink = scalarModule({
  name: 'inventory-tplink', os: ['tplink', 'jetstream'],
  oids: { ...PROBE, jsHardware: `${JS}.5.0`, jsSoftware: `${JS}.6.0`, jsSerial: `${JS}.8.0` },
  fill(v, out) {
    setIdentity(out, { hardware: v.jsHardware ?? v.hardwareRev, version: v.jsSoftware ?? v.software, serial: v.jsSerial });
  },
});

const ZY = '1.3.6.1.4.1.890.1.15.3.1';
const zyxel = scalarModule({
  name: 'inventory-zyxel', os: ['zynos', 'zywall', 'zyxelwlc', 'zyxelusg'],
  oids: { firmware: `${ZY}.6.0`, model: `${ZY}.11.0`, serial: `${ZY}.12.0` },
  fill(v, out) {
    // "V4.70(ABBI.2) | 12/17/2021": the release without its date.
    setIdentity(out, { hardware: v.model, serial: v.serial ?? entityRows(out).find((r) => r.class === ENT_CLASS.chassis)?.serial, version: grab(v.firmware, /^([^|]+?)\s*(?:\||$)/) });
  },
});

// Ruckus: ZoneDirector (25053.1.2) and Unleashed (25053.1.15) share one system-info layout; SmartZone lists its
// controllers in a table keyed by serial.
const RUCKUS_INFO = (root: string) => ({ model: `${root}.9.0`, serial: `${root}.15.0`, version: `${root}.18.0`, country: `${root}.20.0` });
const ruckusVersion = (v: string | undefined, cc: string | undefined) => (v && cc ? `${v} (${cc})` : v);


const RZD = RUCKUS_INFO('1.3.6.1.4.1.25053.1.2.1.1.1.1');
const RUL = RUCKUS_INFO('1.3.6.1.4.1.25053.1.15.1.1.1.1');
const ruckusZd = scalarModule({
  name: 'inventory-ruckus', os: ['ruckuswireless', 'ruckuswireless-unleashed'],
  oids: { zdModel: RZD.model, zdSerial: RZD.serial, zdVersion: RZD.version, zdCountry: RZD.country, ulModel: RUL.model, ulSerial: RUL.serial, ulVersion: RUL.version, ulCountry: RUL.country },
  fill(v, out) {
    const ul = out.os === 'ruckuswireless-unleashed';
    setIdentity(out, {
      hardware: ul ? v.ulModel : v.zdModel,
      serial: ul ? v.ulSerial : v.zdSerial,
      version: ul ? ruckusVersion(v.ulVersion, v.ulCountry) : ruckusVersion(v.zdVersion, v.zdCountry),
    });
  },
});

const SZ = '1.3.6.1.4.1.25053.1.8.1.1.1.1.1.1';
const ruckusSz: PollModule = {
  name: 'inventory-ruckus-sz',
  stage: 'vendor',
  os: ['ruckuswireless-sz'],
  async run(c, out) {
    // The first controller of the cluster: model (column 3) and release (column 9); serial from the system group.
    const [model, version, country, serial] = await Promise.all([
      c.walk(`${SZ}.3`, 1, 1), c.walk(`${SZ}.9`, 1, 1), c.walk('1.3.6.1.4.1.25053.1.8.1.1.1.1.3.1.4', 1, 1),
      c.get(['1.3.6.1.4.1.25053.1.4.1.1.1.15.13.0']).catch(() => []),
    ]);
    setIdentity(out, { hardware: vbText(model[0]), version: ruckusVersion(vbText(version[0]), vbText(country[0])), serial: vbText(serial[0]) });
  },
};

const sonicwall = scalarModule({
  name: 'inventory-sonicwall', os: ['sonicwall'],
  oids: { model: '1.3.6.1.4.1.8741.2.1.1.1.0', serial: '1.3.6.1.4.1.8741.2.1.1.2.0', firmware: '1.3.6.1.4.1.8741.2.1.1.3.0', rom: '1.3.6.1.4.1.8741.2.1.1.4.0' },
  fill(v, out) {
    setIdentity(out, { hardware: v.model, serial: v.serial, version: v.firmware ? `(Firmware ${v.firmware}${v.rom ? ` / ROM ${v.rom}` : ''})` : undefined });
  },
});

export const SWITCH_MODULES: PollModule[] = [dlink, tplink, zyxel, ruckusZd, ruckusSz, sonicwall];
