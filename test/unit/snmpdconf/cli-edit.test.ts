import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/context';

const FIX = path.resolve(__dirname, '../../../../test/fixtures/snmpdconf');

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  let out = '';
  let err = '';
  const io: CliIO = { out: (x) => (out += x + '\n'), err: (x) => (err += x + '\n'), env: { PARC_CREDENTIALS: '', ...env }, cwd: FIX };
  const code = await main(args, io, new AbortController().signal);
  return { code, out, err };
}

describe('parc snmpd edit', () => {
  it('prints the edited file and lists the changes on stderr', async () => {
    const r = await run(['snmpd', 'edit', '--file', 'lab.conf', '--community', 'corp1', '--source', '198.18.0.0/15', '--extend', 'observium', '--location', 'Rack 9', '--coordinates', '45.76,4.84']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^rocommunity corp1 198\.18\.0\.0\/15$/m);
    assert.match(r.out, /^sysLocation Rack 9 \[45\.76, 4\.84\]$/m);
    assert.match(r.out, /^extend \.1\.3\.6\.1\.4\.1\.2021\.7890\.4 serial /m);
    assert.match(r.err, /change: added rocommunity \(community hidden\) for source 198\.18\.0\.0\/15/);
  });

  it('takes the community from a stored credential', async () => {
    const r = await run(['snmpd', 'edit', '--file', 'lab.conf', '--community-credential', 'corp-ro', '--source', '198.18.0.0/15'], { PARC_CRED_CORP_RO: 'fromstore9' });
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^rocommunity fromstore9 198\.18\.0\.0\/15$/m);
    const missing = await run(['snmpd', 'edit', '--file', 'lab.conf', '--community-credential', 'nope']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no secret stored for credential "nope" \(set PARC_CRED_NOPE\)/);
  });

  it('exits 1 with the reason on bad input', async () => {
    const r = await run(['snmpd', 'edit', '--file', 'lab.conf', '--community', 'x', '--source', 'not a cidr/99']);
    assert.equal(r.code, 1);
    assert.match(r.err, /--source "not a cidr\/99"/);
    const missing = await run(['snmpd', 'edit', '--file', 'nope.conf']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /cannot read nope\.conf: ENOENT/);
  });
});
