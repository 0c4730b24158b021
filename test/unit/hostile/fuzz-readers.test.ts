// Property-based fuzz tests, second part (issue 13): known_hosts, the WS-Man and NTLM-sealed message readers,
// the metric-store row reader, and parse(print(x)) == x for the writers where that holds (parc.yaml device
// edits, snmpd.conf edits, netplan static IP). Same knobs as fuzz.test.ts: PARC_FUZZ_SEED, PARC_FUZZ_RUNS.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { globMatch, HostKeyError, KnownHosts, parseKnownHosts } from '../../../src/core/ssh/known-hosts';
import { checkFault, parseCommandId, parseReceive, parseShellId, WsmanError } from '../../../src/core/rdp/wsman/parse';
import { decryptBody, encryptBody, EncryptionFormatError } from '../../../src/core/rdp/wsman/encryption';
import { NtlmSessionSecurity, NtlmSignatureError } from '../../../src/core/rdp/ntlm/session-security';
import { NTLM } from '../../../src/core/rdp/ntlm/flags';
import { RowBlock } from '../../../src/core/metrics/row';
import { parseInventory } from '../../../src/core/inventory/parse';
import { removeDeviceFromText, setDeviceSiteInText } from '../../../src/core/inventory/edit';
import { addDevicesToText } from '../../../src/core/inventory/file';
import { deviceKey } from '../../../src/core/inventory/types';
import { editSnmpdConf, SnmpdEditError } from '../../../src/core/snmpdconf/edit';
import { parseConf } from '../../../src/core/snmpdconf/lines';
import { setStaticIp, StaticIpError } from '../../../src/core/netplan/static-ip';

const RUNS = Number(process.env.PARC_FUZZ_RUNS ?? 150);
const SEED = Number(process.env.PARC_FUZZ_SEED ?? 13);
const opts = { numRuns: RUNS, seed: SEED };

/** A seed text with a few random edits (as in fuzz.test.ts). */
function mutated(seed: string, alphabet: string): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 }), fc.string({ unit: fc.constantFrom(...alphabet.split('')), maxLength: 8 }));
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let s = seed;
    for (const [at, kind, text] of edits) {
      const i = at % (s.length + 1);
      if (kind === 0) s = s.slice(0, i) + text + s.slice(i);
      else if (kind === 1) s = s.slice(0, i) + s.slice(i + text.length + 1);
      else s = s.slice(0, i) + text + s.slice(i + text.length);
    }
    return s;
  });
}

function ed25519Blob(): Buffer {
  const der = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' });
  const raw = der.subarray(der.length - 32);
  const str = (b: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    return Buffer.concat([len, b]);
  };
  return Buffer.concat([str(Buffer.from('ssh-ed25519')), str(raw)]);
}

describe('fuzz: known_hosts reader', () => {
  const blob = ed25519Blob();
  const other = ed25519Blob();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parc-fuzz-kh-'));
  const SEED_TEXT = [
    '# known hosts',
    `[127.0.0.1]:2222 ssh-ed25519 ${other.toString('base64')}`,
    `*.example.org,!bad.example.org ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ`,
    `@revoked * ssh-ed25519 ${randomBytes(51).toString('base64')}`,
    `|1|c2FsdHNhbHRzYWx0c2FsdHNhbHQ=|aGFzaGhhc2hoYXNoaGFzaGhhc2g= ssh-ed25519 ${other.toString('base64')}`,
    `lab?,10.0.0.* ecdsa-sha2-nistp256 AAAAE2VjZHNh`,
    '',
  ].join('\n');
  let n = 0;
  it('never throws but HostKeyError; a changed key names its line', async () => {
    await fc.assert(fc.asyncProperty(mutated(SEED_TEXT, ' \t\n#@|,!*?[]:.abc'), fc.constantFrom('127.0.0.1', 'lab1', 'x.example.org', 'bad.example.org', '10.0.0.5'), fc.constantFrom(22, 2222), async (text, host, port) => {
      const file = path.join(dir, `kh${n++}`);
      writeFileSync(file, text);
      for (const e of parseKnownHosts(text)) assert.ok(Number.isInteger(e.line) && e.line >= 1);
      try {
        await new KnownHosts(file).verify(host, port, blob, async () => false);
      } catch (err) {
        assert.ok(err instanceof HostKeyError, String(err));
        if (err.kind === 'changed') assert.match(err.message, / line \d+\. /);
      }
    }), opts);
  });

  it('glob patterns cost at most pattern × name (a crafted line used to backtrack exponentially)', { timeout: 20_000 }, async () => {
    const bomb = '*a'.repeat(40) + '*b';
    const name = 'a'.repeat(2000);
    assert.equal(globMatch(bomb, name), false);
    const file = path.join(dir, 'bomb');
    writeFileSync(file, `${bomb} ssh-ed25519 ${other.toString('base64')}\n`.repeat(50));
    await assert.rejects(new KnownHosts(file).verify(name, 22, blob, async () => false), HostKeyError);
  });

  it('glob matches as OpenSSH does', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-c.]{0,12}$/), (name) => {
      assert.equal(globMatch(name, name), true);
      assert.equal(globMatch('*', name), true);
      assert.equal(globMatch('?'.repeat(name.length), name), true);
      assert.equal(globMatch(`*${name.slice(-2)}`, name), true);
      assert.equal(globMatch(name.toUpperCase(), name), true);
      assert.equal(globMatch(`${name}?`, name), false);
    }), opts);
  });
});

