import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { netGroupCommand, parseNetGroupMembers } from '../../../src/core/rdp/net-group';

describe('net localgroup / net group /domain members', () => {
  it('local group, one member a line, English', () => {
    const text = 'Alias name     Remote Desktop Users\r\nComment        Members in this group are granted the right to logon remotely\r\n\r\nMembers\r\n\r\n' + '-'.repeat(79) + '\r\nCORP\\alice\r\nbob\r\nCORP\\Domain Admins\r\nThe command completed successfully.\r\n\r\n';
    assert.deepEqual(parseNetGroupMembers(text), ['CORP\\alice', 'bob', 'CORP\\Domain Admins']);
  });
  it('domain group in columns, French', () => {
    const text = ['La requête sera traitée sur un contrôleur de domaine pour le domaine corp.local.', '', "Nom de groupe  Admins du domaine", 'Commentaire    x', '', 'Membres', '', '-'.repeat(79), 'Administrateur           hélène                   françois', 'zoé', "La commande s'est terminée correctement.", ''].join('\r\n');
    assert.deepEqual(parseNetGroupMembers(text), ['Administrateur', 'hélène', 'françois', 'zoé']);
  });
  it('an empty group has no members (only the status line after the dashes)', () => {
    assert.deepEqual(parseNetGroupMembers('Members\r\n\r\n' + '-'.repeat(40) + '\r\nThe command completed successfully.\r\n'), []);
  });
  it('output without the dashes is an error, not an empty list', () => {
    assert.throws(() => parseNetGroupMembers('System error 1376 has occurred.'), { name: 'SessionParseError', message: /no line of dashes/ });
  });
  it('which command lists which group', () => {
    assert.deepEqual(netGroupCommand('Remote Desktop Users'), ['net', 'localgroup', 'Remote Desktop Users']);
    assert.deepEqual(netGroupCommand('CORP\\Domain Admins'), ['net', 'group', 'Domain Admins', '/domain']);
    assert.deepEqual(netGroupCommand('Helpdesk@corp.local'), ['net', 'group', 'Helpdesk', '/domain']);
  });
});
