// A PHP tokenizer sufficient for configuration files: inline text, open/close tags, comments, strings (single,
// double, heredoc, nowdoc), numbers, variables, names and punctuation. Every token keeps its byte range so edits
// can touch exactly the statements they mean to and leave every other byte alone.
import { hasOwnKey } from '../lookup';

export type TokenKind = 'inline' | 'open' | 'close' | 'ws' | 'comment' | 'var' | 'name' | 'string' | 'number' | 'punct';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
  /** Decoded value of a string or number literal. */
  value?: string | number;
  /** A double-quoted string or heredoc with `$` interpolation: its value is not known statically. */
  interpolated?: boolean;
}

export class PhpSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
    this.name = 'PhpSyntaxError';
  }
}

// Sticky regexes (matched at lastIndex): `re.exec(src.slice(i))` would copy the rest of the file at every
// number or escape, quadratic on a large file (issue 13, item 3).
const NUMBER = /0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]+(?![.eE0-9])|(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][+-]?[0-9]+)?/y;
const HEREDOC = /<<<[ \t]*(['"]?)([A-Za-z_]\w*)\1\r?\n/y;
const OCTAL = /[0-7]{1,3}/y;
const HEX = /[0-9a-fA-F]{1,2}/y;

function stickyAt(re: RegExp, src: string, i: number): RegExpExecArray | null {
  re.lastIndex = i;
  return re.exec(src);
}

const PUNCT = ['<<=', '>>=', '**=', '...', '<=>', '===', '!==', '??=', '?->', '::', '=>', '->', '==', '!=', '<>', '<=', '>=', '&&', '||', '??', '++', '--', '+=', '-=', '*=', '/=', '.=', '%=', '&=', '|=', '^=', '<<', '>>', '**'];

const PUNCT_START = new Set(PUNCT.map((x) => x[0]));

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x1680 || c === 0x202f || c === 0x205f;
}

/** [\w\x80-\uffff], plus the backslash of namespaced names when `backslash`. */
function isWord(c: number, backslash: boolean): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c >= 0x80 || (backslash && c === 92);
}

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, extra: Partial<Token> = {}) => out.push({ kind, start, end, text: src.slice(start, end), ...extra });
  while (i < src.length) {
    // Outside PHP: everything up to the next open tag.
    const open = src.indexOf('<?', i);
    const openEnd = open < 0 ? -1 : src.startsWith('<?php', open) ? open + 5 : src.startsWith('<?=', open) ? open + 3 : open + 2;
    if (open !== i) {
      push('inline', i, open < 0 ? src.length : open);
      if (open < 0) break;
    }
    push('open', open, openEnd);
    i = openEnd;
    i = lexPhp(src, i, push);
  }
  return out;
}

