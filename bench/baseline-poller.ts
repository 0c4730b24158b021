// Parc 0.1's poller, built from git, so that the poll benchmark measures today's poller against it in the same run,
// on the same agents, cycle for cycle: on a shared machine only ratios taken in one run mean anything.
// 0.1 is the commit before the device-knowledge work (issue 10); BENCH_BASELINE_REF picks another.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Poller, PollTarget } from '../src/core/poll/poller';
import type { SecretSource } from '../src/core/host';

export const BASELINE_REF = process.env.BENCH_BASELINE_REF ?? '73b22d2c6d615f49bba4c2b2c49c326064d80be6';

export interface BaselinePoller {
  ref: string;
  create(options: { secrets: SecretSource; concurrency: number }): Poller;
}

/** The poller of `ref`, or why it cannot be built (no git history in this checkout, e.g. a source tarball). */
export async function loadBaselinePoller(root: string, ref = BASELINE_REF): Promise<BaselinePoller | string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-baseline-'));
  try {
    try {
      const tar = execFileSync('git', ['-C', root, 'archive', '--format=tar', ref, 'src'], { maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
      execFileSync('tar', ['-x', '-C', dir], { input: tar });
    } catch (err) {
      return `git cannot give ${ref.slice(0, 12)} (${((err as { stderr?: Buffer }).stderr?.toString() || (err as Error).message).trim().split('\n')[0]})`;
    }
    const { build } = await import('esbuild');
    const outfile = path.join(dir, 'baseline-poller.js');
    await build({
      entryPoints: [path.join(dir, 'src/core/poll/poller.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20',
      logLevel: 'error', nodePaths: [path.join(root, 'node_modules')],
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(outfile) as { SnmpPoller: new (o: { secrets: SecretSource; concurrency: number }) => { poll(t: PollTarget[]): Promise<unknown[]> } };
    return { ref, create: (o) => new mod.SnmpPoller(o) as unknown as Poller };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
