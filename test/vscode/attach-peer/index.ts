// extensionTestsPath of the attach phase's second window (test/vscode/attach-phase.ts): the same code-server,
// its own extension host, the same estate. Its results go to their own file.
import { runMocha } from '../mocha-run';

export function run(): Promise<void> {
  const e = JSON.parse(process.env.PARC_ATTACH ?? '{}') as { peerResults?: string };
  if (e.peerResults) process.env.PARC_VSCODE_RESULTS = e.peerResults;
  return runMocha(__dirname, 240_000);
}