describe('fuzz: WS-Man message readers', () => {
  const CID = '1A2B3C4D-0000-1111-2222-333344445555';
  const RECEIVE = `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:rsp="http://schemas.microsoft.com/wbem/wsman/1/windows/shell"><s:Body><rsp:ReceiveResponse>` +
    `<rsp:Stream Name="stdout" CommandId="${CID}">${Buffer.from(' USERNAME  SESSIONNAME\r\n').toString('base64')}</rsp:Stream>` +
    `<rsp:Stream Name="stderr" CommandId="${CID}" End="true"></rsp:Stream>` +
    `<rsp:CommandState CommandId="${CID}" State="http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/Done"><rsp:ExitCode>0</rsp:ExitCode></rsp:CommandState>` +
    `</rsp:ReceiveResponse></s:Body></s:Envelope>`;
  const FAULT = `<s:Envelope><s:Body><s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code><s:Reason><s:Text xml:lang="en-US">The WS-Management service cannot process the request.</s:Text></s:Reason>` +
    `<s:Detail><f:WSManFault xmlns:f="http://schemas.microsoft.com/wbem/wsman/1/wsmanfault" Code="2150858793" Machine="win"><f:Message>Operation timed out &amp; more</f:Message></f:WSManFault></s:Detail></s:Fault></s:Body></s:Envelope>`;
  const CREATE = `<s:Envelope><s:Body><x:ResourceCreated><a:ReferenceParameters><w:SelectorSet><w:Selector Name="ShellId">ABC-123</w:Selector></w:SelectorSet></a:ReferenceParameters></x:ResourceCreated><rsp:CommandResponse><rsp:CommandId>${CID}</rsp:CommandId></rsp:CommandResponse></s:Body></s:Envelope>`;

  it('mutated responses: only WsmanError, and a fault always says something', () => {
    fc.assert(fc.property(mutated(fc.sample(fc.constantFrom(RECEIVE, FAULT, CREATE), { numRuns: 1, seed: SEED })[0] + RECEIVE + FAULT + CREATE, '<>/"= :&;#x\\n'), (xml) => {
      for (const f of [() => parseReceive(xml, CID), () => parseShellId(xml), () => parseCommandId(xml), () => checkFault(xml)]) {
        try {
          f();
        } catch (err) {
          assert.ok(err instanceof WsmanError, String(err));
          assert.ok(err.message.length > 10);
        }
      }
    }), opts);
  });

  it('parse(print(x)): what a Receive response carries comes back byte for byte', () => {
    fc.assert(fc.property(fc.array(fc.uint8Array({ minLength: 1, maxLength: 60 }), { maxLength: 5 }), fc.integer({ min: -1, max: 300 }), (chunks, code) => {
      const xml = `<s:Envelope><s:Body><rsp:ReceiveResponse>${chunks.map((c) => `<rsp:Stream Name="stdout" CommandId="${CID}">${Buffer.from(c).toString('base64')}</rsp:Stream>`).join('')}` +
        `<rsp:CommandState CommandId="${CID}" State="http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/Done"><rsp:ExitCode>${code}</rsp:ExitCode></rsp:CommandState></rsp:ReceiveResponse></s:Body></s:Envelope>`;
      const r = parseReceive(xml, CID.toLowerCase());
      assert.deepEqual(Buffer.concat(r.stdout), Buffer.concat(chunks.map((c) => Buffer.from(c))));
      assert.equal(r.done, true);
      assert.equal(r.exitCode, code);
    }), opts);
  });

  it('bounded time per byte: many unclosed elements read in linear time', { timeout: 20_000 }, () => {
    for (const part of ['<rsp:Stream Name="stdout" ', '<a:Fault ', '<rsp:CommandState State="', '<w:Selector Name="ShellId">']) {
      const xml = part.repeat(20_000);
      for (const f of [() => parseReceive(xml, CID), () => parseShellId(xml), () => parseCommandId(xml)]) {
        try {
          f();
        } catch (err) {
          assert.ok(err instanceof WsmanError, String(err));
        }
      }
    }
  });
});

