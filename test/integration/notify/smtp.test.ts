// E-mail delivery against a real Postfix on loopback: plain SMTP, STARTTLS with a private CA and AUTH,
// SMTPS, a wrong password and an untrusted certificate, each with a clear error that holds no secret.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { SmtpTransport } from '../../../src/core/notify/smtp';
import { DeliveryError } from '../../../src/core/notify/transport';
import type { EmailTransportConfig, OutgoingMessage } from '../../../src/core/notify/types';
import { MapSecrets } from '../../support/estate';
import { mtaAvailable, startMta, type RunningMta } from '../../support/mta';

const skip = mtaAvailable() ? false : 'postfix/sasl2-bin not installed or not root (scripts/install-deps.sh)';

function message(language: 'en' | 'fr'): OutgoingMessage {
  return {
    id: 'msg-1', kind: 'problem', language, linkScheme: 'vscode', createdAt: new Date().toISOString(),
    alerts: [{ id: 'a1', type: 'down', severity: 'critical', device: '10.1.2.3:161', deviceName: 'core-sw1', region: 'Île-de-France', site: 'Mitry-Mory', message: 'core-sw1 is down: timeout', since: '2026-03-14T02:58:00.000Z' }],
  };
}

describe('SMTP transport against a real Postfix', { skip }, () => {
  let mta: RunningMta;
  before(async () => {
    mta = await startMta();
  });
  after(() => mta?.stop());

  const cfg = (o: Partial<EmailTransportConfig>): EmailTransportConfig => ({ kind: 'email', name: 'mail', host: '127.0.0.1', port: mta.plainPort, security: 'none', from: 'parc@parc.test', to: ['oncall@parc.test'], timeoutMs: 10000, line: 1, ...o });

  it('delivers over STARTTLS with AUTH, in French, with text, HTML and the vscode:// link', async () => {
    const before = mta.mails().length;
    const t = new SmtpTransport(cfg({ port: mta.submissionPort, security: 'starttls', user: mta.user, passwordCredential: 'smtp', caFile: mta.caFile, servername: 'localhost' }), new MapSecrets({ smtp: mta.password }));
    const receipt = await t.send(message('fr'));
    assert.match(receipt, /^250 /);
    const [mail] = (await mta.waitForMails(before + 1)).slice(before);
    assert.match(mail.subject, /^\[Parc\] ALERTE: Équipement injoignable — core-sw1 \(10\.1\.2\.3\) @ Île-de-France \/ Mitry-Mory$/);
    assert.match(mail.text, /Équipement: core-sw1 \(10\.1\.2\.3\)/);
    assert.match(mail.text, /Site: Île-de-France \/ Mitry-Mory/);
    assert.match(mail.text, /Depuis: .*2026-03-14T02:58:00Z/);
    assert.match(mail.text, /Ouvrir dans Parc: vscode:\/\/parc-it\.parc\/device\?key=10\.1\.2\.3%3A161/);
    assert.match(mail.html, /<a href="vscode:\/\/parc-it\.parc\/device\?key=10\.1\.2\.3%3A161">Ouvrir dans Parc<\/a>/);
    assert.match(mail.html, /lang="fr"/);
    assert.match(mta.log(), /sasl_method=PLAIN, sasl_username=parc@parc\.test/);
    assert.match(mta.log(), /ehlo=2 starttls=1 auth=1 mail=1 rcpt=1 data=1/, 'STARTTLS, then AUTH, then the message');
  });

  it('delivers over SMTPS (TLS on connect) in English', async () => {
    const before = mta.mails().length;
    const t = new SmtpTransport(cfg({ port: mta.smtpsPort, security: 'tls', user: mta.user, passwordCredential: 'smtp', caFile: mta.caFile, servername: 'localhost' }), new MapSecrets({ smtp: mta.password }));
    await t.send(message('en'));
    const [mail] = (await mta.waitForMails(before + 1)).slice(before);
    assert.match(mail.subject, /^\[Parc\] ALERT: Device down — core-sw1/);
    assert.match(mail.text, /Device: core-sw1 \(10\.1\.2\.3\)\n\s+Site: Île-de-France \/ Mitry-Mory/);
  });

  it('delivers over plain SMTP without AUTH', async () => {
    const before = mta.mails().length;
    await new SmtpTransport(cfg({}), new MapSecrets({})).send(message('en'));
    assert.equal((await mta.waitForMails(before + 1)).length, before + 1);
  });

  it('a wrong password is refused with a clear error that does not hold the password', async () => {
    const wrong = 'Wr0ng-Pass-Value-77';
    const t = new SmtpTransport(cfg({ port: mta.submissionPort, security: 'starttls', user: mta.user, passwordCredential: 'smtp', caFile: mta.caFile, servername: 'localhost' }), new MapSecrets({ smtp: wrong }));
    const err = await t.send(message('en')).then(() => undefined, (e: Error) => e);
    assert.ok(err instanceof DeliveryError, String(err));
    assert.match(err.message, /login refused for "parc@parc\.test".*535/);
    assert.ok(!err.message.includes(wrong) && !err.message.includes(mta.password));
    assert.ok(!mta.log().includes(wrong));
  });

  it('a certificate from another CA is refused, and STARTTLS is never skipped', async () => {
    const t = new SmtpTransport(cfg({ port: mta.submissionPort, security: 'starttls', user: mta.user, passwordCredential: 'smtp', caFile: mta.otherCaFile, servername: 'localhost' }), new MapSecrets({ smtp: mta.password }));
    const err = await t.send(message('en')).then(() => undefined, (e: Error) => e);
    assert.ok(err instanceof DeliveryError);
    assert.match(err.message, /certificate/i);
    // The plain port offers STARTTLS too; "starttls" there with an untrusted CA must fail rather than go on in clear.
    const plain = new SmtpTransport(cfg({ port: mta.plainPort, security: 'starttls', caFile: mta.otherCaFile, servername: 'localhost' }), new MapSecrets({}));
    await assert.rejects(plain.send(message('en')), /certificate/i);
  });

  it('a missing credential names the credential, not a value', async () => {
    const t = new SmtpTransport(cfg({ port: mta.submissionPort, security: 'starttls', user: mta.user, passwordCredential: 'smtp-oncall' }), new MapSecrets({}));
    await assert.rejects(t.send(message('en')), /credential "smtp-oncall" is not set \(PARC_CRED_SMTP_ONCALL/);
  });
});
