// extensionTestsPath for the attached-apply check: runs apply.host.js with mocha inside the extension host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 90000 });
  mocha.addFile(path.join(__dirname, 'apply.host.js'));
  return new Promise((resolve, reject) => {
    const passes: string[] = [];
    const failures: string[] = [];
    const runner = mocha.run((failed) => {
      const out = process.env.PARC_SERVE_APPLY_RESULTS;
      if (out) fs.writeFileSync(out, JSON.stringify({ passed: passes.length, failed, passes, failures }, null, 2));
      if (failed) reject(new Error(`${failed} test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => passes.push(t.fullTitle()));
    runner.on('fail', (t, err) => failures.push(`${t.fullTitle()}: ${(err as Error)?.message}`));
  });
}
