// Text from remote hosts (quser output, SNMP strings, files read over SSH) and from user files reaches the
// operator's terminal and VS Code's UI. Raw control characters there can clear or retitle the terminal,
// move the cursor or hide text (issue 13, item 5), so human output shows them as visible `\u001b`-style
// escapes instead. In a JSON string that very escape means the same character, so sanitising JSON output
// changes no value. Kept as is: newline, tab, and CR when it is part of CRLF.

// C0 controls but \t and \n, DEL, C1 controls, and the Unicode bidi overrides/isolates that reorder what is shown.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/g;

function escape(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** `s` with every control character shown as a visible escape (newlines, tabs and CRLF kept). */
export function safeText(s: string): string {
  return s.replace(CONTROL, escape);
}

/** For one line (a table cell, a tree label): newlines and tabs are escaped too. */
export function safeLine(s: string): string {
  return safeText(s).replace(/\r\n|\n|\t/g, (c) => (c === '\t' ? '\\t' : '\\n'));
}
