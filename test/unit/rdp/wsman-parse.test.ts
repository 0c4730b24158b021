import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkFault, parseReceive, parseShellId, TIMEOUT_FAULT, WsmanError } from '../../../src/core/rdp/wsman/parse';
import { commandBody, envelope, ACTION } from '../../../src/core/rdp/wsman/envelope';
import { decryptBody, encryptBody } from '../../../src/core/rdp/wsman/encryption';
import { NtlmSessionSecurity } from '../../../src/core/rdp/ntlm/session-security';

describe('WS-Management envelopes and responses', () => {
  it('escapes the command line and carries the ShellId selector', () => {
    const { xml, messageId } = envelope({ action: ACTION.command, url: 'http://h:5985/wsman', shellId: 'S-1', body: commandBody('msg 3 "a<b & c>"') });
    assert.match(messageId, /^uuid:[0-9A-F-]{36}$/);
    assert.match(xml, /<rsp:Command>msg 3 &quot;a&lt;b &amp; c&gt;&quot;<\/rsp:Command>/);
    assert.match(xml, /<w:Selector Name="ShellId">S-1<\/w:Selector>/);
  });
  it('an operation-timeout fault carries its WSManFault code', () => {
    const xml = `<s:Envelope xmlns:s="x"><s:Body><s:Fault><s:Code><s:Value>s:Receiver</s:Value></s:Code><s:Reason><s:Text>The WS-Management service cannot complete the operation within the time specified in OperationTimeout.</s:Text></s:Reason><s:Detail><f:WSManFault xmlns:f="y" Code="2150858793" Machine="h"><f:Message>The WS-Management service cannot complete the operation within the time specified in OperationTimeout.  </f:Message></f:WSManFault></s:Detail></s:Fault></s:Body></s:Envelope>`;
    try {
      checkFault(xml);
      assert.fail('no fault raised');
    } catch (e) {
      assert.ok(e instanceof WsmanError);
      assert.equal(e.code, TIMEOUT_FAULT);
      assert.match(e.message, /^WS-Management fault 2150858793: The WS-Management service cannot complete/);
    }
  });
  it('Receive: base64 streams of this command only, Done state and exit code', () => {
    const xml = `<rsp:ReceiveResponse><rsp:Stream Name="stdout" CommandId="C1">YWJj</rsp:Stream><rsp:Stream Name="stdout" CommandId="OTHER">eHl6</rsp:Stream><rsp:Stream Name="stderr" CommandId="C1">ZXJy</rsp:Stream><rsp:Stream Name="stdout" CommandId="C1" End="true"/><rsp:CommandState CommandId="C1" State="http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/Done"><rsp:ExitCode>1</rsp:ExitCode></rsp:CommandState></rsp:ReceiveResponse>`;
    const r = parseReceive(xml, 'c1');
    assert.deepEqual([Buffer.concat(r.stdout).toString(), Buffer.concat(r.stderr).toString(), r.done, r.exitCode], ['abc', 'err', true, 1]);
    const running = parseReceive(`<rsp:CommandState CommandId="C1" State="http://schemas.microsoft.com/wbem/wsman/1/windows/shell/CommandState/Running"/>`, 'C1');
    assert.equal(running.done, false);
  });
  it('a Create response without ShellId is an error, not a guess', () => {
    assert.throws(() => parseShellId('<s:Envelope><s:Body/></s:Envelope>'), /no ShellId/);
  });
  it('encrypted bodies: round trip, truncation and tampering are refused', () => {
    const key = Buffer.alloc(16, 7);
    const body = encryptBody(new NtlmSessionSecurity(key, 0xe28a8233, true), Buffer.from('<s:Envelope/>'));
    assert.equal(decryptBody(new NtlmSessionSecurity(key, 0xe28a8233, false), body).toString(), '<s:Envelope/>');
    assert.throws(() => decryptBody(new NtlmSessionSecurity(key, 0xe28a8233, false), body.subarray(0, body.length - 40)), /truncated/);
    const bad = Buffer.from(body);
    bad[bad.length - 30] ^= 0xff;
    assert.throws(() => decryptBody(new NtlmSessionSecurity(key, 0xe28a8233, false), bad), /signature mismatch/);
  });
});
