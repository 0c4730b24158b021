// Printer identity: Printer-MIB prtGeneralSerialNumber for every printer, the model from the brand's own MIB or the
// IEEE 1284 device ID (JetDirect's "MDL:" field) or hrDeviceDescr of the printer device.
// Ricoh and its brands (RICOH-PRIVATE-MIB, 1.3.6.1.4.1.367.3.2.1): ricohSysName (model in English, "IM C3000"),
// ricohSysVers (controller firmware, "1.09") and ricohEngSerialNumber (the engine's serial), as LibreNMS reads them
// for ricoh, savin and gestetner; NRG has only the serial there, its model and firmware come from sysDescr; Lanier
// keeps the Printer-MIB serial alone.
import { grab, scalarModule, setIdentity } from './scalars';
import { parseSysDescr } from './sysdescr';

export const PRINTER_OSES = [
  'jetdirect', 'brother', 'xerox', 'canonprinter', 'konica', 'epson', 'samsungprinter', 'sharp', 'fujifilmprinter', 'dell-laser',
  'utax', 'kyocera', 'lexmarkprinter', 'ricoh', 'savin', 'lanier', 'nrg', 'gestetner',
] as const;

/** Binary-looking OCTET STRINGs come back as hex ("01:15:32:30…"); the text is in the printable bytes. */
const printable = (s: string | undefined) => (s && /^([0-9a-f]{2}:)+[0-9a-f]{2}$/.test(s) ? Buffer.from(s.replace(/:/g, ''), 'hex').toString('latin1') : s);

/** HP's PML strings carry two leading type/length bytes before the text. */
const hpText = (s: string | undefined) => printable(s)?.replace(/^[\x00-\x1f]+/, '').replace(/[\x00-\x1f]+/g, ' ').trim() || undefined;
const hpModel = (s: string | undefined) => {
  const t = s?.replace(/\b(HP|Hewlett-Packard) /gi, '').replace(/ Series\b/gi, '').trim();
  return t ? t[0].toUpperCase() + t.slice(1) : undefined;
};

const stripBrand = (s: string | undefined) => s?.replace(/^(HP|Hewlett-Packard|KONICA MINOLTA|Konica Minolta)\s+/i, '');

