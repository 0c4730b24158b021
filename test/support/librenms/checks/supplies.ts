// Printer supplies: every supply LibreNMS keeps (marker supplies and paper trays) is among Parc's, matched by
// description with the same current level; "some remaining" counts as LibreNMS's 50 %. Parc's supplies with a level
// that LibreNMS lacks count against agreement too (unknown levels are not compared: LibreNMS drops them).
import { nominalPercent } from '../../../../src/core/poll/modules/printer/supplies';
import type { FieldCheck } from './types';

export const supplyChecks: FieldCheck[] = [
  {
    field: 'supplies',
    applies: (c) => !c.osOnly && !!c.printerSupplies && c.printerSupplies.length > 0,
    judge: (c, p) => {
      const left = (p.supplies ?? []).map((s) => ({ d: s.description.trim(), v: nominalPercent(s) })).filter((s) => s.v !== undefined);
      const problems: string[] = [];
      for (const e of c.printerSupplies!) {
        const want = e.supply_current;
        const k = left.findIndex((s) => s.d === e.supply_descr.trim() && (want === undefined || s.v === want));
        if (k >= 0) {
          left.splice(k, 1);
          continue;
        }
        const same = (p.supplies ?? []).find((s) => s.description.trim() === e.supply_descr.trim());
        problems.push(same ? `${e.supply_descr}: ${want} %, got ${nominalPercent(same) ?? same.levelText}` : `${e.supply_descr}: missing`);
      }
      for (const s of left) problems.push(`${s.d}: extra (${s.v} %)`);
      return problems.length ? { agrees: false, detail: problems.slice(0, 4).join('; ') + (problems.length > 4 ? ` (+${problems.length - 4})` : '') } : { agrees: true };
    },
  },
];
