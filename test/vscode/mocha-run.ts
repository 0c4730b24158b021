// Runs mocha inside the VS Code extension host (the module named by extensionTestsPath calls this).
// Resolves on success and rejects on failure, which VS Code turns into the run's exit code; the results
// are also written to PARC_VSCODE_RESULTS, a second channel the runner checks (no tests run = failure).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function runMocha(dir: string, timeoutMs = 60000): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: timeoutMs });
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(dir, f));
  // The deliberately failing test, to prove a failure fails the run (scripts/vscode/check-failing-run.sh).
  if (process.env.PARC_VSCODE_INCLUDE_FAILING === '1') mocha.addFile(path.join(__dirname, 'deliberately-failing.js'));
  const resultsFile = process.env.PARC_VSCODE_RESULTS;
  return new Promise((resolve, reject) => {
    const passes: string[] = [];
    const failures: string[] = [];
    const runner = mocha.run((failed) => {
      if (resultsFile) fs.writeFileSync(resultsFile, JSON.stringify({ suite: path.basename(dir), passed: passes.length, failed, passes, failures }, null, 2));
      console.log(`[parc-tests] ${passes.length} passed, ${failed} failed`);
      if (failed > 0) reject(new Error(`${failed} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => passes.push(t.fullTitle()));
    runner.on('fail', (t, err) => failures.push(`${t.fullTitle()}: ${(err as Error)?.message}`));
  });
}
