// A lying SNMP agent for tests (issue 13): a UDP responder on 127.0.0.1 that takes each v1/v2c request and
// answers it wrongly on purpose. No real peer misbehaves on demand, hence this one; it speaks real BER.
//   echo        a GetResponse with the request's own OIDs (NULL values): a walk that never advances
//   wrong-id    a correct-looking GetResponse with another request ID
//   garbage     bytes that are not BER
//   truncated   a GetResponse cut in the middle
//   every-other no reply to every other packet
//   other-port  the reply comes from another UDP port
import * as dgram from 'node:dgram';

export type HostileMode = 'echo' | 'wrong-id' | 'garbage' | 'truncated' | 'every-other' | 'other-port';

export interface HostileAgent {
  port: number;
  /** Requests received so far. */
  readonly requests: number;
  stop(): Promise<void>;
}

interface Tlv { tag: number; value: Buffer; end: number }

function readTlv(b: Buffer, at: number): Tlv {
  const tag = b[at];
  let len = b[at + 1];
  let p = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[p + i];
    p += n;
  }
  if (p + len > b.length) throw new Error('short');
  return { tag, value: b.subarray(p, p + len), end: p + len };
}

function tlv(tag: number, value: Buffer): Buffer {
  const n = value.length;
  const len = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff]);
  return Buffer.concat([Buffer.from([tag]), len, value]);
}

const int = (v: number) => tlv(0x02, v >= 0 && v < 0x80 ? Buffer.from([v]) : (() => { const b = Buffer.alloc(4); b.writeInt32BE(v); return b; })());

/** The request turned into a GetResponse: same version and community, `reqId`, each varbind's OID with NULL. */
function response(req: Buffer, idDelta: number): Buffer {
  const msg = readTlv(req, 0);
  const version = readTlv(msg.value, 0);
  const community = readTlv(msg.value, version.end);
  const pdu = readTlv(msg.value, community.end);
  const reqId = readTlv(pdu.value, 0);
  const e1 = readTlv(pdu.value, reqId.end);
  const e2 = readTlv(pdu.value, e1.end);
  const vbl = readTlv(pdu.value, e2.end);
  const vbs: Buffer[] = [];
  for (let at = 0; at < vbl.value.length;) {
    const vb = readTlv(vbl.value, at);
    const oid = readTlv(vb.value, 0);
    vbs.push(tlv(0x30, Buffer.concat([tlv(0x06, oid.value), Buffer.from([0x05, 0x00])])));
    at = vb.end;
  }
  const id = reqId.value.readIntBE(0, Math.min(reqId.value.length, 6)) + idDelta;
  const body = Buffer.concat([int(id | 0), int(0), int(0), tlv(0x30, Buffer.concat(vbs))]);
  return tlv(0x30, Buffer.concat([tlv(0x02, version.value), tlv(0x04, community.value), tlv(0xa2, body)]));
}

export async function startHostileAgent(mode: HostileMode): Promise<HostileAgent> {
  const sock = dgram.createSocket('udp4');
  const other = dgram.createSocket('udp4');
  await Promise.all([sock, other].map((s) => new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()))));
  let requests = 0;
  sock.on('message', (msg, rinfo) => {
    requests++;
    let out: Buffer | undefined;
    try {
      if (mode === 'garbage') out = Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00]);
      else if (mode === 'wrong-id') out = response(msg, 1);
      else if (mode === 'truncated') out = response(msg, 0).subarray(0, Math.max(4, response(msg, 0).length - 5));
      else if (mode === 'every-other') out = requests % 2 ? undefined : response(msg, 0);
      else out = response(msg, 0);
    } catch {
      out = undefined;
    }
    if (!out) return;
    (mode === 'other-port' ? other : sock).send(out, rinfo.port, rinfo.address);
  });
  return {
    port: sock.address().port,
    get requests() {
      return requests;
    },
    stop: async () => {
      await Promise.all([sock, other].map((s) => new Promise<void>((r) => s.close(() => r()))));
    },
  };
}
