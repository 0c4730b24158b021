// Runs the compiled test files with node's test runner: unit tests, then tests against real agents.
// `--only unit|integration` narrows the run; PARC_TEST_FILTER=regex selects files by path.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function find(dir) {
  let out = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(find(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out.sort();
}

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const filter = process.env.PARC_TEST_FILTER ? new RegExp(process.env.PARC_TEST_FILTER) : undefined;
const suites = ['unit', 'integration'].filter((s) => !only || s === only);
const files = suites.flatMap((s) => find(join('out', 'test', s))).filter((f) => !filter || filter.test(f));
if (!files.length) {
  console.error('run-tests: no test files found (did compile-tests run?)');
  process.exit(1);
}
// The integration suites that drive a real VS Code extension host need code-server: installed (once, into the cache)
// before them, so a fresh machine runs them instead of skipping them. If it cannot be installed they say so and skip.
const env = { ...process.env };
if (files.some((f) => f.includes(join('out', 'test', 'integration'))) && !env.CODE_SERVER_DIR) {
  const cs = spawnSync('bash', ['scripts/vscode/install-code-server.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const dir = cs.stdout?.trim().split('\n').pop();
  if (cs.status === 0 && dir) env.CODE_SERVER_DIR = dir;
  else console.error('run-tests: code-server could not be installed; the extension-host integration tests will skip');
}
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', '--test-reporter=spec', ...files], { stdio: 'inherit', env });
// Then the extension-host suites in a real VS Code (code-server), unless narrowed to unit or integration.
const vscode = !only && !filter ? spawnSync(process.execPath, ['scripts/vscode/test.mjs'], { stdio: 'inherit' }) : { status: 0 };
process.exit(r.status || vscode.status || 0);
