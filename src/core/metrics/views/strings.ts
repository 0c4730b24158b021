// Words of the device page and the dashboard. Core code writes them in English through a Translate function;
// the extension passes one backed by vscode.l10n (src/extension/webviews/strings.ts lists every string, so the
// l10n test sees them), the CLI report passes none (English).

export type Translate = (s: string, ...args: (string | number)[]) => string;

/** Fills {0}, {1}… like vscode.l10n.t. */
export function fill(s: string, args: (string | number)[]): string {
  return s.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

export const english: Translate = (s, ...args) => fill(s, args);

/** Strings the page scripts need at run time (sent in the model, translated). */
export const CLIENT_STRINGS = [
  'collecting data — first points after two polls',
  'one point so far — one per {0}, a line from the next',
  'counter reset or above link speed',
  'not polled',
  'up',
  'down',
  'partial',
  'No events recorded for this device yet.',
  '{0} points',
  'seen up since {0}',
  'seen down since {0}',
] as const;

export function clientStrings(t: Translate): Record<string, string> {
  return Object.fromEntries(CLIENT_STRINGS.map((s) => [s, t(s)]));
}
