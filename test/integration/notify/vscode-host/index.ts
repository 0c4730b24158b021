// extensionTestsPath for the alert delivery checks: runs delivery.host.js with mocha inside the extension host.
import * as path from 'node:path';
import { runHostFile } from '../../../vscode/mocha-run';

export function run(): Promise<void> {
  return runHostFile(path.join(__dirname, 'delivery.host.js'), 'PARC_ALERTS_VSCODE_RESULTS');
}
