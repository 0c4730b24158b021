// The same extension-host suites in desktop VS Code through @vscode/test-electron, for contributors on a
// machine with internet access (it downloads VS Code into .vscode-test/). CI uses run.ts (code-server).
//   npm run test:vscode:electron
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { startFleet } from './fleet';

const root = path.resolve(__dirname, '..', '..', '..');

async function suite(name: 'suite' | 'untrusted', trusted: boolean): Promise<void> {
  const fleet = await startFleet();
  const userData = mkdtempSync(path.join(os.tmpdir(), 'parc-electron-'));
  mkdirSync(path.join(userData, 'User'));
  writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({
    'security.workspace.trust.enabled': !trusted,
    'security.workspace.trust.startupPrompt': 'never',
    'telemetry.telemetryLevel': 'off',
  }));
  try {
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'vscode', name, 'index.js'),
      launchArgs: [fleet.workspace, '--disable-extensions', '--user-data-dir', userData, ...(trusted ? ['--disable-workspace-trust'] : [])],
      extensionTestsEnv: { ...fleet.env, PARC_VSCODE_RESULTS: path.join(userData, 'results.json') },
    });
  } finally {
    await fleet.stop();
    rmSync(userData, { recursive: true, force: true });
  }
}

suite('suite', true)
  .then(() => suite('untrusted', false))
  .then(() => process.exit(0), (e) => {
    console.error(`extension-host tests failed: ${(e as Error).message}`);
    process.exit(1);
  });
