// extensionTestsPath of the Restricted Mode run (workspace trust enabled, folder not trusted).
import { runMocha } from '../mocha-run';

export function run(): Promise<void> {
  return runMocha(__dirname);
}
