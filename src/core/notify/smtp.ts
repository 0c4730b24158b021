// E-mail over SMTP with nodemailer: STARTTLS (required, never silently skipped), TLS on connect, or plain;
// optional AUTH with the password from a credential. Plain text and HTML parts in the inventory's language.
import { promises as fs } from 'node:fs';
import * as nodemailer from 'nodemailer';
import type { SecretSource } from '../host';
import { renderMessage } from './message';
import { DeliveryError, needSecret, scrubbed, type Transport } from './transport';
import type { EmailTransportConfig, OutgoingMessage } from './types';

export class SmtpTransport implements Transport {
  readonly name: string;
  constructor(private readonly cfg: EmailTransportConfig, private readonly secrets: SecretSource) {
    this.name = cfg.name;
  }

  async send(message: OutgoingMessage): Promise<string> {
    const c = this.cfg;
    const what = `e-mail via ${c.host}:${c.port}`;
    const pass = c.passwordCredential ? await needSecret(this.secrets, c.passwordCredential, what) : undefined;
    // The password, and the forms AUTH PLAIN/LOGIN put on the wire, in case a server or library echoes them.
    const hide = pass ? [pass, Buffer.from(pass).toString('base64'), Buffer.from(`\0${c.user ?? ''}\0${pass}`).toString('base64')] : [];
    return scrubbed(hide, what, async () => {
      const ca = c.caFile ? await fs.readFile(c.caFile).catch((e: Error) => { throw new DeliveryError(`cannot read caFile ${c.caFile}: ${e.message}`, true); }) : undefined;
      const transport = nodemailer.createTransport({
        host: c.host,
        port: c.port,
        secure: c.security === 'tls',
        requireTLS: c.security === 'starttls',
        ignoreTLS: c.security === 'none',
        auth: c.user ? { user: c.user, pass: pass ?? '' } : undefined,
        tls: { ca, servername: c.servername, minVersion: 'TLSv1.2' },
        connectionTimeout: c.timeoutMs,
        greetingTimeout: c.timeoutMs,
        socketTimeout: c.timeoutMs * 3,
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      try {
        const r = renderMessage(message);
        const info = await transport.sendMail({
          from: c.from,
          to: c.to,
          subject: r.subject,
          text: r.text,
          html: r.html,
          headers: { 'X-Parc-Delivery': message.id, 'Auto-Submitted': 'auto-generated' },
        });
        const rejected = (info.rejected ?? []).map(String);
        if (rejected.length) throw new DeliveryError(`rejected recipients ${rejected.join(', ')}`);
        return String(info.response ?? 'sent');
      } catch (err) {
        const e = err as Error & { code?: string; responseCode?: number };
        // 5xx answers and failed logins do not get better by retrying soon, but the password may be fixed: retried anyway.
        if (e.code === 'EAUTH') throw Object.assign(new Error(`login refused for "${c.user}" (${e.message.replace(/^Invalid login:\s*/, '')})`), { permanent: false });
        throw err;
      } finally {
        transport.close();
      }
    });
  }
}
