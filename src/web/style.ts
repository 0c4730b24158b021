// The browser page's own layout (the shared colours and tables come from core/metrics/views/html.ts).
export const CSS = `
header { display: flex; align-items: center; gap: 16px; border-bottom: 1px solid var(--border); padding-bottom: 8px; margin-bottom: 12px; flex-wrap: wrap; }
header .brand { font-weight: 700; font-size: 16px; }
nav a { margin-right: 12px; } nav a.on { font-weight: 700; }
.conn { margin-left: auto; } .conn-connected { color: var(--up); } .conn-reconnecting, .conn-connecting { color: var(--warn); } .conn-offline { color: var(--down); }
button { font: inherit; color: var(--fg); background: var(--panel); border: 1px solid var(--border); border-radius: 4px; padding: 2px 10px; cursor: pointer; }
#login { max-width: 340px; margin: 10vh auto; } #login label { display: block; margin: 10px 0 4px; }
#login input { width: 100%; box-sizing: border-box; font: inherit; padding: 6px; border: 1px solid var(--border); border-radius: 4px; background: var(--bg); color: var(--fg); }
#login button { margin-top: 14px; padding: 6px 16px; }
.error { color: var(--down); min-height: 1.2em; }
.head { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; }
.ranges { margin: 12px 0; display: flex; gap: 4px; } .ranges button.on { font-weight: 700; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(400px, 1fr)); gap: 12px 20px; }
.chart h3 { font-size: 13px; margin: 8px 0 4px; }
table.ident td:first-child { color: var(--muted); width: 140px; }
.sections { display: grid; grid-template-columns: repeat(auto-fill, minmax(380px, 1fr)); gap: 0 24px; }
.lv-warning { color: var(--warn); font-weight: 600; } .lv-critical { color: var(--down); font-weight: 600; }
`;
