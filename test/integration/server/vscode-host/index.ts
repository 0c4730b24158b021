// extensionTestsPath for the attached-apply check: runs apply.host.js with mocha inside the extension host.
import * as path from 'node:path';
import { runHostFile } from '../../../vscode/mocha-run';

export function run(): Promise<void> {
  return runHostFile(path.join(__dirname, 'apply.host.js'), 'PARC_SERVE_APPLY_RESULTS', 90000);
}
