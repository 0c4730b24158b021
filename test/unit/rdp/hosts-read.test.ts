import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadWindowsSection, readWindowsSection } from '../../../src/core/rdp/hosts-read';
import { parseInventory } from '../../../src/core/inventory/parse';

const ISSUE_YAML = `windows:
  - host: rds01.corp.local
    name: rds01
    transport: ssh          # local | ssh | winrm
    port: 22
    user: admin
    credential: rds-admin   # PARC_CRED_RDS_ADMIN for the CLI, SecretStorage in VS Code
    codepage: 850           # optional: detected when absent
janitor:
  disconnectedOverMinutes: 60
  idleOverMinutes: 0        # 0 = never touch active sessions
  exclude: [admin, svc-backup]
`;

describe('windows: and janitor: sections', () => {
  it("loads the issue's example", () => {
    const { section, warnings } = loadWindowsSection(ISSUE_YAML, 'parc.yaml');
    assert.deepEqual(warnings, []);
    assert.equal(section.hosts.length, 1);
    const h = section.hosts[0];
    assert.deepEqual(
      { name: h.name, host: h.host, transport: h.transport, port: h.port, user: h.user, credential: h.credential, codepage: h.codepage, line: h.line },
      { name: 'rds01', host: 'rds01.corp.local', transport: 'ssh', port: 22, user: 'admin', credential: 'rds-admin', codepage: 850, line: 2 },
    );
    assert.deepEqual(section.janitor.exclude, ['admin', 'svc-backup']);
    assert.equal(section.janitor.disconnectedOverMinutes, 60);
    assert.equal(section.janitor.idleOverMinutes, 0);
    assert.deepEqual(h.janitor, section.janitor);
    // The general inventory parser accepts the same file too.
    assert.ok(parseInventory(ISSUE_YAML, 'parc.yaml').inventory);
  });

  it('per-host overrides, winrm defaults, exclusions merged', () => {
    const { section } = loadWindowsSection(`janitor:\n  disconnectedOverMinutes: 30\n  exclude: [admin]\nwindows:\n  - host: rds02\n    transport: winrm\n    exclude: [kiosk*]\n    janitor:\n      idleOverMinutes: 240\n      excludeGroups: [CORP\\Helpdesk]\n  - host: rds03\n    transport: winrm\n    tls: true\n    auth: basic\n    dateOrder: mdy\n`, 'parc.yaml');
    const [a, b] = section.hosts;
    assert.equal(a.port, 5985);
    assert.equal(a.auth, 'ntlm');
    assert.equal(a.janitor.idleOverMinutes, 240);
    assert.equal(a.janitor.disconnectedOverMinutes, 30);
    assert.deepEqual(a.janitor.exclude, ['admin', 'kiosk*']);
    assert.deepEqual(a.janitor.excludeGroups, ['CORP\\Helpdesk']);
    assert.equal(b.port, 5986);
    assert.equal(b.dateOrder, 'mdy');
    assert.equal(a.dateOrder, undefined);
    assert.deepEqual(b.janitor.exclude, ['admin']);
  });

  it('every error with its line and column, all at once', () => {
    const text = `windows:\n  - host: a\n    transport: telnet\n  - name: x\n    transport: ssh\n    port: 99999\n  - host: b\n    transport: winrm\n    auth: basic\n    codepage: 4242\n  - host: c\n    transport: ssh\n  - host: c\n    transport: local\njanitor:\n  disconnectedOverMinutes: -5\n  idelOverMinutes: 3\n`;
    const r = readWindowsSection(text);
    assert.equal(r.section, undefined);
    const got = r.diagnostics.map((d) => `${d.severity} ${d.line}:${d.col} ${d.message}`);
    assert.deepEqual(got, [
      'warning 17:3 janitor: unknown key "idelOverMinutes" (did you mean "idleOverMinutes"?)',
      'error 16:28 janitor.disconnectedOverMinutes must be a whole number from 1 to 527040',
      'error 3:16 windows[0].transport must be one of local, ssh, winrm (got "telnet")',
      'error 4:5 windows[1]: "host" is required',
      'error 6:11 windows[1].port must be a whole number from 1 to 65535',
      'error 10:15 windows[2].codepage 4242 is not a code page Parc can decode',
      'error 9:11 windows[2]: Basic authentication needs tls: true (it would send the password in clear)',
      'error 13:5 windows[4]: name "c" is already used by windows[3]',
    ]);
    assert.throws(() => loadWindowsSection(text, '/x/parc.yaml'), { name: 'InputErrors', message: /^\/x\/parc\.yaml:16:28: janitor\.disconnectedOverMinutes/ });
  });
});
