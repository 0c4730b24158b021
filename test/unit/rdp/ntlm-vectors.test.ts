// NTLM against the published test vectors: MD4 (RFC 1320 A.5), RC4 (well-known ARCFOUR vectors) and
// MS-NLMP 4.2.4 (NTLMv2 authentication: responses, keys, and the GSS_WrapEx sealing example).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { md4 } from '../../../src/core/rdp/ntlm/md4';
import { rc4, Rc4 } from '../../../src/core/rdp/ntlm/rc4';
import { ntHash, ntowfv2, sealKey, signKey } from '../../../src/core/rdp/ntlm/crypto';
import { authenticateMessage, avPairs, negotiateMessage, parseChallenge, splitUser } from '../../../src/core/rdp/ntlm/client';
import { NtlmSessionSecurity } from '../../../src/core/rdp/ntlm/session-security';
import { NTLM } from '../../../src/core/rdp/ntlm/flags';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const h = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('MD4 (RFC 1320 appendix A.5)', () => {
  const vectors: Array<[string, string]> = [
    ['', '31d6cfe0d16ae931b73c59d7e0c089c0'],
    ['a', 'bde52cb31de33e46245e05fbdbd6fb24'],
    ['abc', 'a448017aaf21d8525fc10ae87aa6729d'],
    ['message digest', 'd9130a8164549fe818874806e1c7014b'],
    ['abcdefghijklmnopqrstuvwxyz', 'd79e1c308aa5bbcdeea8ed63df412da9'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', '043f8582f241db351ce627e153e7f0e4'],
    ['12345678901234567890123456789012345678901234567890123456789012345678901234567890', 'e33b4ddc9c38f2199c3e7b164fcc0536'],
  ];
  for (const [input, digest] of vectors) it(`MD4("${input.slice(0, 20)}${input.length > 20 ? '…' : ''}")`, () => assert.equal(hex(md4(Buffer.from(input))), digest));
});

describe('RC4', () => {
  it('classic vectors', () => {
    assert.equal(hex(rc4(Buffer.from('Key'), Buffer.from('Plaintext'))), 'bbf316e8d940af0ad3');
    assert.equal(hex(rc4(Buffer.from('Wiki'), Buffer.from('pedia'))), '1021bf0420');
    assert.equal(hex(rc4(Buffer.from('Secret'), Buffer.from('Attack at dawn'))), '45a01f645fc35b383552544b9bf5');
  });
  it('a stateful stream equals one pass over the concatenation', () => {
    const s = new Rc4(Buffer.from('Secret'));
    assert.equal(hex(Buffer.concat([s.update(Buffer.from('Attack')), s.update(Buffer.from(' at dawn'))])), '45a01f645fc35b383552544b9bf5');
  });
});

describe('MS-NLMP 4.2.4 NTLMv2 authentication', () => {
  // 4.2.1: User "User", UserDom "Domain", Passwd "Password", RandomSessionKey 55.., ClientChallenge aa..,
  // ServerChallenge 0123456789abcdef, Time 0; 4.2.4: challenge flags e28a8233, target info Domain/Server.
  const targetInfo = h('02000c0044006f006d00610069006e00 01000c00530065007200760065007200 00000000');
  const challengeRaw = (() => {
    const b = Buffer.alloc(56);
    Buffer.from('NTLMSSP\0', 'latin1').copy(b, 0);
    b.writeUInt32LE(2, 8);
    const name = Buffer.from('Server', 'utf16le');
    b.writeUInt16LE(name.length, 12);
    b.writeUInt16LE(name.length, 14);
    b.writeUInt32LE(56, 16);
    b.writeUInt32LE(0xe28a8233, 20);
    h('0123456789abcdef').copy(b, 24);
    b.writeUInt16LE(targetInfo.length, 40);
    b.writeUInt16LE(targetInfo.length, 42);
    b.writeUInt32LE(56 + name.length, 44);
    h('0601b01d0000000f').copy(b, 48);
    return Buffer.concat([b, name, targetInfo]);
  })();

  it('NT hash and NTOWFv2 (ResponseKeyNT)', () => {
    assert.equal(hex(ntHash('Password')), 'a4f49c406510bdcab6824ee7c30fd852');
    assert.equal(hex(ntowfv2('User', 'Domain', 'Password')), '0c868a403bfd7a93a3001ef22ef02e3f');
  });

  it('AUTHENTICATE: LMv2 and NTLMv2 responses, encrypted session key, as published', () => {
    const ch = parseChallenge(challengeRaw);
    assert.equal(ch.targetName, 'Server');
    assert.deepEqual([...avPairs(ch.targetInfo).entries()].map(([k, v]) => [k, v.toString('utf16le')]), [[2, 'Domain'], [1, 'Server']]);
    const r = authenticateMessage(negotiateMessage(), ch, { user: 'Domain\\User', password: 'Password' }, { clientChallenge: h('aaaaaaaaaaaaaaaa'), exportedSessionKey: Buffer.alloc(16, 0x55), now: -11644473600000 });
    const m = r.message;
    const fieldAt = (at: number) => m.subarray(m.readUInt32LE(at + 4), m.readUInt32LE(at + 4) + m.readUInt16LE(at));
    assert.equal(hex(fieldAt(12)), '86c35097ac9cec102554764a57cccc19aaaaaaaaaaaaaaaa');
    assert.equal(hex(fieldAt(20)), '68cd0ab851e51c96aabc927bebef6a1c' + '0101000000000000' + '0000000000000000' + 'aaaaaaaaaaaaaaaa' + '00000000' + hex(targetInfo) + '00000000');
    assert.equal(fieldAt(28).toString('utf16le'), 'Domain');
    assert.equal(fieldAt(36).toString('utf16le'), 'User');
    assert.equal(hex(fieldAt(52)), 'c5dad2544fc9799094ce1ce90bc9d03e');
    assert.ok(r.flags & NTLM.KEY_EXCH && r.flags & NTLM.EXTENDED_SESSIONSECURITY && r.flags & NTLM.SEAL);
    assert.equal(hex(m.subarray(72, 88)), '00'.repeat(16), 'no MIC without a server timestamp');
  });

  it('sealing and signing keys, and GSS_WrapEx of "Plaintext" (4.2.4.4)', () => {
    const esk = Buffer.alloc(16, 0x55);
    assert.equal(hex(sealKey(esk, true, 128)), '59f600973cc4960a25480a7c196e4c58');
    assert.equal(hex(signKey(esk, true)), '4788dc861b4782f35d43fd98fe1a2d39');
    const client = new NtlmSessionSecurity(esk, 0xe28a8233, true);
    const { sealed, signature } = client.seal(Buffer.from('Plaintext', 'utf16le'));
    assert.equal(hex(sealed), '54e50165bf1936dc996020c1811b0f06fb5f');
    assert.equal(hex(signature), '010000007fb38ec5c55d497600000000');
    // The acceptor's side decrypts it and checks the signature with its own copy of the keys.
    const server = new NtlmSessionSecurity(esk, 0xe28a8233, false);
    assert.equal(server.unseal(sealed, signature).toString('utf16le'), 'Plaintext');
  });

  it('a tampered sealed message is refused', () => {
    const esk = Buffer.alloc(16, 0x55);
    const { sealed, signature } = new NtlmSessionSecurity(esk, 0xe28a8233, true).seal(Buffer.from('Plaintext', 'utf16le'));
    sealed[0] ^= 1;
    assert.throws(() => new NtlmSessionSecurity(esk, 0xe28a8233, false).unseal(sealed, signature), { name: 'Error', message: /signature mismatch/ });
  });

  it('with a server timestamp: empty LM response, MsvAvFlags=2, and a MIC over the three messages', () => {
    const ts = Buffer.from('0090d336b734c301', 'hex');
    const ti = Buffer.concat([targetInfo.subarray(0, targetInfo.length - 4), h('07000800'), ts, h('00000000')]);
    const raw = Buffer.from(challengeRaw);
    raw.writeUInt16LE(ti.length, 40);
    raw.writeUInt16LE(ti.length, 42);
    const ch = parseChallenge(Buffer.concat([raw.subarray(0, 56 + 12), ti]));
    const neg = negotiateMessage();
    const r = authenticateMessage(neg, ch, { user: 'User@Domain', password: 'Password' }, { clientChallenge: h('aaaaaaaaaaaaaaaa'), exportedSessionKey: Buffer.alloc(16, 0x55) });
    const m = r.message;
    const fieldAt = (at: number) => m.subarray(m.readUInt32LE(at + 4), m.readUInt32LE(at + 4) + m.readUInt16LE(at));
    assert.equal(hex(fieldAt(12)), '00'.repeat(24));
    const nt = fieldAt(20);
    assert.equal(hex(nt.subarray(24, 32)), hex(ts), 'the server time is used');
    assert.equal(avPairs(nt.subarray(44)).get(6)?.readUInt32LE(0), 2);
    const mic = Buffer.from(m.subarray(72, 88));
    const zeroed = Buffer.from(m);
    zeroed.fill(0, 72, 88);
    assert.equal(hex(mic), createHmac('md5', Buffer.alloc(16, 0x55)).update(neg).update(ch.raw).update(zeroed).digest('hex'));
  });

  it('user name forms', () => {
    assert.deepEqual(splitUser('CORP\\alice'), { user: 'alice', domain: 'CORP' });
    assert.deepEqual(splitUser('alice@corp.local'), { user: 'alice', domain: 'corp.local' });
    assert.deepEqual(splitUser('alice'), { user: 'alice', domain: '' });
  });
});
