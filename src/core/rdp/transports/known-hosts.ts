// Host key checks for the SSH transport to Windows hosts: the shared known_hosts checker of src/core/ssh
// (trust on first use with the fingerprint shown, a changed key refused), with the verdict shape this
// transport reports.
import { HostKeyError, KnownHosts, type HostKeyInfo } from '../../ssh/known-hosts';

export type HostKeyPrompt = Pick<HostKeyInfo, 'host' | 'port' | 'keyType' | 'fingerprint'>;

export type TrustOnFirstUse = (prompt: HostKeyPrompt) => Promise<boolean>;

export type HostKeyVerdict = { ok: true } | { ok: false; reason: string };

/** Checks `blob` for host:port; asks `trust` for an unknown host and records the key when accepted. */
export async function verifyHostKey(file: string, host: string, port: number, blob: Buffer, trust: TrustOnFirstUse | undefined): Promise<HostKeyVerdict> {
  try {
    await new KnownHosts(file).verify(host, port, blob, trust);
    return { ok: true };
  } catch (err) {
    if (err instanceof HostKeyError) return { ok: false, reason: err.message };
    throw err;
  }
}