describe('fuzz: NTLM-sealed WS-Man bodies', () => {
  const key = Buffer.alloc(16, 7);
  const flags = (NTLM.SEAL | NTLM.SIGN | NTLM.KEY_128 | NTLM.KEY_EXCH | NTLM.EXTENDED_SESSIONSECURITY) >>> 0;
  it('decrypt(encrypt(x)) == x, message after message', () => {
    const client = new NtlmSessionSecurity(key, flags, true);
    const server = new NtlmSessionSecurity(key, flags, false);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
      const soap = Buffer.from(b);
      assert.deepEqual(decryptBody(server, encryptBody(client, soap)), soap);
    }), opts);
  });

  it('a mutated or truncated body only raises EncryptionFormatError or NtlmSignatureError', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 1, maxLength: 200 }), fc.nat(), fc.nat(), (b, at, cut) => {
      const client = new NtlmSessionSecurity(key, flags, true);
      const server = new NtlmSessionSecurity(key, flags, false);
      const body = Buffer.from(encryptBody(client, Buffer.from(b)));
      body[at % body.length] ^= 1 + (at % 255);
      for (const x of [body, body.subarray(0, cut % body.length)]) {
        try {
          decryptBody(server, x);
        } catch (err) {
          assert.ok(err instanceof EncryptionFormatError || err instanceof NtlmSignatureError, String(err));
        }
      }
    }), opts);
  });
});

describe('fuzz: metric-store row reader', () => {
  const ROW = 64;
  it('random bytes never read as a valid row; a sealed row with any word changed reads as unknown', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: ROW, maxLength: ROW }), fc.integer({ min: 1, max: 2 ** 32 - 1 }), fc.nat(), fc.integer({ min: 1, max: 2 ** 32 - 1 }), (bytes, ts, word, flip) => {
      const random = new RowBlock(new Uint8Array(bytes).buffer, ROW, 1);
      if (random.words[0] !== ts || random.words[random.rowWords - 1] !== ts) assert.equal(random.valid(0, ts), false);
      const b = RowBlock.empty(ROW);
      b.clear(0);
      for (let c = 0; c < b.capacity; c++) if (bytes[c] & 1) b.set(0, c, bytes[c] * 1.5);
      b.seal(0, ts);
      assert.equal(b.valid(0, ts), true);
      assert.equal(b.valid(0, (ts % (2 ** 32 - 1)) + 1), false, 'read for another time');
      const w = word % b.rowWords;
      b.words[w] = (b.words[w] ^ flip) >>> 0;
      assert.equal(b.valid(0, ts), false, `word ${w} changed and the row still reads as valid`);
    }), opts);
  });
});

