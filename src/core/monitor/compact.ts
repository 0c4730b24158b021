// A full garbage collection once a poll cycle is over, for the long-running front ends (parc watch, parc serve).
// A cycle over a few hundred devices makes tens of MB of short-lived garbage (SNMP PDUs, devices.json parsed and
// rewritten, reports); left to itself, V8 lets the old generation grow to several times the live set before it
// compacts, and the process's RSS drifts upward for tens of minutes (the 30-minute soak of issue 13: low points
// 130 → 200 MB while the live heap stayed at 37 MB). The process is idle until the next cycle, so collecting then
// (0.1–0.5 s on a loaded 2-core machine) costs nothing a cycle waits for and keeps RSS at the live set plus one
// cycle's garbage.
// Not for the extension host, which other extensions share.
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

let gc: (() => void) | undefined;

/** The collector's entry point (node's --expose-gc, enabled here for contexts made from now on). */
function collector(): () => void {
  if (gc) return gc;
  const own = (globalThis as { gc?: () => void }).gc;
  if (typeof own === 'function') return (gc = own);
  v8.setFlagsFromString('--expose-gc');
  gc = vm.runInNewContext('gc') as () => void;
  return gc;
}

/** Runs a full collection; returns how long it took (ms). */
export function collectGarbage(): number {
  const t = process.hrtime.bigint();
  collector()();
  return Number(process.hrtime.bigint() - t) / 1e6;
}
