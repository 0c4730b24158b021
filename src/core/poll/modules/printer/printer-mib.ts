// Printer-MIB (RFC 3805): marker supplies (toner, ink, drum, fuser, waste…), paper trays and the page counter.
import type { SnmpClient } from '../../../snmp/client';
import { toNumber, toText } from '../../../snmp/values';
import { enterpriseNumber } from '../../os-detect';
import type { DevicePoll, SupplyInfo } from '../../types';
import { isRicohMade, readRicohToners, type RicohGap } from './ricoh';
import { cleanDescription, supplyColour, supplyLevel, supplyType } from './supplies';

export const PRINTER_OID = {
  prtMarkerSuppliesTable: '1.3.6.1.2.1.43.11.1',
  prtMarkerColorantValue: '1.3.6.1.2.1.43.12.1.1.4',
  prtMarkerLifeCount: '1.3.6.1.2.1.43.10.2.1.4',
  prtInputMaxCapacity: '1.3.6.1.2.1.43.8.2.1.9',
  prtInputCurrentLevel: '1.3.6.1.2.1.43.8.2.1.10',
  prtInputName: '1.3.6.1.2.1.43.8.2.1.13',
} as const;

const BROTHER = 2435;

/** Column values of one walked column, by row index (hrDeviceIndex.rowIndex). */
async function column(client: SnmpClient, oid: string): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const vb of await client.walk(oid, 30)) out.set(vb.oid.slice(oid.length + 1), vb.value);
  return out;
}

function num(v: unknown): number | undefined {
  return toNumber(v);
}

/** The supply's own number within its printer device (hrDeviceIndex.supplyIndex → supplyIndex). */
const lastArc = (index: string) => index.slice(index.lastIndexOf('.') + 1);

export interface PrinterRead {
  supplies: SupplyInfo[];
  pageCount?: number;
}

/** `known`: the device is recognised as a printer, so the other tables are read even without supplies. */
export async function pollPrinter(client: SnmpClient, out: Pick<DevicePoll, 'sysObjectID' | 'os'>, known = true): Promise<PrinterRead | undefined> {
  const ricoh = isRicohMade(out);
  const o = { brotherCodes: enterpriseNumber(out.sysObjectID) === BROTHER, ricohNearEnd: ricoh };
  // The supplies walk is also the probe: an agent without Printer-MIB answers it with one empty reply.
  const marker = await client.table(PRINTER_OID.prtMarkerSuppliesTable, 30);
  if (!marker.size && !known) return undefined;
  const [life, inMax, inLevel, inName] = await Promise.all([
    column(client, PRINTER_OID.prtMarkerLifeCount),
    column(client, PRINTER_OID.prtInputMaxCapacity),
    column(client, PRINTER_OID.prtInputCurrentLevel),
    column(client, PRINTER_OID.prtInputName),
  ]);
  if (!marker.size && !life.size && !inName.size) return undefined;

  // Colorant names only when some supply links one (column 3 > 0): most printers leave the table out.
  const needColour = [...marker.values()].some((r) => (num(r.get(3)) ?? 0) > 0);
  const colorants = needColour ? await column(client, PRINTER_OID.prtMarkerColorantValue) : new Map<string, unknown>();

  // Ricoh leaves some rows blank (level 0 or none, no description) and fills them in its own toner table.
  const gaps: RicohGap[] = [];
  if (ricoh) {
    for (const [index, row] of marker) {
      const level = num(row.get(9));
      const gap = { row: lastArc(index), level: !level, name: !cleanDescription(toText(row.get(6)) ?? '').description };
      if (gap.level || gap.name) gaps.push(gap);
    }
  }
  const toners = await readRicohToners(client, gaps);

  const supplies: SupplyInfo[] = [];
  for (const [index, row] of marker) {
    const toner = toners.get(lastArc(index));
    let { description, partNumber } = cleanDescription(toText(row.get(6)) ?? '');
    if (!description && toner?.name) ({ description, partNumber } = cleanDescription(toner.name));
    if (!description) continue;
    const device = index.split('.')[0];
    const colorantIndex = num(row.get(3));
    const colorant = colorantIndex ? toText(colorants.get(`${device}.${colorantIndex}`)) : undefined;
    const level = !num(row.get(9)) && toner?.level !== undefined ? toner.level : num(row.get(9));
    const capacity = num(row.get(8));
    let type = supplyType(num(row.get(5)), description);
    if (type === 'other' && num(row.get(4)) === 4) type = 'wasteToner'; // receptacleThatIsFilled
    supplies.push({
      index: `marker.${index}`, description, type, colour: supplyColour(colorant, description),
      level, capacity, ...supplyLevel(level, capacity, o), ...(partNumber ? { partNumber } : {}),
    });
  }
  // Paper trays: a tray the printer does not name, or whose level it cannot tell, says nothing useful.
  for (const [index, nameValue] of inName) {
    const description = cleanDescription(toText(nameValue) ?? '').description;
    const level = num(inLevel.get(index));
    if (!description || level === undefined || level === -2) continue;
    const capacity = num(inMax.get(index));
    supplies.push({ index: `input.${index}`, description, type: 'paper', level, capacity, ...supplyLevel(level, capacity) });
  }

  const counts = [...life.values()].map(num).filter((n): n is number => n !== undefined && n >= 0);
  return { supplies, pageCount: counts.length ? counts.reduce((a, b) => a + b, 0) : undefined };
}
