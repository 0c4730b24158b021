// LibreNMS's device recordings and what LibreNMS's own tests expect for each (../shared/corpus/librenms, GPL test
// data read in place, never copied into the repository). Serves every recording with snmpsim and polls it with
// Parc's poller, so each field can be compared with LibreNMS's expectation.
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { SnmpPoller } from '../../../src/core/poll/poller';
import type { DevicePoll } from '../../../src/core/poll/types';
import type { SnmpProfile } from '../../../src/core/inventory/types';
import { MapSecrets } from '../estate';
import { CORPUS, startSnmpsim } from '../snmpsim';

/**
 * The corpus folder: ../shared/corpus/librenms, or another set of recordings in the same layout (expected.json and
 * the .snmprec files it names) given by PARC_LIBRENMS_CORPUS, to measure Parc on recordings outside the corpus.
 */
export const OTHER_CORPUS = process.env.PARC_LIBRENMS_CORPUS ? path.resolve(process.env.PARC_LIBRENMS_CORPUS) : undefined;
export const LIBRENMS_DIR = OTHER_CORPUS ?? path.join(CORPUS, 'librenms');

/** One case of expected.json (see its fieldNotes); null = LibreNMS's test does not cover that field. */
export interface LibrenmsCase {
  file: string;
  community: string;
  family: string;
  librenmsOs: string;
  sysName: string | null;
  sysDescr: string | null;
  sysObjectID: string | null;
  hardware: string | null;
  version: string | null;
  serial: string | null;
  ports: { count: number; names: (string | null)[]; ifDescr: (string | null)[]; ifIndex: (number | null)[] } | null;
  storage: string[] | null;
  processors: number | null;
  mempools: number | null;
  sensors: { sensor_class: string; sensor_descr: string | null; sensor_current: number | null; sensor_limit?: number; sensor_limit_low?: number }[] | null;
  printerSupplies: { supply_descr: string; supply_current?: number; supply_capacity?: number }[] | null;
  modules: string[];
  notes: string[];
  /** Only OS detection is expected (os-detection/ recordings). */
  osOnly?: boolean;
}

export function corpusPresent(): boolean {
  return existsSync(path.join(LIBRENMS_DIR, 'expected.json'));
}

export function loadCases(): LibrenmsCase[] {
  const d = JSON.parse(readFileSync(path.join(LIBRENMS_DIR, 'expected.json'), 'utf8')) as { cases: LibrenmsCase[]; osDetectionOnly?: LibrenmsCase[] };
  return [...d.cases, ...(d.osDetectionOnly ?? []).map((c) => ({ ...c, osOnly: true }))];
}

/**
 * The instant LibreNMS's expectations were computed at: its module tests run with the clock set to
 * 2022-01-01T00:00:00Z, and every value it derives from a date in a recording (minutes since a UPS battery was
 * replaced, until its recommended replacement) is counted from then — five such values in three recordings all
 * agree on it. Parc counts those from its poll time, so the corpus is polled with the clock at that instant
 * (running forward from there), and a date-derived reading is compared at the same moment.
 */
export const LIBRENMS_TEST_CLOCK = Date.UTC(2022, 0, 1);

/** Serves every recording with one snmpsim and polls each with its own community. */
export async function pollCorpus(cases: LibrenmsCase[], o: { concurrency?: number } = {}): Promise<Map<string, DevicePoll>> {
  const sim = await startSnmpsim({ files: cases.map((c) => path.join(LIBRENMS_DIR, c.file)) });
  try {
    const profile = (community: string): SnmpProfile => ({ name: community, version: '2c', credential: community, timeoutMs: 5000, retries: 2 });
    const targets = cases.map((c) => ({
      device: { host: '127.0.0.1', port: sim.port, name: c.community, line: 0 },
      profile: profile(c.community),
    }));
    const t0 = Date.now();
    const now = () => LIBRENMS_TEST_CLOCK + (Date.now() - t0);
    const poller = new SnmpPoller({ secrets: new MapSecrets(Object.fromEntries(cases.map((c) => [c.community, c.community]))), concurrency: o.concurrency ?? 8, now });
    // The comparison measures what Parc knows of a device, not how fast one snmpsim process answers 8 pollers on a
    // loaded machine: a generous budget, and a device whose poll was cut (budget) or lost requests (timeout) is
    // polled once more on its own.
    const out = new Map<string, DevicePoll>();
    for (const p of await poller.poll(targets, { deviceBudgetMs: 300_000 })) out.set(p.name!, p);
    const cut = (p: DevicePoll) => p.errorKind === 'budget' || p.errorKind === 'timeout' || Object.values(p.moduleErrors ?? {}).some((m) => /timeout|timed out|budget|poll cut/i.test(m));
    for (const t of targets) {
      const first = out.get(t.device.name);
      if (first && !cut(first)) continue;
      const again = await poller.pollOne(t, undefined, 300_000);
      console.log(`# librenms corpus: ${t.device.name} polled again alone (first poll: ${first?.errorKind ?? Object.keys(first?.moduleErrors ?? {}).join(',')}; now: ${again.errorKind ?? again.status})`);
      out.set(t.device.name, again);
    }
    return out;
  } finally {
    await sim.stop();
  }
}
