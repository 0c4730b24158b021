// Starts code-server with Parc installed from its VSIX on a workspace and prints the URL; Ctrl-C stops it.
//   node out/test/vscode/open-demo.js --code-server DIR --vsix FILE [WORKSPACE_DIR | path/to/parc.yaml]
// Without a workspace, starts a small estate of its own on loopback (two snmpd, one snmpsim recording).
// Credentials reach the extension through the caller's PARC_CRED_* variables. PORT picks the port.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { startCodeServer } from './code-server';
import { startFleet, type Fleet } from './fleet';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const opt = (n: string) => (argv.includes(n) ? argv.splice(argv.indexOf(n), 2)[1] : undefined);
  const csDir = opt('--code-server');
  const vsix = opt('--vsix');
  if (!csDir || !vsix) throw new Error('usage: open-demo.js --code-server DIR --vsix FILE [WORKSPACE_DIR | parc.yaml]');
  let fleet: Fleet | undefined;
  let workspace: string;
  if (argv[0]) {
    const target = path.resolve(argv[0]);
    let isDir: boolean;
    try {
      isDir = statSync(target).isDirectory();
    } catch {
      throw new Error(`${target} does not exist (give a workspace folder or its parc.yaml)`);
    }
    workspace = isDir ? target : path.dirname(target);
  } else {
    fleet = await startFleet({ settings: { 'parc.schedule.pollMinutes': 1, 'parc.notifications': 'down' } });
    workspace = fleet.workspace;
    console.log(`demo estate: ${fleet.agents.map((a) => `${a.name} on 127.0.0.1:${a.port}`).join(', ')}`);
  }
  const logDir = path.resolve(__dirname, '..', '..', '..', '.tmp', 'vscode-demo');
  const cs = await startCodeServer({ codeServerDir: csDir, logDir, install: [path.resolve(vsix)], env: fleet?.env ?? {}, port: process.env.PORT ? Number(process.env.PORT) : undefined });
  const stop = async () => {
    await cs.stop();
    await fleet?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  console.log(`\nParc in VS Code (code-server) with ${path.join(workspace, 'parc.yaml')}:\n\n  ${cs.url(workspace)}\n\nOpen it in a browser on this machine; the Parc icon is in the activity bar. Ctrl-C stops it (logs: ${logDir}).`);
  await new Promise(() => undefined);
}

main().catch((e) => {
  console.error(`open-demo: ${(e as Error).message}`);
  process.exit(1);
});
