// The HTML shell shared by the offline report and the webviews: a strict Content-Security-Policy
// (nothing remote; scripts and styles only with the page's nonce), theme-aware colours (VS Code's
// CSS variables, with light/dark fallbacks for a browser) and escaping.
import { randomBytes } from 'node:crypto';

export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A nonce for the CSP: 128 random bits, base64. */
export function makeNonce(): string {
  return randomBytes(16).toString('base64');
}

export interface PageOptions {
  title: string;
  body: string;
  nonce: string;
  /** The webview's cspSource (vscode-webview://...), absent for the standalone report. */
  cspSource?: string;
  /** Extra img-src origins (the opt-in OpenStreetMap tile server). */
  imgOrigins?: string[];
  /** Inline scripts (each gets the nonce). */
  scripts?: string[];
  /** Extra CSS. */
  css?: string;
  /** Language of the page (BCP 47), default en. */
  lang?: string;
}

export function contentSecurityPolicy(o: Pick<PageOptions, 'nonce' | 'cspSource' | 'imgOrigins'>): string {
  const src = o.cspSource ? ` ${o.cspSource}` : '';
  return [
    "default-src 'none'",
    `img-src data:${src}${(o.imgOrigins ?? []).map((x) => ` ${x}`).join('')}`,
    `style-src 'nonce-${o.nonce}'${src}`,
    `script-src 'nonce-${o.nonce}'`,
    `font-src${src || " 'none'"}`,
  ].join('; ');
}

export const BASE_CSS = `
:root {
  --fb-fg: #1f2328; --fb-bg: #ffffff; --fb-muted: #59636e; --fb-border: #d0d7de; --fb-panel: #f6f8fa;
  --fb-up: #1a7f37; --fb-down: #cf222e; --fb-warn: #9a6700; --fb-link: #0969da; --fb-unknown: #8c959f;
}
@media (prefers-color-scheme: dark) {
  :root { --fb-fg: #e6edf3; --fb-bg: #0d1117; --fb-muted: #9198a1; --fb-border: #3d444d; --fb-panel: #151b23;
    --fb-up: #3fb950; --fb-down: #f85149; --fb-warn: #d29922; --fb-link: #4493f8; --fb-unknown: #6e7681; }
}
:root {
  --fg: var(--vscode-foreground, var(--fb-fg)); --bg: var(--vscode-editor-background, var(--fb-bg));
  --muted: var(--vscode-descriptionForeground, var(--fb-muted)); --border: var(--vscode-panel-border, var(--fb-border));
  --panel: var(--vscode-sideBar-background, var(--fb-panel)); --up: var(--vscode-testing-iconPassed, var(--fb-up));
  --down: var(--vscode-testing-iconFailed, var(--fb-down)); --warn: var(--vscode-editorWarning-foreground, var(--fb-warn));
  --link: var(--vscode-textLink-foreground, var(--fb-link)); --unknown: var(--vscode-disabledForeground, var(--fb-unknown));
  --font: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif);
}
body { color: var(--fg); background: var(--bg); font-family: var(--font); font-size: 13px; margin: 0; padding: 16px 20px; }
h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 24px 0 8px; }
.muted { color: var(--muted); }
a { color: var(--link); text-decoration: none; } a:hover { text-decoration: underline; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--border); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tiles { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
.tile { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 8px 14px; min-width: 90px; }
.tile b { display: block; font-size: 22px; }
.dot { display: inline-block; width: 9px; height: 9px; border-radius: 50%; margin-right: 6px; }
.st-up { color: var(--up); } .st-down { color: var(--down); } .st-partial { color: var(--warn); } .st-unknown { color: var(--unknown); }
.bg-up { background: var(--up); } .bg-down { background: var(--down); } .bg-partial { background: var(--warn); } .bg-unknown { background: var(--unknown); }
.bar { vertical-align: middle; } .bar-bg { fill: var(--border); } .bar-fg { fill: var(--link); } .bar-fg.hot { fill: var(--down); }
.grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 8px 24px; }
.map svg { width: 100%; height: auto; max-height: 460px; border: 1px solid var(--border); border-radius: 6px; background: var(--panel); }
.map text { fill: var(--fg); font-size: 11px; paint-order: stroke; stroke: var(--panel); stroke-width: 3px; }
.map .grat { stroke: var(--border); stroke-width: 0.5; fill: none; }
.map .sea { fill: var(--vscode-editor-background, var(--fb-bg)); }
.map .land { fill: var(--panel); fill: color-mix(in srgb, var(--fg) 7%, var(--bg)); stroke: none; }
.map .border { fill: none; stroke: var(--muted); stroke-width: 0.6; stroke-dasharray: 3 2; opacity: 0.7; }
.map .coast { fill: none; stroke: var(--muted); stroke-width: 0.9; }
.map circle { stroke: var(--bg); stroke-width: 1.5; }
.map .legend .dot { margin-left: 4px; }
.map circle.up { fill: var(--up); } .map circle.down { fill: var(--down); } .map circle.partial { fill: var(--warn); } .map circle.unknown { fill: var(--unknown); }
.empty { color: var(--muted); font-style: italic; }
`;

export function page(o: PageOptions): string {
  return `<!DOCTYPE html>
<html lang="${esc(o.lang ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(contentSecurityPolicy(o))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title>
<style nonce="${esc(o.nonce)}">${BASE_CSS}${o.css ?? ''}</style>
</head>
<body>
${o.body}
${(o.scripts ?? []).map((s) => `<script nonce="${esc(o.nonce)}">${s.replace(/<\/script/gi, '<\\/script')}</script>`).join('\n')}
</body>
</html>
`;
}
