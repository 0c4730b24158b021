// UPS and PDU identity (status and readings are another module's): APC PowerNet (UPS, rack PDU), Eaton XUPS and
// MGE, CyberPower, Socomec Net Vision, Tripp Lite (UPS-MIB upsIdent), Vertiv/Geist PDUs and ITA2.
import { grab, scalarModule, setIdentity } from './scalars';

const UPS_IDENT = { upsModel: '1.3.6.1.2.1.33.1.1.2.0', upsAgentVersion: '1.3.6.1.2.1.33.1.1.4.0', upsName: '1.3.6.1.2.1.33.1.1.5.0' };
const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ') || undefined;

export const UPS_MODULES = [
  scalarModule({
    name: 'inventory-apc', os: ['apc'],
    // PowerNet-MIB ident groups: UPS (upsBasicIdent/upsAdvIdent), rack PDU (rPDUIdent 1.12.1), MasterSwitch
    // (sPDUIdent 1.4.1) and transfer switch (atsIdent 1.8.1); the card's own OS/application releases (4.2.4.1.4).
    oids: {
      upsModel: '1.3.6.1.4.1.318.1.1.1.1.1.1.0', upsFirmware: '1.3.6.1.4.1.318.1.1.1.1.2.1.0', upsSerial: '1.3.6.1.4.1.318.1.1.1.1.2.3.0',
      pduModel: '1.3.6.1.4.1.318.1.1.12.1.5.0', pduHardware: '1.3.6.1.4.1.318.1.1.12.1.2.0', pduSerial: '1.3.6.1.4.1.318.1.1.12.1.6.0',
      pduFirmware: '1.3.6.1.4.1.318.1.1.12.1.3.0',
      spduModel: '1.3.6.1.4.1.318.1.1.4.1.4.0', spduHardware: '1.3.6.1.4.1.318.1.1.4.1.1.0', spduSerial: '1.3.6.1.4.1.318.1.1.4.1.5.0',
      spduFirmware: '1.3.6.1.4.1.318.1.1.4.1.2.0',
      atsModel: '1.3.6.1.4.1.318.1.1.8.1.5.0', atsHardware: '1.3.6.1.4.1.318.1.1.8.1.1.0', atsSerial: '1.3.6.1.4.1.318.1.1.8.1.6.0',
      atsFirmware: '1.3.6.1.4.1.318.1.1.8.1.2.0',
      aos: '1.3.6.1.4.1.318.1.4.2.4.1.4.1', app: '1.3.6.1.4.1.318.1.4.2.4.1.4.2',
    },
    fill(v, out) {
      // One ident group answers; where a card serves two, the MasterSwitch's, then the UPS's, then the ATS's wins.
      const model = v.spduModel ?? v.upsModel ?? v.atsModel ?? v.pduModel;
      const rev = v.spduHardware ?? v.upsFirmware ?? v.atsHardware ?? v.pduHardware;
      // The card's OS and application releases; else the PDU's/ATS's firmware; else the sysDescr's PF: and AF1:.
      const pf = grab(out.sysDescr, /\bPF:(\S+)/);
      const af = grab(out.sysDescr, /\bAF1:(\S+)/);
      const aos = (os: string, app: string | undefined) => [`AOS ${os}`, app && `App ${app}`].filter(Boolean).join(' / ');
      setIdentity(out, {
        hardware: model ? join(model, rev) : grab(out.sysDescr, /APC (.+) \(/),
        serial: v.spduSerial ?? v.upsSerial ?? v.atsSerial ?? v.pduSerial,
        version: v.aos ? aos(v.aos, v.app) : v.spduFirmware ?? v.atsFirmware ?? v.pduFirmware ?? (pf ? aos(pf, af) : undefined),
      });
    },
  }),
  scalarModule({
    name: 'inventory-eaton', os: ['eatonups', 'eatonupsm2'],
    oids: { model: '1.3.6.1.4.1.534.1.1.2.0', software: '1.3.6.1.4.1.534.1.1.3.0', serial: '1.3.6.1.4.1.534.1.1.6.0', upsName: UPS_IDENT.upsName },
    fill(v, out) {
      // ConnectUPS cards put the serial in upsIdentName ("ID: GG435A0270 , Msg: …"), which LibreNMS reads for them
      // even where xupsIdentSerialNumber answers; Network-M2/M3 cards fill xupsIdentSerialNumber.
      const fromName = grab(v.upsName, /ID: ([^ ]+)/);
      setIdentity(out, { hardware: v.model, version: v.software, serial: out.os === 'eatonups' ? fromName : v.serial ?? fromName });
    },
  }),
  scalarModule({
    name: 'inventory-eaton-mge', os: ['eaton-mgeups'],
    oids: { family: '1.3.6.1.4.1.705.1.1.1.0', model: '1.3.6.1.4.1.705.1.1.2.0', firmware: '1.3.6.1.4.1.705.1.1.4.0', serial: '1.3.6.1.4.1.705.1.1.7.0' },
    fill: (v, out) => setIdentity(out, { hardware: join(v.family, v.model), version: v.firmware, serial: v.serial }),
  }),
  scalarModule({
    name: 'inventory-cyberpower', os: ['cyberpower'],
    oids: { model: '1.3.6.1.4.1.3808.1.1.1.1.1.1.0', firmware: '1.3.6.1.4.1.3808.1.1.1.1.2.1.0', serial: '1.3.6.1.4.1.3808.1.1.1.1.2.3.0' },
    fill: (v, out) => setIdentity(out, { hardware: v.model, version: v.firmware, serial: v.serial }),
  }),
  scalarModule({
    name: 'inventory-netvision', os: ['netvision-rfc'],
    oids: { model: '1.3.6.1.4.1.4555.1.1.7.1.1.1.0', serial: '1.3.6.1.4.1.4555.1.1.7.1.1.2.0', agent: '1.3.6.1.4.1.4555.1.1.7.1.1.5.0' },
    fill: (v, out) => setIdentity(out, { hardware: v.model, serial: v.serial, version: grab(v.agent, /\bv(\d[\d.]*)$/) }),
  }),
  scalarModule({
    name: 'inventory-poweralert', os: ['poweralert'],
    oids: UPS_IDENT,
    fill: (v, out) => setIdentity(out, { hardware: v.upsModel, version: v.upsAgentVersion }),
  }),
  scalarModule({
    name: 'inventory-vertiv-pdu', os: ['vertiv-pdu'],
    oids: { firmware: '1.3.6.1.4.1.21239.5.2.1.2.0', model: '1.3.6.1.4.1.21239.5.2.1.8.0', serial: '1.3.6.1.4.1.21239.5.2.1.10.0' },
    fill: (v, out) => setIdentity(out, { hardware: v.model, serial: v.serial, version: v.firmware }),
  }),
  scalarModule({
    name: 'inventory-vertiv-ita2', os: ['vertiv-ita2'],
    oids: { model: '1.3.6.1.4.1.13400.2.54.1.2.0', serial: '1.3.6.1.4.1.13400.2.54.1.3.0' },
    fill: (v, out) => setIdentity(out, { hardware: v.model, serial: v.serial }),
  }),
];
