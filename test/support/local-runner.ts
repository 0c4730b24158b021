// Runs commands on this machine through `sh -c`, as the SSH layer runs them on a host: lets the netplan and
// snmpd.conf code be tested against the real local tools.
import { spawn } from 'node:child_process';
import type { CommandRunner, ExecOptions, ExecResult } from '../../src/core/ssh/runner';

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
      child.stdin.end(options.stdin ?? '');
    });
  },
};
