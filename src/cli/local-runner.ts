// Runs a command on this machine through `sh -c`, the way the SSH layer runs one on a host: lets `parc netplan
// check` ask the local netplan with the same code that asks a host's, and the tests use the real local tools.
import { spawn } from 'node:child_process';
import type { CommandRunner, ExecOptions, ExecResult } from '../core/ssh/runner';

export const localRunner: CommandRunner = {
  exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    return new Promise((resolve, reject) => {
      const child = spawn('sh', ['-c', command], { stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      const t = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
      child.on('error', reject);
      child.on('close', (code, signal) => {
        if (t) clearTimeout(t);
        resolve({ code, signal: signal ?? undefined, stdout, stderr });
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.stdin ?? '');
    });
  },
};
