// Lines of snmpd.conf shown by the server's preview (a diff in an API answer) never carry a community or a
// createUser passphrase, even commented out; everything else on the line stays readable.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { maskSnmpdSecrets } from '../../../src/core/snmpdconf/apply-host';

describe('maskSnmpdSecrets', () => {
  it('hides the community of every directive that has one, and keeps the rest of the line', () => {
    const cases: [string, string][] = [
      ['rocommunity s3cret-1 127.0.0.1 -V all   # monitoring', 'rocommunity *** 127.0.0.1 -V all   # monitoring'],
      ['  rwcommunity6 s3cret-2 ::1', '  rwcommunity6 *** ::1'],
      ['com2sec local 127.0.0.1/32 s3cret-3', 'com2sec local 127.0.0.1/32 ***'],
      ['com2sec -Cn ctx local default s3cret-4', 'com2sec -Cn ctx local default ***'],
      ['trap2sink 198.18.0.5 s3cret-5 162', 'trap2sink 198.18.0.5 *** 162'],
      ['informsink 198.18.0.5 s3cret-6', 'informsink 198.18.0.5 ***'],
      ['trapcommunity s3cret-7', 'trapcommunity ***'],
      ['authcommunity log,execute s3cret-8 default', 'authcommunity log,execute *** default'],
      ['createUser parcv3 SHA-256 s3cret-9 AES s3cret-10', 'createUser parcv3 SHA-256 ***'],
      ['createUser -e 0x8000 parcv3 SHA s3cret-11 AES s3cret-12', 'createUser -e 0x8000 ***'],
      ['#rocommunity s3cret-13 10.0.0.0/8   # retired', '#rocommunity *** 10.0.0.0/8   # retired'],
      ['# trap2sink 198.18.0.5 s3cret-14', '# trap2sink 198.18.0.5 ***'],
    ];
    for (const [line, want] of cases) {
      assert.equal(maskSnmpdSecrets(line), want);
      assert.doesNotMatch(maskSnmpdSecrets(line), /s3cret/);
    }
  });

  it('leaves lines without a secret as they are', () => {
    for (const l of ['rouser parcv3 priv -V all', 'sysLocation Bay 3 [48.8566, 2.3522]', '# the rocommunity lines below', 'agentAddress udp:161']) assert.equal(maskSnmpdSecrets(l), l);
  });
});
