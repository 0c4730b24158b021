// Reading WS-Management responses. The shapes are small and fixed, so a namespace-prefix-agnostic
// scan is enough; anything unexpected becomes a WsmanError that names what was missing.

export class WsmanError extends Error {
  constructor(
    message: string,
    /** WSManFault code when the host sent one (e.g. 2150858793 = operation timeout). */
    readonly code?: number,
  ) {
    super(message);
    this.name = 'WsmanError';
  }
}

export const TIMEOUT_FAULT = 2150858793;

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-fA-F]+));/g, (_, n: string, d?: string, x?: string) =>
    d ? String.fromCodePoint(Number(d)) : x ? String.fromCodePoint(parseInt(x, 16)) : ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[n],
  );
}

const el = (local: string) => new RegExp(`<(?:[\\w.-]+:)?${local}\\b([^>]*?)(?:/>|>([\\s\\S]*?)</(?:[\\w.-]+:)?${local}>)`, 'g');

function first(xml: string, local: string): { attrs: string; text: string } | undefined {
  const m = el(local).exec(xml);
  return m ? { attrs: m[1], text: unescapeXml((m[2] ?? '').trim()) } : undefined;
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}="([^"]*)"`).exec(attrs);
  return m ? unescapeXml(m[1]) : undefined;
}

/** Throws WsmanError when the envelope is a SOAP fault. */
export function checkFault(xml: string): void {
  if (!/<(?:[\w.-]+:)?Fault\b/.test(xml)) return;
  const wsman = first(xml, 'WSManFault');
  const code = wsman ? Number(attr(wsman.attrs, 'Code')) : undefined;
  const msg = first(xml, 'Message')?.text.replace(/<[^>]+>/g, '').trim() || first(xml, 'Text')?.text || 'SOAP fault without a reason';
  throw new WsmanError(`WS-Management fault${code ? ` ${code}` : ''}: ${msg}`, Number.isFinite(code) ? code : undefined);
}

export function relatesTo(xml: string): string | undefined {
  return first(xml, 'RelatesTo')?.text;
}

export function parseShellId(xml: string): string {
  checkFault(xml);
  const sel = [...xml.matchAll(el('Selector'))].find((m) => attr(m[1], 'Name') === 'ShellId');
  const id = sel ? unescapeXml((sel[2] ?? '').trim()) : first(xml, 'ShellId')?.text;
  if (!id) throw new WsmanError('Create response has no ShellId');
  return id;
}

export function parseCommandId(xml: string): string {
  checkFault(xml);
  const id = first(xml, 'CommandId')?.text;
  if (!id) throw new WsmanError('Command response has no CommandId');
  return id;
}

export interface ReceiveChunk {
  stdout: Buffer[];
  stderr: Buffer[];
  done: boolean;
  exitCode?: number;
}

export function parseReceive(xml: string, commandId: string): ReceiveChunk {
  checkFault(xml);
  const out: ReceiveChunk = { stdout: [], stderr: [], done: false };
  for (const m of xml.matchAll(el('Stream'))) {
    const cid = attr(m[1], 'CommandId');
    if (cid && cid.toUpperCase() !== commandId.toUpperCase()) continue;
    const name = attr(m[1], 'Name');
    const data = (m[2] ?? '').trim();
    if (!data) continue;
    if (name === 'stdout') out.stdout.push(Buffer.from(data, 'base64'));
    else if (name === 'stderr') out.stderr.push(Buffer.from(data, 'base64'));
  }
  const state = [...xml.matchAll(el('CommandState'))][0];
  if (state && /CommandState\/Done$/.test(attr(state[1], 'State') ?? '')) {
    out.done = true;
    const code = state[2] ? first(state[2], 'ExitCode')?.text : undefined;
    out.exitCode = code !== undefined && /^-?\d+$/.test(code) ? Number(code) : undefined;
  }
  return out;
}
