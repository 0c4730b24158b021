// YAML parsing with a bound on nesting depth. The `yaml` library recurses once per nesting level, in its
// CST parser as well as in composing and printing: `- ` repeated 2,500 times ends in "Maximum call stack
// size exceeded" (no file, no line) and 5,000 `[` exhaust memory. No real parc.yaml, netplan or
// settings file nests more than a dozen levels, so every reader checks the depth first with a linear
// scan of the text and refuses deeper files with a located error (issue 13, item 2).
import { parseDocument, YAMLParseError, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';

/** Deepest nesting (block levels plus flow brackets) a YAML file may have. */
export const MAX_YAML_DEPTH = 100;

export class YamlDepthError extends Error {
  constructor(readonly file: string | undefined, readonly line: number, readonly col: number, readonly depth: number) {
    super(`${file ? `${file}:` : ''}${line}:${col}: YAML nested deeper than ${MAX_YAML_DEPTH} levels; refused (no real configuration nests this deep)`);
    this.name = 'YamlDepthError';
  }
}

/** Where the nesting first goes past `max` levels, or undefined. Linear in the text; errs on the deep side. */
export function findTooDeep(text: string, max = MAX_YAML_DEPTH): { line: number; col: number; depth: number } | undefined {
  const indents: number[] = []; // block levels open, by the column they start at
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let blockScalarIndent = -1; // lines indented more than this belong to a | or > scalar
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    line++;
    const s = text.slice(start, end);
    start = end + 1;
    let i = 0;
    while (i < s.length && s[i] === ' ') i++;
    if (blockScalarIndent >= 0) {
      if (i >= s.length || i > blockScalarIndent) continue;
      blockScalarIndent = -1;
    }
    if (!quote && flow === 0) {
      if (i >= s.length || s[i] === '#') continue;
      const lineIndent = i;
      while (indents.length && indents[indents.length - 1] >= i) indents.pop();
      indents.push(i);
      // Compact nested collections on one line: `- - - x`, `- a: b`, `? - x`.
      for (;;) {
        const m = /^([-?:])(?: +|$)/.exec(s.slice(i));
        if (!m) break;
        i += m[0].length;
        if (i >= s.length) break;
        indents.push(i);
        if (indents.length + flow > max) return { line, col: i + 1, depth: indents.length + flow };
      }
      if (/(?:^|[\s:-])[|>][-+0-9]*\s*(?:#.*)?$/.test(s.slice(i))) blockScalarIndent = lineIndent;
      if (/^[^'"#[{]*:(?: |$)/.test(s.slice(i))) {
        // `key: value` opens one more level for what the key holds.
        if (indents.length + 1 + flow > max) return { line, col: i + 1, depth: indents.length + 1 + flow };
      }
      if (indents.length > max) return { line, col: i + 1, depth: indents.length };
    }
    for (; i < s.length; i++) {
      const c = s[i];
      if (quote) {
        if (c === quote) {
          if (quote === "'" && s[i + 1] === "'") i++;
          else quote = undefined;
        } else if (c === '\\' && quote === '"') i++;
        continue;
      }
      if (c === '#' && (i === 0 || s[i - 1] === ' ' || s[i - 1] === '\t')) break;
      if (c === '"' || (c === "'" && (i === 0 || /[\s[{,:]/.test(s[i - 1])))) quote = c;
      else if (c === '[' || c === '{') {
        flow++;
        if (indents.length + flow > max) return { line, col: i + 1, depth: indents.length + flow };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
  }
  return undefined;
}

export type BoundedOptions = DocumentOptions & ParseOptions & SchemaOptions;

/**
 * yaml's parseDocument after the depth check. A file nested too deep is not parsed: the document returned
 * is empty and carries one error in `errors`, located (linePos) like yaml's own, so every reader that
 * reports `doc.errors` with their line and column reports this one too.
 */
export function parseYamlDocument(text: string, options: BoundedOptions = {}): Document.Parsed {
  const deep = findTooDeep(text);
  if (!deep) return parseDocument(text, options);
  const doc = parseDocument('', { ...options, lineCounter: undefined });
  // The caller's LineCounter learns the real line starts, so readers that locate errors by offset agree.
  let offset = 0;
  let lineStart = 0;
  for (let l = 1, i = 0; l <= deep.line; l++) {
    lineStart = i;
    if (l < deep.line) i = text.indexOf('\n', i) + 1;
  }
  if (options.lineCounter) {
    options.lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) options.lineCounter.addNewLine(i + 1);
  }
  offset = lineStart + deep.col - 1;
  const err = new YAMLParseError([offset, offset + 1], 'UNEXPECTED_TOKEN', `YAML nested deeper than ${MAX_YAML_DEPTH} levels (line ${deep.line}, column ${deep.col}); refused, no real configuration nests this deep`);
  err.linePos = [{ line: deep.line, col: deep.col }, { line: deep.line, col: deep.col + 1 }];
  doc.errors.push(err);
  return doc;
}

/** Like yaml's parse(): the value of the document, throwing its first error (as YamlDepthError when too deep). */
export function parseYaml(text: string, file?: string): unknown {
  const deep = findTooDeep(text);
  if (deep) throw new YamlDepthError(file, deep.line, deep.col, deep.depth);
  const doc = parseDocument(text);
  if (doc.errors.length) throw doc.errors[0];
  return doc.toJS();
}
