// The "attach" phase of the extension-host tests: a real `parc serve` (self-signed TLS, local accounts made with
// `parc serve user add`) polls an estate of real snmpd agents; a code-server window opens the same estate and
// runs test/vscode/attach/ (lease, Connect to Server…, roles, device page history, acknowledgements between
// clients); a second window (another extension host of the same code-server, test/vscode/attach-peer/) on the
// same estate follows the lease, then attaches as another operator and trades acknowledgements with the first.
// Before the window starts, this measures how many SNMP messages one poll by the server alone sends to the
// agent (snmpInPkts), so the window's test can tell one poller from two.
import * as cp from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import type { Page } from 'playwright-core';
import type { PollStreamEvent } from '../../src/core/remote/api-types';
import { ParcClient } from '../../src/core/remote/client';
import { normaliseFingerprint, probeCertificate } from '../../src/core/remote/client-tls';
import { ParcStream } from '../../src/core/remote/stream';
import { addUser, CLI, snmpInPkts, startServe, type RunningServe } from '../support/serve-process';
import { freeUdpPort } from '../support/ports';
import { openBrowser, startCodeServer } from './code-server';
import { COMMUNITY, startFleet } from './fleet';

const USERS = { operator: { name: 'olga', password: 'op-pass-4Yq' }, viewer: { name: 'victor', password: 'view-pass-9Kd' }, peer: { name: 'oscar', password: 'op2-pass-7Wm' }, admin: { name: 'ada', password: 'adm-pass-3Rx' } };

type ExitWaiter = Promise<number>;

/** Runs one window's suite in `page`: resolves with its exit code (codeAutomationExit), mirroring its test output. */
function suiteExit(page: Page, tag: string): ExitWaiter {
  return new Promise<number>((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
    void page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = util.format(...(args ?? []));
      if (process.env.VERBOSE || /^\[attach\]|passing|failing|^\s+(✔|✓|\d+\))|Error|assert/i.test(line)) (type === 'error' ? console.error : console.log)(tag ? `${tag} ${line}` : line);
    });
  });
}

function results(file: string, name: string, code: number, log: (m: string) => void): number {
  if (fs.existsSync(file)) {
    const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { passed: number; failed: number; failures: string[] };
    for (const f of r.failures) console.error(`[vscode-tests] FAILED: ${f}`);
    log(`${name}: ${r.passed} passed, ${r.failed} failed (results file)`);
    if ((r.failed > 0 || r.passed === 0) && code === 0) return 1;
    return code;
  }
  return code === 0 ? 3 : code;
}

/** Waits for the end of the server's next poll (seen on its stream). */
function nextPollEnd(stream: ParcStream): Promise<PollStreamEvent> {
  return new Promise((resolve) => {
    const f = (p: PollStreamEvent) => {
      if (p.phase === 'end') {
        stream.off('poll', f);
        resolve(p);
      }
    };
    stream.on('poll', f);
  });
}

