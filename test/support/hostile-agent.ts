// A lying SNMP agent for tests (issue 13): a UDP responder on 127.0.0.1 that takes each v1/v2c request and
// answers it wrongly on purpose. No real peer misbehaves on demand, hence this one; it speaks real BER.
//   echo        a GetResponse with the request's own OIDs (NULL values): a walk that never advances
//   wrong-id    a correct-looking GetResponse with another request ID
//   garbage     bytes that are not BER
//   truncated   a GetResponse cut in the middle
//   every-other no reply to every other packet
//   other-port  the reply comes from another UDP port
// and, answering from a recording (snmprec lines, a small Linux host of our own by default) with a lie on top:
//   endless     the ifTable's ifIndex column has rows without end (a walk that always advances)
//   huge        sysDescr and a million-row ifDescr column of 30 kB strings (a walk that fills memory)
//   backwards   every Counter32/Counter64 goes down at each poll (each GET of sysUpTime)
//   honest      the recording as it is (a control)
import * as dgram from 'node:dgram';

export type HostileMode = 'echo' | 'wrong-id' | 'garbage' | 'truncated' | 'every-other' | 'other-port' | 'endless' | 'huge' | 'backwards' | 'honest';

/** Modes that answer from a recording. */
const RECORDED = new Set<HostileMode>(['endless', 'huge', 'backwards', 'honest']);

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
  const len = n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : n < 0x10000 ? Buffer.from([0x82, n >> 8, n & 0xff]) : Buffer.from([0x83, n >> 16, (n >> 8) & 0xff, n & 0xff]);
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

// ---- answering from a recording ----

type Oid = number[];
interface Entry { oid: Oid; type: number; value: Buffer }

function parseOid(text: string): Oid {
  return text.replace(/^\./, '').split('.').map(Number);
}

function cmp(a: Oid, b: Oid): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

const startsWith = (o: Oid, p: Oid) => o.length > p.length && p.every((x, i) => o[i] === x);

function encodeOid(o: Oid): Buffer {
  const out = [o[0] * 40 + (o[1] ?? 0)];
  for (const n of o.slice(2)) {
    const sub = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) sub.unshift((v & 0x7f) | 0x80);
    out.push(...sub);
  }
  return Buffer.from(out);
}

function decodeOid(b: Buffer): Oid {
  const out = [Math.floor(b[0] / 40), b[0] % 40];
  let n = 0;
  for (const x of b.subarray(1)) {
    n = n * 128 + (x & 0x7f);
    if (!(x & 0x80)) {
      out.push(n);
      n = 0;
    }
  }
  return out;
}

/** An unsigned number (Counter32, Gauge32, TimeTicks, Counter64) as BER content. */
function unsigned(n: bigint): Buffer {
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  const b = Buffer.from(hex, 'hex');
  return b[0] & 0x80 ? Buffer.concat([Buffer.from([0]), b]) : b;
}

function signed(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  let i = 0;
  while (i < 3 && ((b[i] === 0 && !(b[i + 1] & 0x80)) || (b[i] === 0xff && b[i + 1] & 0x80))) i++;
  return b.subarray(i);
}

/** snmprec lines (`oid|type|value`, type 4x for hex) to sorted entries. */
export function parseSnmprec(text: string): Entry[] {
  const out: Entry[] = [];
  for (const line of text.split('\n')) {
    const m = /^([\d.]+)\|(\d+)(x?)\|(.*)$/.exec(line.trim());
    if (!m) continue;
    const type = Number(m[2]);
    const raw = m[3] ? Buffer.from(m[4], 'hex') : undefined;
    let value: Buffer;
    if (type === 4) value = raw ?? Buffer.from(m[4], 'latin1');
    else if (type === 6) value = encodeOid(parseOid(m[4]));
    else if (type === 2) value = signed(Number(m[4]));
    else if (type === 64) value = raw ?? Buffer.from(m[4].split('.').map(Number));
    else value = unsigned(BigInt(m[4]));
    out.push({ oid: parseOid(m[1]), type, value });
  }
  return out.sort((a, b) => cmp(a.oid, b.oid));
}

