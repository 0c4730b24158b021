// RC4 in plain JavaScript (Node 20's OpenSSL 3 refuses it). NTLM sealing keeps one keystream per
// direction for the whole connection, so the state is an object, not a one-shot function.
export class Rc4 {
  private readonly s = new Uint8Array(256);
  private i = 0;
  private j = 0;

  constructor(key: Uint8Array) {
    if (!key.length) throw new RangeError('RC4 key must not be empty');
    for (let k = 0; k < 256; k++) this.s[k] = k;
    let j = 0;
    for (let k = 0; k < 256; k++) {
      j = (j + this.s[k] + key[k % key.length]) & 0xff;
      [this.s[k], this.s[j]] = [this.s[j], this.s[k]];
    }
  }

  update(data: Uint8Array): Buffer {
    const out = Buffer.alloc(data.length);
    const s = this.s;
    for (let n = 0; n < data.length; n++) {
      this.i = (this.i + 1) & 0xff;
      this.j = (this.j + s[this.i]) & 0xff;
      const t = s[this.i];
      s[this.i] = s[this.j];
      s[this.j] = t;
      out[n] = data[n] ^ s[(s[this.i] + s[this.j]) & 0xff];
    }
    return out;
  }
}

export function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  return new Rc4(key).update(data);
}
