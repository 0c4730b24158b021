// LSI/Avago/Broadcom MegaRAID controllers through their snmpd subagent (LSI-MegaRAID-SAS-MIB, 3582.4.1.4):
// per controller the virtual/critical/failed disk counts, the ROC temperature and the alarm setting; per
// physical disk its media, other and predictive-failure error counts and temperature; per BBU its temperature,
// charger and replacement flag. Runs only on hosts whose agent showed the subtree at discovery (registry).
import type { SensorInfo } from '../../types';
import { addSensors, num, readTables, text, type SensorDraft, type SensorModule, type TableSpec } from './common';

type States = Record<number, [string, SensorInfo['status']]>;
export const LSI_MEGARAID = '1.3.6.1.4.1.3582.4.1.4';
const ADP = `${LSI_MEGARAID}.1.2.1`;
const BBU = `${LSI_MEGARAID}.1.6.2.1`;
const PD = `${LSI_MEGARAID}.2.1.2.1`;
const ALARM: States = { 0: ['disabled', 'ok'], 1: ['enabled', 'ok'] };
export const BBU_CHARGER: States = { [-1]: ['n/a', 'ok'], 0: ['off', 'warning'], 1: ['complete', 'ok'], 2: ['progress', 'ok'] };
export const BBU_REPLACE: States = { [-1]: ['n/a', 'ok'], 0: ['no', 'ok'], 1: ['replace battery', 'critical'] };

/** A disk by its storcli path when the agent gives controller and slot, else by device id and enclosure. */
export function diskName(r: Map<number, unknown>, i: string): string {
  const [adp, encl, slot, dev] = [num(r.get(22)), num(r.get(18)), num(r.get(20)), num(r.get(2))];
  if (adp !== undefined && encl !== undefined && slot !== undefined) return `/c${adp}/e${encl}/s${slot}`;
  return `Disk ${dev ?? i}${encl !== undefined ? ` (enclosure ${encl})` : ''}`;
}
const pd = (col: number, cls: 'count' | 'temperature', what: string, key: string): TableSpec => ({
  entry: PD, class: cls, name: (r, i) => `${diskName(r, i)}${what}`, value: col, extra: [2, 18, 20, 22], key,
});
const adp = (col: number, cls: 'count' | 'temperature' | 'state', what: string, key: string, states?: States): TableSpec => ({
  entry: ADP, class: cls, name: () => what, value: col, states, key,
});

export const LSI_TABLES: TableSpec[] = [
  adp(18, 'count', 'Virtual disks', 'vd'),
  adp(19, 'count', 'Virtual disk degraded', 'vd.degraded'),
  { ...adp(23, 'count', 'Critical disks', 'pd.critical'), limits: {} },
  adp(24, 'count', 'Failed disks', 'pd.failed'),
  adp(42, 'temperature', 'Controller', 'roc'),
  adp(4, 'state', 'Alarm', 'alarm', ALARM),
  pd(7, 'count', ' Media Errors', 'media'),
  pd(8, 'count', ' Other Errors', 'other'),
  pd(9, 'count', ' Predictive Failures', 'predfail'),
  pd(36, 'temperature', '', 'pd'),
  { entry: BBU, class: 'temperature', name: () => 'BBU', value: 16, key: 'bbu' },
  { entry: BBU, class: 'state', name: () => 'BBU charger', value: 20, states: BBU_CHARGER, key: 'bbu.charger' },
  { entry: BBU, class: 'state', name: () => 'BBU replacement', value: 27, states: BBU_REPLACE, key: 'bbu.replace' },
];

/** Failed and critical disks alarm at one; several controllers get their number in the name. */
export function lsiFinish(drafts: SensorDraft[], adapters: number): SensorDraft[] {
  return drafts.map((d) => {
    const id = String(d.index).split('.').pop();
    const perAdapter = /^(vd|pd\.critical|pd\.failed|roc|alarm)\./.test(String(d.index));
    const out: SensorDraft = { ...d };
    if (/^pd\.(critical|failed)\./.test(String(d.index))) out.limitHigh = 1;
    if (perAdapter && adapters > 1) out.description = `${d.description} (controller ${id})`;
    return out;
  });
}

export const lsiMegaraidModule: SensorModule = {
  name: 'sensors.lsi-megaraid', stage: 'vendor', os: ['linux', 'windows', 'freebsd'],
  async run(c, out) {
    const drafts = await readTables(c, LSI_TABLES);
    const adapters = new Set(drafts.filter((d) => String(d.index).startsWith('vd.')).map((d) => d.index)).size;
    addSensors(out, 'lsi', lsiFinish(drafts, adapters).map((d) => ({ ...d, description: text(d.description) ?? d.description })));
  },
};