/** A small Linux host of our own: the system group and two interfaces (one gigabit with 64-bit counters, one of 100 Mbit/s with 32-bit ones). */
export const HOSTILE_RECORDING = [
  '1.3.6.1.2.1.1.1.0|4|Linux hostile 6.1.0-13-amd64 #1 SMP Debian 6.1.55-1 x86_64',
  '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10',
  '1.3.6.1.2.1.1.3.0|67|123456',
  '1.3.6.1.2.1.1.4.0|4|ops@example.org',
  '1.3.6.1.2.1.1.5.0|4|hostile',
  '1.3.6.1.2.1.1.6.0|4|Lab, rack 1',
  '1.3.6.1.2.1.1.7.0|2|72',
  '1.3.6.1.2.1.2.1.0|2|2',
  ...[1, 2].flatMap((i) => [
    `1.3.6.1.2.1.2.2.1.1.${i}|2|${i}`,
    `1.3.6.1.2.1.2.2.1.2.${i}|4|eth${i - 1}`,
    `1.3.6.1.2.1.2.2.1.3.${i}|2|6`,
    `1.3.6.1.2.1.2.2.1.4.${i}|2|1500`,
    `1.3.6.1.2.1.2.2.1.5.${i}|66|${i === 1 ? 1000000000 : 100000000}`,
    `1.3.6.1.2.1.2.2.1.6.${i}|4x|52540000000${i}`,
    `1.3.6.1.2.1.2.2.1.7.${i}|2|1`,
    `1.3.6.1.2.1.2.2.1.8.${i}|2|1`,
    `1.3.6.1.2.1.2.2.1.10.${i}|65|${3_000_000_000 + i}`,
    `1.3.6.1.2.1.2.2.1.14.${i}|65|0`,
    `1.3.6.1.2.1.2.2.1.16.${i}|65|${2_000_000_000 + i}`,
    `1.3.6.1.2.1.2.2.1.20.${i}|65|0`,
  ]),
  // ifXTable: 64-bit counters for eth0 only
  '1.3.6.1.2.1.31.1.1.1.1.1|4|eth0',
  '1.3.6.1.2.1.31.1.1.1.1.2|4|eth1',
  '1.3.6.1.2.1.31.1.1.1.6.1|70|900000000000',
  '1.3.6.1.2.1.31.1.1.1.10.1|70|800000000000',
  '1.3.6.1.2.1.31.1.1.1.15.1|66|1000',
  '1.3.6.1.2.1.31.1.1.1.15.2|66|100',
].join('\n');

const SYS_UPTIME = parseOid('1.3.6.1.2.1.1.3.0');
const IF_INDEX = parseOid('1.3.6.1.2.1.2.2.1.1');
const IF_DESCR = parseOid('1.3.6.1.2.1.2.2.1.2');
const SYS_DESCR = parseOid('1.3.6.1.2.1.1.1.0');
const HUGE = 30_000;
const HUGE_ROWS = 1_000_000;

/** The recording with the mode's lie: lookups of one OID (GET) and of the next one (GETNEXT). */
class View {
  private readonly entries: Entry[];
  /** Polls seen (GETs of sysUpTime): how far the counters have gone back. */
  polls = 0;
  constructor(private readonly mode: HostileMode, recording: string) {
    this.entries = parseSnmprec(recording);
  }

  private lie(e: Entry): Entry {
    if (this.mode === 'huge' && e.type === 4 && cmp(e.oid, SYS_DESCR) === 0) return { ...e, value: Buffer.alloc(HUGE, 'D') };
    if (this.mode === 'backwards' && (e.type === 65 || e.type === 70)) {
      const n = BigInt('0x' + (e.value.toString('hex') || '0'));
      const back = BigInt(this.polls) * 1_000_000n;
      return { ...e, value: unsigned(n > back ? n - back : 0n) };
    }
    return e;
  }

  /** The endless or huge column's row after `oid`, if the mode has one. */
  private virtualNext(oid: Oid): Entry | undefined {
    const col = this.mode === 'endless' ? IF_INDEX : this.mode === 'huge' ? IF_DESCR : undefined;
    if (!col) return undefined;
    let k: number;
    if (cmp(oid, col) < 0 && !startsWith(oid, col)) k = 1;
    else if (startsWith(oid, col)) k = oid[col.length] + 1;
    else return undefined;
    if (this.mode === 'huge' && k > HUGE_ROWS) return undefined;
    const value = this.mode === 'endless' ? signed(k) : Buffer.alloc(HUGE, 'x');
    return { oid: [...col, k], type: this.mode === 'endless' ? 2 : 4, value };
  }

  get(oid: Oid): Entry | undefined {
    if (cmp(oid, SYS_UPTIME) === 0) this.polls++;
    const e = this.entries.find((x) => cmp(x.oid, oid) === 0);
    if (e) return this.lie(e);
    const v = startsWith(oid, IF_INDEX) || startsWith(oid, IF_DESCR) ? this.virtualNext([...oid.slice(0, -1), oid[oid.length - 1] - 1]) : undefined;
    return v && cmp(v.oid, oid) === 0 ? v : undefined;
  }

