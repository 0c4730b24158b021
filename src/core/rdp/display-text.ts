// Host-supplied text (quser output: user names, state words, whole lines in errors) reaches terminals.
// The parser keeps it raw; what is shown to a human goes through here first, so a host cannot clear,
// retitle or recolour the operator's terminal (ESC/CSI/OSC), nor reorder what is shown (bidi controls).

// C0 controls but tab, DEL, C1 controls, bidi embeddings/overrides/isolates, line/paragraph separators.
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** `s` with every control character shown as a visible \xNN / \u{NNNN} escape. */
export function displaySafe(s: string): string {
  return s.replace(UNSAFE, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u{${n.toString(16)}}`;
  });
}

/** At most `max` UTF-16 units of `s` for quoting in a message, saying how much was left out. */
export function quoteCapped(s: string, max = 120): string {
  if (s.length <= max) return displaySafe(s);
  return `${displaySafe(s.slice(0, max))}… (${s.length - max} more characters)`;
}
