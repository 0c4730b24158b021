// One notification rendered for people: subject, plain text, HTML, and the facts the chat cards show.
// A group (one cycle's alerts for one transport) is one message.
import { fill, typeLabel, words } from './i18n';
import type { AlertSnapshot, OutgoingMessage } from './types';

/** The extension's id (publisher.name in package.json): vscode://parc-it.parc/... reaches its URI handler. */
export const EXTENSION_ID = 'parc-it.parc';

export function deviceLink(scheme: string, key: string): string {
  return `${scheme}://${EXTENSION_ID}/device?key=${encodeURIComponent(key)}`;
}

export interface RenderedAlert {
  title: string;
  what: string;
  device?: string;
  site: string;
  since: string;
  details: string;
  recovered?: string;
  link?: string;
  severity: AlertSnapshot['severity'];
  recoveredFlag: boolean;
}

export interface RenderedMessage {
  subject: string;
  intro: string;
  items: RenderedAlert[];
  text: string;
  html: string;
  footer: string;
}

function when(iso: string, lang: 'en' | 'fr'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const local = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' }).format(d);
  return `${local} (${d.toISOString().replace('.000Z', 'Z')})`;
}

export function siteOf(a: Pick<AlertSnapshot, 'region' | 'site'>, unplaced: string): string {
  if (!a.site) return unplaced;
  return a.region && a.region !== a.site ? `${a.region} / ${a.site}` : a.site;
}

function deviceText(a: AlertSnapshot): string | undefined {
  if (!a.device && !a.deviceName) return undefined;
  const host = a.device?.replace(/:161$/, '');
  return a.deviceName && host && a.deviceName.toLowerCase() !== host.toLowerCase() ? `${a.deviceName} (${host})` : a.deviceName ?? host;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function renderMessage(m: OutgoingMessage): RenderedMessage {
  const w = words(m.language);
  const recovery = m.kind === 'recovery';
  const items: RenderedAlert[] = m.alerts.map((a) => {
    const what = typeLabel(w, a.type);
    const device = deviceText(a);
    return {
      title: [what, device, a.entity && a.type !== 'down' && a.type !== 'reboot' ? a.entity : undefined].filter(Boolean).join(' — '),
      what,
      device,
      site: siteOf(a, w.unplaced),
      since: when(a.since, m.language),
      details: a.message + (a.acknowledged ? ` (${w.acknowledged})` : ''),
      recovered: recovery && a.recoveredAt ? `${when(a.recoveredAt, m.language)}${a.recoveryMessage ? ` — ${a.recoveryMessage}` : ''}` : undefined,
      link: a.device ? deviceLink(m.linkScheme, a.device) : undefined,
      severity: a.severity,
      recoveredFlag: recovery,
    };
  });
  const tag = `[Parc] ${(w[`kind.${m.kind}`] as string)}`;
  let subject: string;
  if (items.length === 1) {
    const i = items[0];
    subject = `${tag}: ${i.title}${i.device ? ` @ ${i.site}` : ''}`;
  } else {
    const sites = [...new Set(items.map((i) => i.site))];
    const types = [...new Set(items.map((i) => i.what))];
    subject = `${tag}: ${fill(w.alerts, items.length)} — ${types.join(', ')}${sites.length === 1 ? ` @ ${sites[0]}` : ''}`;
  }
  const intro = items.length === 1 ? w.intro[m.kind] : fill(w.introGroup[m.kind], items.length);
  const rows = (i: RenderedAlert): [string, string][] => [
    [w.what, i.what],
    ...(i.device ? [[w.device, i.device] as [string, string]] : []),
    [w.site, i.site],
    [w.since, i.since],
    ...(i.recovered ? [[w.recovered, i.recovered] as [string, string]] : []),
    [w.details, i.details],
  ];
  const text = [
    intro,
    '',
    ...items.flatMap((i, n) => [
      items.length > 1 ? `${n + 1}. ${i.title}` : i.title,
      ...rows(i).map(([k, v]) => `   ${k}: ${v}`),
      ...(i.link ? [`   ${w.open}: ${i.link}`] : []),
      '',
    ]),
    '-- ',
    w.footer,
  ].join('\n');
  const colour = (i: RenderedAlert) => (i.recoveredFlag ? '#2e7d32' : i.severity === 'critical' ? '#c62828' : i.severity === 'warning' ? '#ef6c00' : '#1565c0');
  const html = `<!DOCTYPE html><html lang="${m.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:sans-serif">
<p>${escapeHtml(intro)}</p>
${items.map((i) => `<table style="border-left:4px solid ${colour(i)};margin:0 0 16px 0;padding-left:8px">
<tr><th colspan="2" style="text-align:left">${escapeHtml(i.title)}</th></tr>
${rows(i).map(([k, v]) => `<tr><td style="color:#555;padding-right:12px">${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('\n')}
${i.link ? `<tr><td></td><td><a href="${escapeHtml(i.link)}">${escapeHtml(w.open)}</a></td></tr>` : ''}
</table>`).join('\n')}
<p style="color:#777;font-size:small">${escapeHtml(w.footer)}</p>
</body></html>`;
  return { subject, intro, items, text, html, footer: w.footer };
}
