// PHP values as a config file produces them, with PHP's own truthiness and string conversion.

export type PhpKey = string | number;

export type PhpValue =
  | { t: 'string'; v: string }
  | { t: 'int'; v: number }
  | { t: 'float'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'null' }
  | { t: 'array'; entries: { key: PhpKey; value: PhpValue }[] }
  /** Not known without running PHP (a function call, a constant, an interpolated string). */
  | { t: 'dynamic'; source: string };

export const str = (v: string): PhpValue => ({ t: 'string', v });
export const int = (v: number): PhpValue => ({ t: 'int', v });
export const bool = (v: boolean): PhpValue => ({ t: 'bool', v });
export const list = (items: PhpValue[]): PhpValue => ({ t: 'array', entries: items.map((value, i) => ({ key: i, value })) });

/** PHP casts integer-like string keys to integers: $a['5'] and $a[5] are the same slot. */
export function normalizeKey(k: PhpKey): PhpKey {
  if (typeof k === 'string' && /^(0|-?[1-9][0-9]*)$/.test(k) && Number.isSafeInteger(Number(k))) return Number(k);
  return k;
}

export function truthy(v: PhpValue): boolean | undefined {
  switch (v.t) {
    case 'string':
      return v.v !== '' && v.v !== '0';
    case 'int':
    case 'float':
      return v.v !== 0;
    case 'bool':
      return v.v;
    case 'null':
      return false;
    case 'array':
      return v.entries.length > 0;
    default:
      return undefined;
  }
}

export function toPhpString(v: PhpValue): string | undefined {
  switch (v.t) {
    case 'string':
      return v.v;
    case 'int':
    case 'float':
      return String(v.v);
    case 'bool':
      return v.v ? '1' : '';
    case 'null':
      return '';
    default:
      return undefined;
  }
}

export function get(v: PhpValue | undefined, key: PhpKey): PhpValue | undefined {
  if (!v || v.t !== 'array') return undefined;
  const k = normalizeKey(key);
  return v.entries.find((e) => e.key === k)?.value;
}

/** The list of strings in a value that may be a string or an array of strings. */
export function stringsOf(v: PhpValue | undefined): string[] {
  if (!v) return [];
  if (v.t === 'array') return v.entries.map((e) => toPhpString(e.value)).filter((s): s is string => s !== undefined);
  const s = toPhpString(v);
  return s === undefined || s === '' ? [] : [s];
}

export function describe(v: PhpValue): string {
  switch (v.t) {
    case 'string':
      return `'${v.v}'`;
    case 'int':
    case 'float':
      return String(v.v);
    case 'bool':
      return v.v ? 'TRUE' : 'FALSE';
    case 'null':
      return 'NULL';
    case 'array':
      return `array(${v.entries.map((e) => `${typeof e.key === 'string' ? `'${e.key}' => ` : ''}${describe(e.value)}`).join(', ')})`;
    default:
      return v.source;
  }
}

/** PHP source for a value, in the style of Observium's own examples. */
export function phpLiteral(v: PhpValue): string {
  switch (v.t) {
    case 'string':
      return `'${v.v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'int':
    case 'float':
      return String(v.v);
    case 'bool':
      return v.v ? 'TRUE' : 'FALSE';
    case 'null':
      return 'NULL';
    case 'array': {
      const isList = v.entries.every((e, i) => e.key === i);
      return `array(${v.entries.map((e) => `${isList ? '' : `${phpLiteral(typeof e.key === 'number' ? int(e.key) : str(e.key))} => `}${phpLiteral(e.value)}`).join(', ')})`;
    }
    default:
      return v.source;
  }
}