function lexPhp(src: string, i: number, push: (k: TokenKind, s: number, e: number, x?: Partial<Token>) => void): number {
  while (i < src.length) {
    const c = src[i];
    const start = i;
    if (src.startsWith('?>', i)) {
      let end = i + 2;
      if (src[end] === '\n') end++;
      else if (src.startsWith('\r\n', end)) end += 2;
      push('close', i, end);
      return end;
    }
    if (isSpace(src.charCodeAt(i))) {
      while (i < src.length && isSpace(src.charCodeAt(i))) i++;
      push('ws', start, i);
      continue;
    }
    if ((c === '#' && src[i + 1] !== '[') || (c === '/' && src[i + 1] === '/')) {
      while (i < src.length && src[i] !== '\n' && !src.startsWith('?>', i)) i++;
      push('comment', start, i);
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new PhpSyntaxError('unterminated /* comment', start);
      i = end + 2;
      push('comment', start, i);
      continue;
    }
    if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new PhpSyntaxError('unterminated string', start);
        const ch = src[i];
        if (ch === '\\' && (src[i + 1] === "'" || src[i + 1] === '\\')) {
          v += src[i + 1];
          i += 2;
        } else if (ch === "'") {
          i++;
          break;
        } else {
          v += ch;
          i++;
        }
      }
      push('string', start, i, { value: v });
      continue;
    }
    if (c === '"') {
      const r = readDoubleQuoted(src, i + 1, '"');
      i = r.end + 1;
      push('string', start, i, { value: r.value, interpolated: r.interpolated });
      continue;
    }
    if (src.startsWith('<<<', i)) {
      const m = stickyAt(HEREDOC, src, i);
      if (!m) throw new PhpSyntaxError('malformed heredoc', start);
      const bodyStart = i + m[0].length;
      const close = new RegExp(`^([ \\t]*)${m[2]}\\b`, 'm');
      const rest = src.slice(bodyStart);
      const cm = close.exec(rest);
      if (!cm) throw new PhpSyntaxError(`heredoc ${m[2]} is never closed`, start);
      const raw = rest.slice(0, cm.index).replace(/\r?\n$/, '');
      const indent = cm[1].length;
      const body = raw.split('\n').map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join('\n');
      i = bodyStart + cm.index + cm[0].length;
      if (m[1] === "'") push('string', start, i, { value: body });
      else {
        const r = readDoubleQuoted(body + '\u0000', 0, '\u0000');
        push('string', start, i, { value: r.value, interpolated: r.interpolated });
      }
      continue;
    }
    if (c === '$' && /[A-Za-z_\x80-\uffff]/.test(src[i + 1] ?? '')) {
      i++;
      while (i < src.length && isWord(src.charCodeAt(i), false)) i++;
      push('var', start, i);
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = stickyAt(NUMBER, src, i)!;
      const text = m[0].replace(/_/g, '');
      let value: number;
      if (/^0[xX]/.test(text)) value = parseInt(text.slice(2), 16);
      else if (/^0[bB]/.test(text)) value = parseInt(text.slice(2), 2);
      else if (/^0[oO]?[0-7]+$/.test(text) && text.length > 1) value = parseInt(text.replace(/^0[oO]?/, ''), 8);
      else value = Number(text);
      i += m[0].length;
      push('number', start, i, { value });
      continue;
    }
    if (/[A-Za-z_\\\x80-\uffff]/.test(c)) {
      while (i < src.length && isWord(src.charCodeAt(i), true)) i++;
      push('name', start, i);
      continue;
    }
    const p = PUNCT_START.has(c) ? PUNCT.find((x) => src.startsWith(x, i)) : undefined;
    i += p ? p.length : 1;
    push('punct', start, i);
  }
  return i;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', v: '\v', e: '\x1b', f: '\f', '\\': '\\', $: '$', '"': '"' };

function readDoubleQuoted(src: string, i: number, quote: string): { value: string; end: number; interpolated: boolean } {
  let v = '';
  let interpolated = false;
  const start = i;
  for (;;) {
    if (i >= src.length) throw new PhpSyntaxError('unterminated string', start - 1);
    const ch = src[i];
    if (ch === quote) return { value: v, end: i, interpolated };
    if (ch === '\\') {
      const n = src[i + 1];
      if (hasOwnKey(SIMPLE_ESCAPES, n) && (n !== '"' || quote === '"')) {
        v += SIMPLE_ESCAPES[n];
        i += 2;
      } else if (/[0-7]/.test(n)) {
        const m = stickyAt(OCTAL, src, i + 1)![0];
        v += String.fromCharCode(parseInt(m, 8) & 0xff);
        i += 1 + m.length;
      } else if (n === 'x' && /[0-9a-fA-F]/.test(src[i + 2] ?? '')) {
        const m = stickyAt(HEX, src, i + 2)![0];
        v += String.fromCharCode(parseInt(m, 16));
        i += 2 + m.length;
      } else if (n === 'u' && src[i + 2] === '{') {
        const close = src.indexOf('}', i);
        const cp = close < 0 ? NaN : parseInt(src.slice(i + 3, close), 16);
        if (!(cp >= 0 && cp <= 0x10ffff) || !/^[0-9a-fA-F]+$/.test(src.slice(i + 3, close))) throw new PhpSyntaxError('invalid \\u{...} escape', i);
        v += String.fromCodePoint(cp);
        i = close + 1;
      } else {
        v += ch;
        i++;
      }
      continue;
    }
    if (ch === '$' && /[A-Za-z_{]/.test(src[i + 1] ?? '')) interpolated = true;
    if (ch === '{' && src[i + 1] === '$') interpolated = true;
    v += ch;
    i++;
  }
}
