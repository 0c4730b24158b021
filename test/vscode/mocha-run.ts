// Runs mocha inside the VS Code extension host (the module named by extensionTestsPath calls this).
// Resolves on success and rejects on failure, which VS Code turns into the run's exit code; the results
// are also written to PARC_VSCODE_RESULTS, a second channel the runner checks (no tests run = failure).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function runMocha(dir: string, timeoutMs = 60000): Promise<void> {
  const files = fs.readdirSync(dir).sort().filter((f) => f.endsWith('.test.js')).map((f) => path.join(dir, f));
  // The deliberately failing test, to prove a failure fails the run (scripts/vscode/check-failing-run.sh).
  if (process.env.PARC_VSCODE_INCLUDE_FAILING === '1') files.push(path.join(__dirname, 'deliberately-failing.js'));
  return runFiles(files, path.basename(dir), process.env.PARC_VSCODE_RESULTS, timeoutMs);
}

/** One host suite file of an integration test (test/integration/<area>/vscode-host/), results to env[resultsEnv]. */
export function runHostFile(file: string, resultsEnv: string, timeoutMs = 60000): Promise<void> {
  return runFiles([file], path.basename(file, '.js'), process.env[resultsEnv], timeoutMs);
}

function runFiles(files: string[], suite: string, resultsFile: string | undefined, timeoutMs: number): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: timeoutMs });
  for (const f of files) mocha.addFile(f);
  return new Promise((resolve, reject) => {
    const passes: string[] = [];
    const failures: string[] = [];
    const runner = mocha.run((failed) => {
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ suite, passed: passes.length, failed, passes, failures }, null, 2));
      console.log(`[parc-tests] ${passes.length} passed, ${failed} failed`);
      if (failed > 0) reject(new Error(`${failed} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => passes.push(t.fullTitle()));
    runner.on('fail', (t, err) => failures.push(`${t.fullTitle()}: ${(err as Error)?.message}`));
  });
}
