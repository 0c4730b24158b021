// `parc ldap test` without --password-env, as a person runs it in a terminal: the CLI runs in a real pseudo-
// terminal (util-linux `script`), shows the prompt, does not echo what is typed, and the typed password is the
// one the real slapd checks. Ctrl-C at the prompt stops with a message instead of exiting 0.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildTestTree, slapdAvailable, startSlapd, TREE_PASSWORDS as PW, type RunningSlapd } from '../../support/slapd';

const MAIN = path.resolve(__dirname, '../../../src/cli/main.js');
const PROMPT = 'Password for alice: ';

function scriptAvailable(): boolean {
  return spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Runs parc in a pty (TERM=xterm: readline's dumb-terminal path hid the lost-prompt bug); once the prompt shows (and readline has had time to switch the tty to raw mode), types `keys`. */
function inTerminal(args: string[], env: Record<string, string>, keys: string): Promise<{ code: number | null; out: string; sawPrompt: boolean }> {
  const cmd = [process.execPath, MAIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qfec', cmd, '/dev/null'], { env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), TERM: 'xterm-256color', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let sawPrompt = false;
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString('utf8');
    if (!sawPrompt && out.includes(PROMPT)) {
      sawPrompt = true;
      setTimeout(() => child.stdin.write(keys), 300);
    }
  });
  child.stderr.on('data', (b: Buffer) => (out += b.toString('utf8')));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, sawPrompt });
    }),
  );
}

describe('parc ldap test password prompt in a real terminal (pty), against a real slapd', { skip: !slapdAvailable() ? 'slapd is not installed' : !scriptAvailable() ? 'util-linux script is not installed' : false }, () => {
  let s: RunningSlapd;
  let dir: string;
  let inventory: string;
  const args = () => ['ldap', 'test', '--profile', 'lab', '--user', 'alice', '--inventory', inventory];

  before(async () => {
    s = await startSlapd();
    await buildTestTree(s);
    dir = mkdtempSync(path.join(os.tmpdir(), 'parc-ldap-prompt-'));
    inventory = path.join(dir, 'parc.yaml');
    writeFileSync(inventory, `directories:
  lab:
    url: ${s.url}
    startTls: true
    caFile: ${s.caFile}
    bindDn: cn=svc-parc,ou=Service,${s.suffix}
    credential: ol-bind
    userBase: ou=People,${s.suffix}
    userFilter: (uid={user})
    group: cn=IT-France,ou=Groups,${s.suffix}
    groupBase: ou=Groups,${s.suffix}
    membership: member
    nested: true
`);
  });
  after(async () => {
    await s?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the prompt, does not echo the typed password, and tests with it', async () => {
    const r = await inTerminal(args(), { PARC_CRED_OL_BIND: PW.svc }, `${PW.alice}\r`);
    assert.ok(r.sawPrompt, `no "${PROMPT}" prompt; terminal showed:\n${r.out}`);
    assert.ok(!r.out.includes(PW.alice), `the password was echoed:\n${r.out}`);
    assert.equal(r.code, 0, r.out);
    assert.match(r.out, /✓ Bind as the user/);
    assert.match(r.out, /ALLOWED/);
  });

  it('a wrong typed password is refused at the user bind, and not shown either', async () => {
    const r = await inTerminal(args(), { PARC_CRED_OL_BIND: PW.svc }, 'typed-Wrong-9\r');
    assert.ok(r.sawPrompt, r.out);
    assert.equal(r.code, 2, r.out);
    assert.match(r.out, /✗ Bind as the user.*wrong password/);
    assert.ok(!r.out.includes('typed-Wrong-9'), r.out);
  });

  it('Ctrl-C at the prompt stops with a message and a failing exit code, nothing tested', async () => {
    const r = await inTerminal(args(), { PARC_CRED_OL_BIND: PW.svc }, '\x03');
    assert.ok(r.sawPrompt, r.out);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out, /password prompt cancelled/);
    assert.doesNotMatch(r.out, /Connect/);
  });
});
