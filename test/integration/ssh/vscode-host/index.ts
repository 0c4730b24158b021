// extensionTestsPath for the remote-files check: runs remote-files.host.js with mocha inside the extension host.
import * as path from 'node:path';
import { runHostFile } from '../../../vscode/mocha-run';

export function run(): Promise<void> {
  return runHostFile(path.join(__dirname, 'remote-files.host.js'), 'PARC_REMOTE_VSCODE_RESULTS');
}
