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

interface Element {
  attrs: string;
  /** Raw content; undefined for `<x/>`. */
  inner?: string;
}

/**
 * The `local` elements of `xml` (any namespace prefix), in order. A scanner rather than one regular expression:
 * `<x ([^>]*?)(/>|>…</x>)` rescanned the rest of the text from every unclosed `<x`, quadratic on a crafted
 * response (20,000 unclosed elements took a minute; found by the fuzz tests). Here, an element that is not
 * closed ends the scan, since no later one can be closed either.
 */
function* elements(xml: string, local: string): Generator<Element> {
  const open = new RegExp(`<(?:[\\w.-]+:)?${local}\\b`, 'g');
  const close = new RegExp(`</(?:[\\w.-]+:)?${local}>`, 'g');
  while (open.exec(xml)) {
    const gt = xml.indexOf('>', open.lastIndex);
    if (gt < 0) return;
    if (xml[gt - 1] === '/') {
      yield { attrs: xml.slice(open.lastIndex, gt - 1) };
      open.lastIndex = gt + 1;
      continue;
    }
    close.lastIndex = gt + 1;
    const c = close.exec(xml);
    if (!c) return;
    yield { attrs: xml.slice(open.lastIndex, gt), inner: xml.slice(gt + 1, c.index) };
    open.lastIndex = c.index + c[0].length;
  }
}

function first(xml: string, local: string): { attrs: string; text: string } | undefined {
  for (const e of elements(xml, local)) return { attrs: e.attrs, text: unescapeXml((e.inner ?? '').trim()) };
  return undefined;
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
  const msg = first(xml, 'Message')?.text.replace(/<[^<>]*>/g, '').trim() || first(xml, 'Text')?.text || 'SOAP fault without a reason';
  throw new WsmanError(`WS-Management fault${code ? ` ${code}` : ''}: ${msg}`, Number.isFinite(code) ? code : undefined);
}

export function relatesTo(xml: string): string | undefined {
  return first(xml, 'RelatesTo')?.text;
}

export function parseShellId(xml: string): string {
  checkFault(xml);
  const sel = [...elements(xml, 'Selector')].find((e) => attr(e.attrs, 'Name') === 'ShellId');
  const id = sel ? unescapeXml((sel.inner ?? '').trim()) : first(xml, 'ShellId')?.text;
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
  for (const e of elements(xml, 'Stream')) {
    const cid = attr(e.attrs, 'CommandId');
    if (cid && cid.toUpperCase() !== commandId.toUpperCase()) continue;
    const name = attr(e.attrs, 'Name');
    const data = (e.inner ?? '').trim();
    if (!data) continue;
    if (name === 'stdout') out.stdout.push(Buffer.from(data, 'base64'));
    else if (name === 'stderr') out.stderr.push(Buffer.from(data, 'base64'));
  }
  const state = elements(xml, 'CommandState').next().value;
  if (state && /CommandState\/Done$/.test(attr(state.attrs, 'State') ?? '')) {
    out.done = true;
    const code = state.inner ? first(state.inner, 'ExitCode')?.text : undefined;
    out.exitCode = code !== undefined && /^-?\d+$/.test(code) ? Number(code) : undefined;
  }
  return out;
}