  next(oid: Oid): Entry | undefined {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(this.entries[mid].oid, oid) <= 0) lo = mid + 1;
      else hi = mid;
    }
    const rec = this.entries[lo];
    const virt = this.virtualNext(oid);
    const best = !rec ? virt : !virt ? rec : cmp(virt.oid, rec.oid) < 0 ? virt : rec;
    return best && (best === rec ? this.lie(rec) : best);
  }
}

function varbind(oid: Oid, e: Entry | undefined, missing: number): Buffer {
  return tlv(0x30, Buffer.concat([tlv(0x06, encodeOid(oid.length ? oid : [0, 0])), e ? tlv(e.type, e.value) : Buffer.from([missing, 0])]));
}

/** The honest answer of the (lying) recording to a GET, GETNEXT or GETBULK, within one UDP datagram. */
function recordedResponse(req: Buffer, view: View): Buffer {
  const msg = readTlv(req, 0);
  const version = readTlv(msg.value, 0);
  const community = readTlv(msg.value, version.end);
  const pdu = readTlv(msg.value, community.end);
  const reqId = readTlv(pdu.value, 0);
  const e1 = readTlv(pdu.value, reqId.end);
  const e2 = readTlv(pdu.value, e1.end);
  const vbl = readTlv(pdu.value, e2.end);
  const oids: Oid[] = [];
  for (let at = 0; at < vbl.value.length;) {
    const vb = readTlv(vbl.value, at);
    oids.push(decodeOid(readTlv(vb.value, 0).value));
    at = vb.end;
  }
  const v1 = version.value[0] === 0;
  const vbs: Buffer[] = [];
  let size = 0;
  let missingAt = 0;
  const add = (b: Buffer, e?: Entry) => {
    vbs.push(b);
    size += b.length;
    if (!e && !missingAt) missingAt = vbs.length;
  };
  const MAX = 60_000;
  if (pdu.tag === 0xa0) {
    for (const o of oids) {
      const e = view.get(o);
      add(varbind(o, e, 0x81), e);
    }
  } else if (pdu.tag === 0xa1) {
    for (const o of oids) {
      const e = view.next(o);
      add(varbind(e ? e.oid : o, e, 0x82), e);
    }
  } else if (pdu.tag === 0xa5) {
    const nonRep = e1.value.readIntBE(0, e1.value.length);
    const maxRep = e2.value.readIntBE(0, e2.value.length);
    oids.slice(0, nonRep).forEach((o) => {
      const e = view.next(o);
      add(varbind(e ? e.oid : o, e, 0x82), e);
    });
    const cursors = oids.slice(nonRep);
    for (let r = 0; r < maxRep && size < MAX; r++) {
      for (let i = 0; i < cursors.length && size < MAX; i++) {
        const e = view.next(cursors[i]);
        const b = varbind(e ? e.oid : cursors[i], e, 0x82);
        if (size + b.length > MAX && vbs.length) break;
        add(b, e);
        if (e) cursors[i] = e.oid;
      }
    }
  } else return Buffer.alloc(0);
  if (v1 && missingAt) {
    // SNMPv1 has no exception values: noSuchName (2) at the first missing varbind
    const body = Buffer.concat([tlv(0x02, reqId.value), int(2), int(missingAt), tlv(0x30, vbl.value)]);
    return tlv(0x30, Buffer.concat([tlv(0x02, version.value), tlv(0x04, community.value), tlv(0xa2, body)]));
  }
  const body = Buffer.concat([tlv(0x02, reqId.value), int(0), int(0), tlv(0x30, Buffer.concat(vbs))]);
  return tlv(0x30, Buffer.concat([tlv(0x02, version.value), tlv(0x04, community.value), tlv(0xa2, body)]));
}

export async function startHostileAgent(mode: HostileMode, o: { recording?: string; host?: string } = {}): Promise<HostileAgent> {
  const view = RECORDED.has(mode) ? new View(mode, o.recording ?? HOSTILE_RECORDING) : undefined;
  const sock = dgram.createSocket('udp4');
  const other = dgram.createSocket('udp4');
  await Promise.all([sock, other].map((s) => new Promise<void>((r) => s.bind(0, o.host ?? '127.0.0.1', () => r()))));
  let requests = 0;
  sock.on('message', (msg, rinfo) => {
    requests++;
    let out: Buffer | undefined;
    try {
      if (view) out = recordedResponse(msg, view);
      else if (mode === 'garbage') out = Buffer.from([0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00]);
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
