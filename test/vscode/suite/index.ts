// extensionTestsPath of the main run (trusted workspace): every *.test.js in this folder.
import { runMocha } from '../mocha-run';

export function run(): Promise<void> {
  return runMocha(__dirname);
}
