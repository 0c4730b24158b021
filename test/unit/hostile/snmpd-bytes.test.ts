// Issue 13, item 6: an snmpd.conf edit changes only the lines it means to, byte for byte.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeConf, encodeConf } from '../../../src/core/snmpdconf/bytes';
import { editSnmpdConf, SnmpdEditError } from '../../../src/core/snmpdconf/edit';

function edit(bytes: Buffer, e: Parameters<typeof editSnmpdConf>[1]): Buffer {
  const { text, encoding } = decodeConf(bytes);
  return encodeConf(editSnmpdConf(text, e).text, encoding);
}

describe('snmpd.conf edits keep untouched bytes', () => {
  it('a Latin-1 byte in a comment comes back as that byte (not U+FFFD)', () => {
    const before = Buffer.concat([Buffer.from('# salle serveur, b'), Buffer.from([0xe2, 0x74, 0x69, 0x6d, 0x65, 0x6e, 0x74]), Buffer.from(' A\nrocommunity public default\nsysLocation Paris\n')]);
    const after = edit(before, { location: 'Lyon' });
    assert.ok(after.subarray(0, 25).equals(before.subarray(0, 25)), 'the comment line is unchanged');
    assert.ok(!after.includes(Buffer.from([0xef, 0xbf, 0xbd])), 'no U+FFFD');
    assert.equal(after.toString('latin1'), '# salle serveur, bâtiment A\nrocommunity public default\nsysLocation Lyon\n');
  });

  it('a Latin-1 file refuses a value it cannot encode, rather than mixing encodings', () => {
    const latin1 = Buffer.from('# caf\xe9\nsysLocation x\n', 'latin1');
    assert.throws(() => edit(latin1, { location: 'Kraków ✓' }), SnmpdEditError);
    assert.equal(edit(latin1, { location: 'Besançon' }).toString('latin1'), '# caf\xe9\nsysLocation Besançon\n', 'ç exists in Latin-1');
  });

  it('lines added to a CRLF file end with CRLF, the others are untouched', () => {
    const before = Buffer.from('# crlf\r\nrocommunity public default\r\nsysContact me\r\n');
    const after = edit(before, { location: 'Paris', contact: 'ops' }).toString('utf8');
    assert.equal(after, '# crlf\r\nrocommunity public default\r\nsysContact ops\r\nsysLocation Paris\r\n');
  });

  it('a file without a final newline keeps it so when only an existing line changes', () => {
    assert.equal(edit(Buffer.from('sysLocation a\nsysContact b'), { contact: 'c' }).toString(), 'sysLocation a\nsysContact c');
    assert.equal(edit(Buffer.from('sysContact b'), { location: 'x' }).toString(), 'sysContact b\nsysLocation x\n');
  });

  it('a UTF-8 file with a BOM keeps the BOM; no change means the same bytes', () => {
    const bom = Buffer.from('\ufeffsysLocation Siège\n', 'utf8');
    assert.ok(edit(bom, { location: 'Siège' }).equals(bom));
    assert.ok(edit(bom, { contact: 'x' }).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
  });

  it('binary input is refused with the offset of the first control byte', () => {
    assert.throws(() => decodeConf(Buffer.from([0x73, 0x79, 0x73, 0x00, 0x01, 0x02]), 'snmpd.conf'), (e: unknown) => e instanceof SnmpdEditError && /not a text file \(control byte 0x00 at offset 3\)/.test(e.message));
    assert.throws(() => decodeConf(Buffer.from('\x1b[2J\n'), 'x'), SnmpdEditError);
  });
});
