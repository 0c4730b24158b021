// The extension-host tests in a real VS Code, as `npm test` runs them: installs code-server offline-safe
// into the cache (once), packages the VSIX (`npm run package`), runs the trusted and Restricted Mode
// suites and takes the sidebar screenshot from the installed VSIX (screenshots/parc-sidebar.png).
// Expects `npm run build` and `npm run compile-tests` to have run. PARC_SKIP_VSCODE=1 skips it (logged).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (process.env.PARC_SKIP_VSCODE === '1') {
  console.log('vscode tests: skipped (PARC_SKIP_VSCODE=1)');
  process.exit(0);
}
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts });
if (!existsSync('out/test/vscode/run.js')) {
  console.error('vscode tests: out/test/vscode/run.js is missing; run npm run compile-tests first');
  process.exit(1);
}
const install = spawnSync('bash', ['scripts/vscode/install-code-server.sh'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
if (install.status !== 0) {
  console.error('vscode tests: installing code-server failed');
  process.exit(1);
}
const codeServerDir = install.stdout.trim().split('\n').pop();
const pack = run('npm', ['run', '--silent', 'package']);
if (pack.status !== 0) {
  console.error('vscode tests: npm run package failed');
  process.exit(1);
}
// As root, the run happens in a fresh network namespace with only loopback: proof that nothing is fetched
// at test time (agents, code-server and Chromium all live on 127.0.0.1). PARC_VSCODE_NETNS=0 turns it off.
const netns = process.getuid?.() === 0 && process.env.PARC_VSCODE_NETNS !== '0' && spawnSync('unshare', ['-n', 'true']).status === 0;
const runner = [process.execPath, 'out/test/vscode/run.js', '--vsix', 'parc.vsix', '--screenshot', 'screenshots/parc-sidebar.png', ...process.argv.slice(2)];
console.log(`vscode tests: ${netns ? 'offline (network namespace with loopback only)' : 'with the host network'}`);
const r = netns
  ? run('unshare', ['-n', 'bash', '-c', 'ip link set lo up && exec "$@"', '_', ...runner], { env: { ...process.env, CODE_SERVER_DIR: codeServerDir } })
  : run(runner[0], runner.slice(1), { env: { ...process.env, CODE_SERVER_DIR: codeServerDir } });
if (r.status !== 0 || process.argv.includes('--only')) process.exit(r.status ?? 1);
// The device page and the dashboard webviews: graphs drawn, CSP blocking remote loads, screenshots.
const webviews = [process.execPath, 'out/test/vscode/webviews-screenshot.js'];
const w = netns
  ? run('unshare', ['-n', 'bash', '-c', 'ip link set lo up && exec "$@"', '_', ...webviews], { env: { ...process.env, CODE_SERVER_DIR: codeServerDir } })
  : run(webviews[0], webviews.slice(1), { env: { ...process.env, CODE_SERVER_DIR: codeServerDir } });
if (w.status !== 0) process.exit(w.status ?? 1);
// The demo in VS Code after three polls: the README's screenshots (media/screenshots/demo-*.png) and a real
// window reload bringing the device page back with its range.
const demo = [process.execPath, 'out/test/vscode/demo-screenshots.js'];
const d = netns
  ? run('unshare', ['-n', 'bash', '-c', 'ip link set lo up && exec "$@"', '_', ...demo], { env: { ...process.env, CODE_SERVER_DIR: codeServerDir } })
  : run(demo[0], demo.slice(1), { env: { ...process.env, CODE_SERVER_DIR: codeServerDir } });
process.exit(d.status ?? 1);
