// NTLM message confidentiality and integrity with extended session security (MS-NLMP 3.4.3, 3.4.4.2):
// one RC4 keystream and one sequence number per direction, kept for the whole connection.
import { NTLM } from './flags';
import { hmacMd5, sealKey, signKey } from './crypto';
import { Rc4 } from './rc4';

export class NtlmSignatureError extends Error {}

interface Direction {
  sign: Buffer;
  rc4: Rc4;
  seq: number;
}

export class NtlmSessionSecurity {
  private readonly out: Direction;
  private readonly in: Direction;

  constructor(exportedSessionKey: Buffer, private readonly flags: number, isClient: boolean) {
    const bits = flags & NTLM.KEY_128 ? 128 : flags & NTLM.KEY_56 ? 56 : 40;
    const dir = (fromClient: boolean): Direction => ({ sign: signKey(exportedSessionKey, fromClient), rc4: new Rc4(sealKey(exportedSessionKey, fromClient, bits)), seq: 0 });
    this.out = dir(isClient);
    this.in = dir(!isClient);
  }

  private mac(d: Direction, seq: number, message: Buffer): Buffer {
    const seqBuf = Buffer.alloc(4);
    seqBuf.writeUInt32LE(seq >>> 0);
    let checksum = hmacMd5(d.sign, seqBuf, message).subarray(0, 8);
    if (this.flags & NTLM.KEY_EXCH) checksum = d.rc4.update(checksum);
    return Buffer.concat([Buffer.from([1, 0, 0, 0]), checksum, seqBuf]);
  }

  /** Encrypts and signs one outgoing message: returns the 16-byte signature and the sealed bytes. */
  seal(message: Buffer): { signature: Buffer; sealed: Buffer } {
    const sealed = this.out.rc4.update(message);
    const signature = this.mac(this.out, this.out.seq++, message);
    return { signature, sealed };
  }

  /** Decrypts one incoming message and checks its signature (order and integrity). */
  unseal(sealed: Buffer, signature: Buffer): Buffer {
    const message = this.in.rc4.update(sealed);
    const expected = this.mac(this.in, this.in.seq++, message);
    if (!expected.equals(signature)) throw new NtlmSignatureError('NTLM signature mismatch: the message was altered, replayed or sealed with other keys');
    return message;
  }
}
