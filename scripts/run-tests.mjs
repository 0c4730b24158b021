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
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=2', '--test-reporter=spec', ...files], { stdio: 'inherit' });
// Then the extension-host suites in a real VS Code (code-server), unless narrowed to unit or integration.
const vscode = !only && !filter ? spawnSync(process.execPath, ['scripts/vscode/test.mjs'], { stdio: 'inherit' }) : { status: 0 };
process.exit(r.status || vscode.status || 0);
