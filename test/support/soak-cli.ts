// On-demand soak run (scripts/soak.sh): node out/test/support/soak-cli.js [--minutes 30] [--agents 200] [--interval 10]
//   [--no-gc: no forced collection before each memory line] [--snapshots DIR]: heap snapshots of the watcher at a sixth and at three quarters of the run (writing one stops it for seconds), written into DIR
import { runSoak, summary } from './soak';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
}

async function main(): Promise<number> {
  const interval = arg('interval', 10);
  const seconds = arg('minutes', 30) * 60;
  const si = process.argv.indexOf('--snapshots');
  const snapshotDir = si > 0 ? process.argv[si + 1] : undefined;
  const r = await runSoak({ seconds, gc: !process.argv.includes('--no-gc'), heapSnapshotsAt: snapshotDir ? [Math.round(seconds / 6), Math.round((seconds * 3) / 4)] : undefined, snapshotDir, agents: arg('agents', 200), intervalSeconds: interval, deadPercent: arg('dead', 20), hostilePercent: arg('hostile', 10), log: (l) => console.log(l) });
  console.log('--- summary');
  for (const l of summary(r, interval)) console.log(l);
  for (const f of r.snapshots) console.log(`heap snapshot: ${f}`);
  const overlaps = r.cycles.filter((c, i) => i > 0 && c.start < r.cycles[i - 1].end).length;
  const late = r.cycles.filter((c) => c.durationMs > interval * 1000).length;
  return overlaps || late || r.errors.length ? 1 : 0;
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(2);
});
