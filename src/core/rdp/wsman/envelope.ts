// WS-Management remote shell requests (MS-WSMV 3.1.4: Create, Command, Receive, Signal, Delete)
// for the cmd shell, as SOAP 1.2 envelopes.
import { randomUUID } from 'node:crypto';

export const NS = {
  s: 'http://www.w3.org/2003/05/soap-envelope',
  a: 'http://schemas.xmlsoap.org/ws/2004/08/addressing',
  w: 'http://schemas.dmtf.org/wbem/wsman/1/wsman.xsd',
  rsp: 'http://schemas.microsoft.com/wbem/wsman/1/windows/shell',
} as const;

export const ACTION = {
  create: 'http://schemas.xmlsoap.org/ws/2004/09/transfer/Create',
  delete: 'http://schemas.xmlsoap.org/ws/2004/09/transfer/Delete',
  command: `${NS.rsp}/Command`,
  receive: `${NS.rsp}/Receive`,
  signal: `${NS.rsp}/Signal`,
} as const;

export const CMD_SHELL = `${NS.rsp}/cmd`;
export const SIGNAL_TERMINATE = `${NS.rsp}/signal/terminate`;

export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface EnvelopeOptions {
  action: string;
  url: string;
  shellId?: string;
  options?: Record<string, string>;
  body?: string;
  timeoutSeconds?: number;
  messageId?: string;
  maxEnvelopeSize?: number;
}

export function envelope(o: EnvelopeOptions): { xml: string; messageId: string } {
  const messageId = o.messageId ?? `uuid:${randomUUID().toUpperCase()}`;
  const options = o.options && Object.keys(o.options).length
    ? `<w:OptionSet>${Object.entries(o.options).map(([k, v]) => `<w:Option Name="${xmlEscape(k)}">${xmlEscape(v)}</w:Option>`).join('')}</w:OptionSet>`
    : '';
  const selector = o.shellId ? `<w:SelectorSet><w:Selector Name="ShellId">${xmlEscape(o.shellId)}</w:Selector></w:SelectorSet>` : '';
  const xml =
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<s:Envelope xmlns:s="${NS.s}" xmlns:a="${NS.a}" xmlns:w="${NS.w}" xmlns:rsp="${NS.rsp}">` +
    `<s:Header>` +
    `<a:To>${xmlEscape(o.url)}</a:To>` +
    `<a:ReplyTo><a:Address s:mustUnderstand="true">http://schemas.xmlsoap.org/ws/2004/08/addressing/role/anonymous</a:Address></a:ReplyTo>` +
    `<a:Action s:mustUnderstand="true">${o.action}</a:Action>` +
    `<a:MessageID>${messageId}</a:MessageID>` +
    `<w:ResourceURI s:mustUnderstand="true">${CMD_SHELL}</w:ResourceURI>` +
    `<w:MaxEnvelopeSize s:mustUnderstand="true">${o.maxEnvelopeSize ?? 153600}</w:MaxEnvelopeSize>` +
    `<w:OperationTimeout>PT${o.timeoutSeconds ?? 60}S</w:OperationTimeout>` +
    `<w:Locale xml:lang="en-US" s:mustUnderstand="false"/>` +
    selector +
    options +
    `</s:Header>` +
    `<s:Body>${o.body ?? ''}</s:Body>` +
    `</s:Envelope>`;
  return { xml, messageId };
}

export function createShellBody(): string {
  return `<rsp:Shell><rsp:InputStreams>stdin</rsp:InputStreams><rsp:OutputStreams>stdout stderr</rsp:OutputStreams></rsp:Shell>`;
}

export function commandBody(commandLine: string): string {
  return `<rsp:CommandLine><rsp:Command>${xmlEscape(commandLine)}</rsp:Command></rsp:CommandLine>`;
}

export function receiveBody(commandId: string): string {
  return `<rsp:Receive><rsp:DesiredStream CommandId="${xmlEscape(commandId)}">stdout stderr</rsp:DesiredStream></rsp:Receive>`;
}

export function signalBody(commandId: string, code = SIGNAL_TERMINATE): string {
  return `<rsp:Signal CommandId="${xmlEscape(commandId)}"><rsp:Code>${code}</rsp:Code></rsp:Signal>`;
}