export async function attachPhase(csDir: string, logsRoot: string, testsPath: string, timeoutMs: number, log: (m: string) => void): Promise<number> {
  const logDir = path.join(logsRoot, 'attach');
  fs.rmSync(logDir, { recursive: true, force: true });
  fs.mkdirSync(logDir, { recursive: true });
  const resultsFile = path.join(logDir, 'results.json');
  const fleet = await startFleet({ small: true });
  let serve: RunningServe | undefined;
  let stream: ParcStream | undefined;
  let watch: cp.ChildProcess | undefined;
  let watchOut = '';
  try {
    // More down devices, so there are alerts to acknowledge: two between the window and a client, two between the windows.
    for (const name of ['nantes-ap', 'nantes-sw', 'lille-ap']) fs.appendFileSync(fleet.inventory, `  - { host: 127.0.0.1, port: ${await freeUdpPort()}, name: ${name}, site: Lyon }\n`);
    const sync = fs.mkdtempSync(path.join(logDir, 'sync-'));
    const peerResults = path.join(logDir, 'results-peer.json');
    const env = { PARC_CRED_LAB_COMMUNITY: COMMUNITY };
    addUser(fleet.inventory, USERS.operator.name, 'operator', USERS.operator.password, env);
    addUser(fleet.inventory, USERS.viewer.name, 'viewer', USERS.viewer.password, env);
    addUser(fleet.inventory, USERS.peer.name, 'operator', USERS.peer.password, env);
    addUser(fleet.inventory, USERS.admin.name, 'admin', USERS.admin.password, env);
    // A port where nothing answers: the address the admin's test adds through the server, then removes.
    const spare = await freeUdpPort();
    serve = await startServe(fleet.inventory, env);
    fs.writeFileSync(path.join(logDir, 'serve-start.log'), serve.output());
    log(`attach: parc serve on ${serve.url} (SHA-256 ${serve.fingerprint.slice(0, 23)}…)`);
    const agent = fleet.agents.find((a) => a.name === 'paris-core')!;

    // One poll by the server alone, counted at the agent.
    const cert = await probeCertificate('127.0.0.1', serve.port);
    if (normaliseFingerprint(cert.fingerprint256) !== normaliseFingerprint(serve.fingerprint)) throw new Error(`parc serve printed ${serve.fingerprint} but presents ${cert.fingerprint256}`);
    const client = new ParcClient({ url: serve.url, pin: { fingerprint256: cert.fingerprint256, pem: cert.pem } });
    await client.login(USERS.operator.name, USERS.operator.password);
    stream = new ParcStream(client);
    const hello = new Promise((r) => stream!.once('hello', r));
    stream.start();
    await hello;
    // The server's first scheduled poll may be running: let it end (or time out harmlessly) first.
    await Promise.race([nextPollEnd(stream), new Promise((r) => setTimeout(r, 8000))]);
    const p0 = await snmpInPkts(agent.port, COMMUNITY);
    const done = nextPollEnd(stream);
    await client.post('/api/poll', {});
    await done;
    const p1 = await snmpInPkts(agent.port, COMMUNITY);
    const perPoll = p1 - p0 - 1;
    log(`attach: one poll by the server alone: ${perPoll} SNMP messages at ${agent.name}`);
    stream.stop();
    stream = undefined;

    // A `parc watch` on the same estate as well: it must follow the server, not poll (the window's test counts).
    watch = cp.spawn(process.execPath, [CLI, 'watch', '--inventory', fleet.inventory], { env: { ...process.env, ...env }, cwd: fleet.workspace, stdio: ['ignore', 'pipe', 'pipe'] });
    watch.stdout!.on('data', (c: Buffer) => (watchOut += c.toString('utf8')));
    watch.stderr!.on('data', (c: Buffer) => (watchOut += c.toString('utf8')));
    for (let i = 0; i < 100 && !/poll lease|following|another process polls/i.test(watchOut); i++) await new Promise((r) => setTimeout(r, 100));
    log(`attach: parc watch started on the same estate: ${watchOut.split('\n').find((l) => /poll lease|follow|another process/i.test(l)) ?? '(no lease message yet)'}`);

    const cs = await startCodeServer({
      codeServerDir: csDir, workspaceTrust: false, logDir,
      env: {
        ...fleet.env, PARC_VSCODE_RESULTS: resultsFile,
        PARC_ATTACH: JSON.stringify({ url: serve.url, fingerprint: serve.fingerprint, ...USERS, agent: { port: agent.port, community: COMMUNITY, key: `127.0.0.1:${agent.port}` }, perPoll, sync, peerResults, spare }),
      },
    });
    const { browser, page } = await openBrowser(cs.tmp, logDir);
    try {
      // Two windows, two extension hosts, one estate: the main suite and the peer's.
      const peer = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
      const exit = suiteExit(page, '');
      const peerExit = suiteExit(peer, '[window 2]');
      const open = (p: typeof page, tests: string) => p.goto(cs.url(fleet.workspace, [['extensionDevelopmentPath', cs.remote(path.resolve(__dirname, '..', '..', '..'))], ['extensionTestsPath', cs.remote(tests)], ['skipWelcome', 'true']]));
      await open(page, testsPath);
      await open(peer, path.join(path.dirname(testsPath), '..', 'attach-peer', 'index.js'));
      const timeout = () => new Promise<number>((r) => setTimeout(() => r(-1), timeoutMs).unref());
      const codes = await Promise.all([Promise.race([exit, timeout()]), Promise.race([peerExit, timeout()])]);
      let worst = 0;
      for (const [i, name, file, p] of [[0, 'attach', resultsFile, page], [1, 'attach (window 2)', peerResults, peer]] as const) {
        let code = codes[i];
        if (code < 0) {
          console.error(`[vscode-tests] ${name}: timeout after ${timeoutMs} ms; logs in ${logDir}`);
          await p.screenshot({ path: path.join(logDir, `timeout-${i + 1}.png`) }).catch(() => undefined);
          code = 2;
        }
        worst = Math.max(worst, results(file, name, code, log));
      }
      return worst;
    } finally {
      await browser.close().catch(() => undefined);
      await cs.stop();
    }
  } finally {
    stream?.stop();
    if (watch && watch.exitCode === null) {
      const w = watch;
      await new Promise<void>((r) => {
        w.once('exit', () => r());
        w.kill('SIGTERM');
      });
    }
    fs.writeFileSync(path.join(logDir, 'watch.log'), watchOut);
    if (serve) fs.writeFileSync(path.join(logDir, 'serve.log'), serve.output());
    await serve?.stop();
    await fleet.stop();
  }
}