describe('fuzz: parse(print(x)) == x for the writers', () => {
  const host = fc.tuple(fc.integer({ min: 1, max: 254 }), fc.integer({ min: 1, max: 254 })).map(([a, b]) => `10.${a}.${b}.1`);
  const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
  const devices = fc.uniqueArray(fc.record({ host, port: fc.constantFrom(161, 1161), name }), { minLength: 1, maxLength: 4, selector: (d) => `${d.host}:${d.port}` })
    .filter((ds) => new Set(ds.map((d) => d.name)).size === ds.length);
  const inventoryText = (ds: { host: string; port: number; name: string }[]) => [
    '# estate of the fuzz tests',
    'sites:',
    '  - { region: EU, name: Paris, subnets: [10.0.0.0/8] }',
    '  - { region: EU, name: Lyon }',
    'snmp:',
    '  default: p   # the profile',
    '  profiles: { p: { version: 2c, credential: c } }',
    'devices:',
    ...ds.flatMap((d, i) => [`  # device ${i}`, `  - { host: ${d.host}, port: ${d.port}, name: ${d.name} }`]),
    '',
  ].join('\n');
  const comments = (t: string) => t.split('\n').map((l) => /#.*$/.exec(l)?.[0]).filter(Boolean);
  const parsed = (t: string) => parseInventory(t, 'parc.yaml').inventory!.devices.map((d) => ({ host: d.host, port: d.port, name: d.name, site: d.site }));

  it('parc.yaml: setting a site, removing and adding devices read back as written; others and comments kept', () => {
    fc.assert(fc.property(devices, fc.nat(), fc.constantFrom('Paris', 'Lyon', undefined), (ds, pick, site) => {
      const text = inventoryText(ds);
      const target = ds[pick % ds.length];
      const key = deviceKey(target);
      const before = parsed(text);
      const withSite = setDeviceSiteInText(text, 'parc.yaml', key, site);
      assert.deepEqual(parsed(withSite), before.map((d) => (deviceKey(d) === key ? { ...d, site } : d)));
      for (const c of comments(text)) assert.ok(withSite.includes(c!), `comment lost: ${c}`);
      // print(parse(print(x))) is a fixed point: the same edit again changes nothing
      assert.equal(setDeviceSiteInText(withSite, 'parc.yaml', key, site), withSite);
      const removed = removeDeviceFromText(text, 'parc.yaml', key);
      assert.deepEqual(parsed(removed), before.filter((d) => deviceKey(d) !== key));
      const added = addDevicesToText(removed, 'parc.yaml', [{ host: target.host, name: target.name }]).text;
      assert.deepEqual(parsed(added).slice(0, -1), before.filter((d) => deviceKey(d) !== key));
      assert.deepEqual(parsed(added).at(-1), { host: target.host, port: 161, name: target.name, site: undefined });
    }), opts);
  });

  const CONF = '# snmpd.conf\r\nagentAddress udp:161\r\n# who\r\nsysContact old <old@example.org>\r\nsysLocation Paris\r\nrocommunity public default\r\n';
  it('snmpd.conf: the contact and location written are the ones read back, other lines byte for byte', () => {
    const text = fc.string({ unit: fc.constantFrom(...'abc XYZ-_.@<>"\\\'#,é'.split('')), minLength: 1, maxLength: 30 });
    fc.assert(fc.property(text, text, (contact, location) => {
      let out: string;
      try {
        out = editSnmpdConf(CONF, { contact, location }).text;
      } catch (err) {
        assert.ok(err instanceof SnmpdEditError, String(err));
        return;
      }
      // snmpd takes the rest of a sysContact/sysLocation line as it is (no quoting), so that is what is read back.
      const lines = parseConf(out);
      const value = (d: string) => lines.filter((l) => l.directive === d).map((l) => l.raw.replace(/\r$/, '').trim().replace(/^\S+\s+/, ''));
      assert.deepEqual(value('syscontact'), [contact.trim()]);
      assert.deepEqual(value('syslocation'), [location.trim()]);
      for (const l of ['# snmpd.conf\r', 'agentAddress udp:161\r', '# who\r', 'rocommunity public default\r']) assert.ok(out.split('\n').includes(l), `line changed: ${JSON.stringify(l)}`);
      assert.equal(editSnmpdConf(out, { contact, location }).text, out, 'the same edit again changed the file');
    }), opts);
  });

  const NETPLAN = '# written by hand\nnetwork:\n  version: 2\n  renderer: networkd\n  ethernets:\n    eth0:\n      dhcp4: true  # for now\n    eth1:\n      addresses: [192.168.7.2/24]\n  bridges:\n    br0: { interfaces: [eth1] }\n';
  it('netplan static IP: the address, gateway and DNS written are read back; other interfaces byte for byte', () => {
    const req = fc.record({
      iface: fc.constantFrom('eth0', 'eth2', 'ens3'),
      a: fc.integer({ min: 1, max: 250 }), b: fc.integer({ min: 0, max: 255 }), prefix: fc.integer({ min: 8, max: 30 }),
      dns: fc.array(fc.constantFrom('1.1.1.1', '9.9.9.9', '2001:db8::53'), { maxLength: 2 }),
    });
    fc.assert(fc.property(req, ({ iface, a, b, prefix, dns }) => {
      const address = `10.${a}.${b}.10/${prefix}`;
      const gateway = `10.${a}.${b}.1`;
      let out: string;
      try {
        out = setStaticIp(NETPLAN, { interface: iface, address, gateway, dns }).text;
      } catch (err) {
        assert.ok(err instanceof StaticIpError, String(err));
        return;
      }
      const doc = parseYaml(out) as { network: { ethernets: Record<string, { addresses?: string[]; dhcp4?: boolean; routes?: { to: string; via: string }[]; nameservers?: { addresses: string[] } }> } };
      const e = doc.network.ethernets[iface];
      assert.deepEqual(e.addresses, [address]);
      assert.deepEqual(e.routes, [{ to: 'default', via: gateway }]);
      if (dns.length) assert.deepEqual(e.nameservers?.addresses, dns);
      for (const l of ['# written by hand', '    eth1:', '      addresses: [192.168.7.2/24]', '  bridges:', '    br0: { interfaces: [eth1] }']) assert.ok(out.split('\n').includes(l), `line changed: ${l}`);
      if (iface !== 'eth0') assert.ok(out.includes('    eth0:\n      dhcp4: true  # for now\n'), out);
      assert.equal(setStaticIp(out, { interface: iface, address, gateway, dns }).text, out, 'the same edit again changed the file');
    }), opts);
  });
});
