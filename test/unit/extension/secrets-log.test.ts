// The extension's credentials (SecretStorage first, then PARC_CRED_* variables) and its log redaction,
// exercised without VS Code: both only need objects shaped like SecretStorage and LogOutputChannel.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { ChannelLogger } from '../../../src/extension/log';
import { ExtensionSecrets } from '../../../src/extension/secrets';

function storage(initial: Record<string, string> = {}): vscode.SecretStorage {
  const m = new Map(Object.entries(initial));
  return {
    get: async (k: string) => m.get(k),
    store: async (k: string, v: string) => void m.set(k, v),
    delete: async (k: string) => void m.delete(k),
    keys: async () => [...m.keys()],
    onDidChange: () => ({ dispose() {} }),
  } as unknown as vscode.SecretStorage;
}

function channel(lines: string[]): vscode.LogOutputChannel {
  const put = (level: string) => (m: string) => lines.push(`${level} ${m}`);
  return { debug: put('debug'), info: put('info'), warn: put('warn'), error: put('error'), trace: put('trace') } as unknown as vscode.LogOutputChannel;
}

describe('extension secrets and log', () => {
  it('SecretStorage wins over the PARC_CRED_ variable, which is the fallback', async () => {
    const s = new ExtensionSecrets(storage({ 'parc.credential.lab': 'from-storage' }), { PARC_CRED_LAB: 'from-env', PARC_CRED_OFFICE_V2: 'office-env' });
    assert.equal(await s.get('lab'), 'from-storage');
    assert.equal(await s.get('office-v2'), 'office-env');
    assert.equal(await s.get('missing'), undefined);
    await s.set('office-v2', 'stored-now');
    assert.equal(await s.get('office-v2'), 'stored-now');
  });

  it('then the CLI\'s credentials file (PARC_CREDENTIALS), refused when others can read it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-ext-cred-'));
    const file = path.join(dir, 'credentials');
    writeFileSync(file, '# demo\nlab = from-file\nv3: pass-from-file\n');
    chmodSync(file, 0o600);
    const s = new ExtensionSecrets(storage(), { PARC_CREDENTIALS: file, PARC_CRED_V3: 'env-wins' });
    assert.equal(await s.get('lab'), 'from-file');
    assert.equal(await s.get('v3'), 'env-wins');
    chmodSync(file, 0o644);
    await assert.rejects(new ExtensionSecrets(storage(), { PARC_CREDENTIALS: file }).get('lab'), /readable by others/);
  });

  it('the log redacts every secret handed out or stored, at every level', async () => {
    const s = new ExtensionSecrets(storage({ 'parc.credential.lab': 's3cret-community' }), { PARC_CRED_V3: 'auth-passphrase' });
    await s.get('lab');
    await s.get('v3');
    await s.set('new', 'typed-in-secret');
    const lines: string[] = [];
    const log = new ChannelLogger(channel(lines), () => s.known());
    log.info('community s3cret-community refused');
    log.error('auth-passphrase and typed-in-secret leaked?');
    log.warn('nothing secret here');
    assert.deepEqual(lines, ['info community *** refused', 'error *** and *** leaked?', 'warn nothing secret here']);
    assert.equal(log.clean('x s3cret-community y'), 'x *** y');
  });
});
