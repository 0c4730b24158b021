// extensionTestsPath of the "attach" phase (test/vscode/attach-phase.ts): a window on an estate that a real
// `parc serve` polls, then attached to that server.
import { runMocha } from '../mocha-run';

export function run(): Promise<void> {
  return runMocha(__dirname);
}