export const PRINTER_MODULES = [
  scalarModule({
    name: 'inventory-printer',
    os: PRINTER_OSES,
    oids: {
      serial: '1.3.6.1.2.1.43.5.1.1.17.1', device: '1.3.6.1.2.1.25.3.2.1.3.1',
      hpDeviceId: '1.3.6.1.4.1.11.2.3.9.1.1.7.0', hpFirmwareDate: '1.3.6.1.4.1.11.2.3.9.4.2.1.1.3.5.0',
      // HP-LASERJET-COMMON-MIB id group: model-name, serial-number, fw-rom-revision.
      hpModelName: '1.3.6.1.4.1.11.2.3.9.4.2.1.1.3.2.0', hpSerial: '1.3.6.1.4.1.11.2.3.9.4.2.1.1.3.3.0',
      hpFirmwareRev: '1.3.6.1.4.1.11.2.3.9.4.2.1.1.3.6.0',
      brotherSerial: '1.3.6.1.4.1.2435.2.3.9.4.2.1.5.5.1.0', brotherModel: '1.3.6.1.4.1.2435.2.4.3.2435.5.13.3.0',
      canonModel: '1.3.6.1.4.1.1602.1.1.1.1.0', canonVersion: '1.3.6.1.4.1.1602.1.1.1.4.0',
      konicaModel: '1.3.6.1.4.1.18334.1.1.1.1.6.2.1.0', konicaVersion: '1.3.6.1.4.1.18334.1.1.1.1.6.1.0',
      sharpVersion: '1.3.6.1.4.1.2385.2.1.1.2.1.2.1',
      kyoceraModel: '1.3.6.1.4.1.1347.43.5.1.1.1.1', kyoceraSerial: '1.3.6.1.4.1.1347.43.5.1.1.28.1',
      ricohModel: '1.3.6.1.4.1.367.3.2.1.1.1.1.0', ricohVersion: '1.3.6.1.4.1.367.3.2.1.1.1.2.0',
      ricohSerial: '1.3.6.1.4.1.367.3.2.1.2.1.4.0',
      kyoceraVersion: '1.3.6.1.4.1.1347.43.5.4.1.5.1.1',
      sharpModel: '1.3.6.1.4.1.2385.2.1.3.2.1.4.13501.1302.1',
      // Xerox's Samsung-built models keep Samsung's product scalars (236.11.5.1.1.1: model, firmware).
      xeroxModel: '1.3.6.1.4.1.236.11.5.1.1.1.1.0', xeroxVersion: '1.3.6.1.4.1.236.11.5.1.1.1.2.0',
      // Dell lasers: a device ID in Xerox's, Dell's or Lexmark's arc (whichever made the engine), and the firmware.
      dellIdXerox: '1.3.6.1.4.1.253.8.51.10.2.1.7.2.28110202', dellIdDell: '1.3.6.1.4.1.674.10898.100.2.1.2.1.3.1',
      dellIdLexmark: '1.3.6.1.4.1.641.2.1.2.1.3.1', dellVersion: '1.3.6.1.4.1.674.10898.100.1.1.1.0', lexmarkVersion: '1.3.6.1.4.1.641.1.1.1.0',
    },
    fill(v, out) {
      const banner = parseSysDescr(out.os, out.sysDescr);
      const id = { ...banner, serial: v.serial };
      switch (out.os) {
        case 'jetdirect':
          // The IEEE 1284 device ID's model (MDL, MODEL, DES…), without HP's brand or "Series"; else model-name.
          id.hardware = hpModel(grab(v.hpDeviceId, /(?:^|;)\s*(?:MDL|MODEL|DES|DESCRIPTION):([^;]+)/) ?? hpText(v.hpModelName)) ?? stripBrand(v.device);
          id.version = hpText(v.hpFirmwareRev) ?? grab(printable(v.hpFirmwareDate), /(\d{8})$/);
          id.serial = v.serial ?? hpText(v.hpSerial);
          break;
        case 'brother':
          // "Brother HL-5370DW series [001ba90ba752]": model and the print server's MAC.
          id.hardware = v.brotherModel?.replace(/^Brother\s+/, '').replace(/\s+series\b/, '');
          id.serial = v.brotherSerial ?? v.serial;
          break;
        case 'canonprinter': id.hardware = v.canonModel; id.version = v.canonVersion; break;
        case 'konica': id.hardware = stripBrand(v.konicaModel); id.version = v.konicaVersion; break;
        case 'sharp': id.version = v.sharpVersion; id.hardware = v.sharpModel ?? banner.hardware; break;
        case 'xerox': id.hardware = v.xeroxModel ?? banner.hardware; id.version = v.xeroxVersion ?? banner.version; break;
        case 'dell-laser': {
          const devId = [v.dellIdXerox, v.dellIdDell, v.dellIdLexmark].filter(Boolean).join(';');
          id.hardware = grab(devId, /(?:^|;)\s*(?:MDL|MODEL):([^;]+)/) ?? banner.hardware;
          id.version = v.dellVersion ?? v.lexmarkVersion ?? banner.version;
          break;
        }
        case 'utax':
        case 'kyocera': id.hardware = v.kyoceraModel; id.serial = v.kyoceraSerial ?? v.serial; if (out.os === 'kyocera') id.version = v.kyoceraVersion; break;
        case 'ricoh':
        case 'savin':
        case 'gestetner': id.hardware = v.ricohModel; id.version = v.ricohVersion; id.serial = v.ricohSerial ?? v.serial; break;
        case 'nrg': id.serial = v.ricohSerial ?? v.serial; break;
        default: break;
      }
      setIdentity(out, id);
    },
  }),
];
