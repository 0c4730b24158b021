// A PHP tokenizer sufficient for configuration files: inline text, open/close tags, comments, strings (single,
// double, heredoc, nowdoc), numbers, variables, names and punctuation. Every token keeps its byte range so edits
// can touch exactly the statements they mean to and leave every other byte alone.

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

const PUNCT = ['<<=', '>>=', '**=', '...', '<=>', '===', '!==', '??=', '?->', '::', '=>', '->', '==', '!=', '<>', '<=', '>=', '&&', '||', '??', '++', '--', '+=', '-=', '*=', '/=', '.=', '%=', '&=', '|=', '^=', '<<', '>>', '**'];

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
    if (/\s/.test(c)) {
      while (i < src.length && /\s/.test(src[i])) i++;
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
      const m = /^<<<[ \t]*(['"]?)([A-Za-z_]\w*)\1\r?\n/.exec(src.slice(i));
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
      while (i < src.length && /[\w\x80-\uffff]/.test(src[i])) i++;
      push('var', start, i);
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]+(?![.eE0-9])|(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][+-]?[0-9]+)?)/.exec(src.slice(i))!;
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
      while (i < src.length && /[\w\\\x80-\uffff]/.test(src[i])) i++;
      push('name', start, i);
      continue;
    }
    const p = PUNCT.find((x) => src.startsWith(x, i));
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
      if (n in SIMPLE_ESCAPES && (n !== '"' || quote === '"')) {
        v += SIMPLE_ESCAPES[n];
        i += 2;
      } else if (/[0-7]/.test(n)) {
        const m = /^[0-7]{1,3}/.exec(src.slice(i + 1))![0];
        v += String.fromCharCode(parseInt(m, 8) & 0xff);
        i += 1 + m.length;
      } else if (n === 'x' && /[0-9a-fA-F]/.test(src[i + 2] ?? '')) {
        const m = /^[0-9a-fA-F]{1,2}/.exec(src.slice(i + 2))![0];
        v += String.fromCharCode(parseInt(m, 16));
        i += 2 + m.length;
      } else if (n === 'u' && src[i + 2] === '{') {
        const close = src.indexOf('}', i);
        v += String.fromCodePoint(parseInt(src.slice(i + 3, close), 16));
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
