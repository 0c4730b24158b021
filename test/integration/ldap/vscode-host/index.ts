// extensionTestsPath for the Directory view check: runs directory-view.host.js with mocha inside the extension host.
import * as path from 'node:path';
import { runHostFile } from '../../../vscode/mocha-run';

export function run(): Promise<void> {
  return runHostFile(path.join(__dirname, 'directory-view.host.js'), 'PARC_LDAP_VSCODE_RESULTS');
}
