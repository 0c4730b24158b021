// parc.yaml's `alerting:` section (transports, rules, maintenance windows) and `language:`, read with the
// same located diagnostics as the rest of the inventory. Secrets are named by credential, never written here.
import { isScalar, type Node } from 'yaml';
import { DEFAULT_RETRY, type AlertingConfig, type AlertRule, type EmailTransportConfig, type HookTransportConfig, type Language, type MaintenanceWindow, type TransportConfig } from '../notify/types';
import type { Severity } from '../state/types';
import { NodeReader, suggest } from './reader';
import type { Inventory } from './types';

/** Lookup tables without a prototype: a user's `constructor` or `__proto__` is just an unknown word. */
const own = <T>(o: Record<string, T>): Record<string, T> => Object.assign(Object.create(null) as Record<string, T>, o);
const LANGUAGES: Record<string, Language> = own({ en: 'en', english: 'en', fr: 'fr', french: 'fr', 'français': 'fr', francais: 'fr' });
const KINDS: Record<string, TransportConfig['kind']> = own({ email: 'email', mail: 'email', smtp: 'email', teams: 'teams', slack: 'slack', mattermost: 'slack', webhook: 'webhook', json: 'webhook' });
const SECURITY: Record<string, EmailTransportConfig['security']> = own({ starttls: 'starttls', tls: 'tls', ssl: 'tls', smtps: 'tls', none: 'none', plain: 'none' });
const SEVERITIES: Record<string, Severity> = own({ critical: 'critical', warning: 'warning', info: 'info' });
/** Event types that open an alert (the only ones a rule can deliver). */
export const ALERT_EVENTS = ['down', 'interface-down', 'storage-high', 'processor-high', 'reboot', 'delivery-failed'];
const DAYS: Record<string, number[]> = {
  sun: [0], sunday: [0], mon: [1], monday: [1], tue: [2], tuesday: [2], wed: [3], wednesday: [3], thu: [4], thursday: [4], fri: [5], friday: [5], sat: [6], saturday: [6],
  daily: [0, 1, 2, 3, 4, 5, 6], weekdays: [1, 2, 3, 4, 5], weekends: [0, 6],
};

export function readLanguage(r: NodeReader, node: Node | null | undefined): Language | undefined {
  return node ? r.oneOf(node, 'language', LANGUAGES) : undefined;
}

function list(r: NodeReader, node: Node | null | undefined, where: string): string[] {
  return node ? r.stringList(node, where) : [];
}

function hhmm(r: NodeReader, node: Node | null | undefined, where: string): number | undefined {
  const s = node ? r.string(node, where) : undefined;
  const m = s !== undefined ? /^([01]?\d|2[0-4]):([0-5]\d)$/.exec(s) : null;
  if (s !== undefined && (!m || (Number(m[1]) === 24 && m[2] !== '00'))) r.report(node, `${where} must be a time of day like "22:30"`);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

export function readAlerting(r: NodeReader, node: Node, inv: Inventory): AlertingConfig | undefined {
  const m = r.map(node, 'alerting');
  if (!m) return undefined;
  const e = r.entries(m, 'alerting', ['transports', 'rules', 'maintenance', 'retry', 'linkScheme']);
  const cfg: AlertingConfig = { transports: new Map(), rules: [], maintenance: [], retry: { ...DEFAULT_RETRY }, linkScheme: 'vscode' };
  const ls = e.get('linkScheme')?.value;
  if (ls) {
    const v = r.string(ls, 'alerting.linkScheme');
    if (v && !/^[a-z][a-z0-9+.-]*$/.test(v)) r.report(ls, 'alerting.linkScheme must be a URI scheme such as vscode or vscode-insiders');
    else if (v) cfg.linkScheme = v;
  }
  const retry = e.get('retry')?.value;
  if (retry) {
    const rm = r.map(retry, 'alerting.retry');
    if (rm) {
      const re = r.entries(rm, 'alerting.retry', ['firstDelaySeconds', 'maxDelayMinutes', 'maxAttempts']);
      const n = (k: string, min: number, max: number) => (re.get(k)?.value ? r.number(re.get(k)!.value, `alerting.retry.${k}`, min, max) : undefined);
      cfg.retry.firstDelayMs = (n('firstDelaySeconds', 1, 3600) ?? cfg.retry.firstDelayMs / 1000) * 1000;
      cfg.retry.maxDelayMs = (n('maxDelayMinutes', 1, 1440) ?? cfg.retry.maxDelayMs / 60_000) * 60_000;
      cfg.retry.maxAttempts = n('maxAttempts', 1, 100) ?? cfg.retry.maxAttempts;
    }
  }
  const tr = e.get('transports')?.value;
  if (tr) {
    const tm = r.map(tr, 'alerting.transports');
    for (const pair of tm?.items ?? []) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const t = readTransport(r, pair.value as Node, name, `alerting.transports.${name}`);
      if (t) cfg.transports.set(name, t);
    }
  }
  const names = [...cfg.transports.keys()];
  const rules = e.get('rules')?.value;
  if (rules) for (const [i, n] of (r.seq(rules, 'alerting.rules') ?? []).entries()) {
    const rule = readRule(r, n, `alerting.rules[${i}]`, names, inv);
    if (!rule) continue;
    if (cfg.rules.some((x) => x.name === rule.name)) r.report(n, `alerting.rules[${i}]: another rule is already named "${rule.name}"`);
    cfg.rules.push(rule);
  }
  const mw = e.get('maintenance')?.value;
  if (mw) for (const [i, n] of (r.seq(mw, 'alerting.maintenance') ?? []).entries()) {
    const w = readWindow(r, n, `alerting.maintenance[${i}]`, inv);
    if (w) cfg.maintenance.push(w);
  }
  return cfg;
}

function refuseSecret(r: NodeReader, e: Map<string, { key: Node; value: Node | null }>, key: string, where: string, instead: string): void {
  if (e.has(key)) r.report(e.get(key)!.key, `${where}: "${key}" is a secret and does not belong in parc.yaml; name a credential instead (${instead}: NAME, then set PARC_CRED_NAME or use "Set Credential")`);
}

function readTransport(r: NodeReader, node: Node, name: string, where: string): TransportConfig | undefined {
  const m = r.map(node, where);
  if (!m) return undefined;
  const typeNode = m.items.find((p) => isScalar(p.key) && p.key.value === 'type')?.value as Node | undefined;
  if (!typeNode) {
    r.report(node, `${where}: "type" is required (email, teams, slack or webhook)`);
    return undefined;
  }
  const kind = r.oneOf(typeNode, `${where}.type`, KINDS);
  if (!kind) return undefined;
  const line = r.lineOf(node);
  const str = (e: Map<string, { value: Node | null }>, k: string) => (e.get(k)?.value ? r.string(e.get(k)!.value, `${where}.${k}`) : undefined);
  if (kind === 'email') {
    const e = r.entries(m, where, ['type', 'host', 'port', 'security', 'user', 'passwordCredential', 'password', 'from', 'to', 'caFile', 'servername', 'timeoutSeconds']);
    refuseSecret(r, e, 'password', where, 'passwordCredential');
    const security = e.get('security')?.value ? r.oneOf(e.get('security')!.value, `${where}.security`, SECURITY) ?? 'starttls' : 'starttls';
    const host = str(e, 'host');
    if (!e.has('host')) r.report(node, `${where}: "host" is required (the SMTP server)`);
    const from = str(e, 'from');
    if (!e.has('from')) r.report(node, `${where}: "from" is required (the sender address)`);
    const to = list(r, e.get('to')?.value, `${where}.to`);
    if (!e.has('to')) r.report(node, `${where}: "to" is required (one address or a list)`);
    for (const [i, a] of [from, ...to].entries()) if (a && !/^[^\s@<>]+@[^\s@<>]+$|<[^\s@<>]+@[^\s@<>]+>$/.test(a)) r.report(i === 0 ? e.get('from')?.value : e.get('to')?.value, `${where}: "${a}" is not an e-mail address`);
    const user = str(e, 'user');
    const passwordCredential = str(e, 'passwordCredential');
    if (user && !passwordCredential && !e.has('password')) r.report(e.get('user')!.key, `${where}: "user" needs "passwordCredential" (the credential holding the SMTP password)`);
    if (passwordCredential && !user) r.report(e.get('passwordCredential')!.key, `${where}: "passwordCredential" needs "user"`);
    const port = e.get('port')?.value ? r.number(e.get('port')!.value, `${where}.port`, 1, 65535) : undefined;
    const timeout = e.get('timeoutSeconds')?.value ? r.number(e.get('timeoutSeconds')!.value, `${where}.timeoutSeconds`, 1, 600) : undefined;
    if (!host || !from || !to.length) return undefined;
    return { kind, name, host, port: port ?? (security === 'tls' ? 465 : security === 'starttls' ? 587 : 25), security, user, passwordCredential, from, to, caFile: str(e, 'caFile'), servername: str(e, 'servername'), timeoutMs: (timeout ?? 20) * 1000, line };
  }
  const e = r.entries(m, where, ['type', 'url', 'urlCredential', 'secretCredential', 'secret', 'timeoutSeconds']);
  refuseSecret(r, e, 'secret', where, 'secretCredential');
  if (kind !== 'webhook' && e.has('url')) r.report(e.get('url')!.key, `${where}: a ${kind === 'teams' ? 'Teams' : 'Slack'} webhook URL carries its token and does not belong in parc.yaml; name a credential instead (urlCredential: NAME)`);
  if (kind !== 'webhook' && e.has('secretCredential')) r.report(e.get('secretCredential')!.key, `${where}: "secretCredential" (a signature key) only applies to type webhook`, 'warning');
  const url = kind === 'webhook' ? str(e, 'url') : undefined;
  const urlCredential = str(e, 'urlCredential');
  if (url && urlCredential) r.report(e.get('url')!.key, `${where}: give "url" or "urlCredential", not both`);
  if (!e.has('url') && !e.has('urlCredential')) r.report(node, `${where}: "urlCredential" is required (the credential holding the webhook URL)`);
  if (url) {
    try {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') r.report(e.get('url')!.value, `${where}.url must be an http(s) URL`);
      else if (u.password || u.search) r.report(e.get('url')!.value, `${where}.url holds a password or a query string, which may be a token; put the URL in a credential (urlCredential: NAME)`);
    } catch {
      r.report(e.get('url')!.value, `${where}.url is not a valid URL`);
    }
  }
  const timeout = e.get('timeoutSeconds')?.value ? r.number(e.get('timeoutSeconds')!.value, `${where}.timeoutSeconds`, 1, 600) : undefined;
  const hook: HookTransportConfig = { kind, name, url, urlCredential, secretCredential: kind === 'webhook' ? str(e, 'secretCredential') : undefined, timeoutMs: (timeout ?? 10) * 1000, line };
  return url || urlCredential ? hook : undefined;
}

function checkTransports(r: NodeReader, node: Node | null | undefined, where: string, names: string[]): string[] {
  const got = list(r, node, where);
  for (const t of got) if (!names.includes(t)) {
    const hint = suggest(t, names);
    r.report(node, `${where}: no transport named "${t}"${hint ? ` (did you mean "${hint}"?)` : names.length ? ` (transports: ${names.join(', ')})` : ' (alerting.transports is empty)'}`);
  }
  return got;
}

function checkSites(r: NodeReader, node: Node | null | undefined, where: string, inv: Inventory): string[] {
  const got = list(r, node, where);
  const known = inv.sites.flatMap((s) => [s.name, ...s.aliases]);
  for (const s of got) if (!known.some((k) => k.toLowerCase() === s.toLowerCase())) {
    const hint = suggest(s, known);
    r.report(node, `${where}: no site named "${s}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
  }
  return got;
}

function checkRegions(r: NodeReader, node: Node | null | undefined, where: string, inv: Inventory): string[] {
  const got = list(r, node, where);
  const known = [...new Set(inv.sites.map((s) => s.region))];
  for (const s of got) if (!known.some((k) => k.toLowerCase() === s.toLowerCase())) {
    const hint = suggest(s, known);
    r.report(node, `${where}: no region named "${s}"${hint ? ` (did you mean "${hint}"?)` : ''}`, 'warning');
  }
  return got;
}

function checkDevices(r: NodeReader, node: Node | null | undefined, where: string, inv: Inventory): string[] {
  const got = list(r, node, where);
  const known = inv.devices.flatMap((d) => [d.host, `${d.host}:${d.port}`, ...(d.name ? [d.name] : [])]);
  for (const s of got) if (!known.some((k) => k.toLowerCase() === s.toLowerCase())) {
    const hint = suggest(s, known);
    r.report(node, `${where}: no device named "${s}" in devices${hint ? ` (did you mean "${hint}"?)` : ''}`, 'warning');
  }
  return got;
}

function readRule(r: NodeReader, node: Node, where: string, transports: string[], inv: Inventory): AlertRule | undefined {
  const m = r.map(node, where);
  if (!m) return undefined;
  const e = r.entries(m, where, ['name', 'severity', 'events', 'regions', 'sites', 'devices', 'tags', 'transports', 'delayMinutes', 'repeatMinutes', 'escalate', 'recovery']);
  const name = e.get('name')?.value ? r.string(e.get('name')!.value, `${where}.name`) : `rule ${r.lineOf(node)}`;
  const tNode = e.get('transports')?.value;
  if (!tNode) r.report(node, `${where}: "transports" is required (the transports this rule delivers to)`);
  const ts = checkTransports(r, tNode, `${where}.transports`, transports);
  const rule: AlertRule = { name: name ?? where, transports: ts, delayMinutes: 0, recovery: true, line: r.lineOf(node) };
  const sev = e.get('severity')?.value;
  if (sev) rule.minSeverity = r.oneOf(sev, `${where}.severity (the lowest severity delivered)`, SEVERITIES);
  const ev = e.get('events')?.value;
  if (ev) {
    rule.events = list(r, ev, `${where}.events`);
    for (const t of rule.events) if (!ALERT_EVENTS.includes(t)) {
      const hint = suggest(t, ALERT_EVENTS);
      r.report(ev, `${where}.events: "${t}" is not an alert event${hint ? ` (did you mean "${hint}"?)` : ` (one of ${ALERT_EVENTS.join(', ')})`}`);
    }
  }
  if (e.has('regions')) rule.regions = checkRegions(r, e.get('regions')!.value, `${where}.regions`, inv);
  if (e.has('sites')) rule.sites = checkSites(r, e.get('sites')!.value, `${where}.sites`, inv);
  if (e.has('devices')) rule.devices = checkDevices(r, e.get('devices')!.value, `${where}.devices`, inv);
  if (e.has('tags')) rule.tags = list(r, e.get('tags')!.value, `${where}.tags`);
  const num = (k: string, min: number, max: number) => (e.get(k)?.value ? r.number(e.get(k)!.value, `${where}.${k}`, min, max, false) : undefined);
  rule.delayMinutes = num('delayMinutes', 0, 10080) ?? 0;
  rule.repeatMinutes = num('repeatMinutes', 1, 10080);
  const rec = e.get('recovery')?.value;
  if (rec) rule.recovery = r.boolean(rec, `${where}.recovery`) ?? true;
  const esc = e.get('escalate')?.value;
  if (esc) {
    const em = r.map(esc, `${where}.escalate`);
    if (em) {
      const ee = r.entries(em, `${where}.escalate`, ['afterMinutes', 'transports']);
      const after = ee.get('afterMinutes')?.value ? r.number(ee.get('afterMinutes')!.value, `${where}.escalate.afterMinutes`, 0, 10080, false) : (r.report(esc, `${where}.escalate: "afterMinutes" is required`), undefined);
      const et = ee.get('transports')?.value ? checkTransports(r, ee.get('transports')!.value, `${where}.escalate.transports`, transports) : (r.report(esc, `${where}.escalate: "transports" is required`), []);
      if (after !== undefined && et.length) {
        rule.escalate = { afterMinutes: after, transports: et };
        if (after < rule.delayMinutes) r.report(ee.get('afterMinutes')!.value, `${where}.escalate.afterMinutes (${after}) is shorter than delayMinutes (${rule.delayMinutes}): the escalation would come before the first message`, 'warning');
      }
    }
  }
  return ts.length ? rule : undefined;
}

function readTime(r: NodeReader, node: Node | null | undefined, where: string): number | undefined {
  if (!node) return undefined;
  const v = isScalar(node) ? node.value : undefined;
  const t = v instanceof Date ? v.getTime() : typeof v === 'string' && /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(v) ? Date.parse(v.replace(' ', 'T')) : NaN;
  if (!Number.isFinite(t)) r.report(node, `${where} must be a date and time like "2026-03-14T22:00:00+01:00"`);
  return Number.isFinite(t) ? t : undefined;
}

function readWindow(r: NodeReader, node: Node, where: string, inv: Inventory): MaintenanceWindow | undefined {
  const m = r.map(node, where);
  if (!m) return undefined;
  const e = r.entries(m, where, ['name', 'devices', 'sites', 'regions', 'tags', 'start', 'end', 'every', 'from', 'to', 'timezone']);
  const w: MaintenanceWindow = {
    name: e.get('name')?.value ? r.string(e.get('name')!.value, `${where}.name`) ?? where : where,
    devices: checkDevices(r, e.get('devices')?.value, `${where}.devices`, inv),
    sites: checkSites(r, e.get('sites')?.value, `${where}.sites`, inv),
    regions: checkRegions(r, e.get('regions')?.value, `${where}.regions`, inv),
    tags: list(r, e.get('tags')?.value, `${where}.tags`),
    line: r.lineOf(node),
  };
  if (e.has('start') || e.has('end')) {
    const start = readTime(r, e.get('start')?.value, `${where}.start`);
    const end = readTime(r, e.get('end')?.value, `${where}.end`);
    if (!e.has('start') || !e.has('end')) r.report(node, `${where}: a one-off window needs both "start" and "end"`);
    if (start !== undefined && end !== undefined) {
      if (end <= start) r.report(e.get('end')!.value, `${where}.end must come after start`);
      else w.once = { start, end };
    }
    if (e.has('every')) r.report(e.get('every')!.key, `${where}: give either start/end (once) or every/from/to (weekly), not both`);
  } else if (e.has('every')) {
    const everyNode = e.get('every')!.value;
    const days = new Set<number>();
    for (const d of list(r, everyNode, `${where}.every`)) {
      const k = d.toLowerCase();
      if (Object.hasOwn(DAYS, k)) DAYS[k].forEach((x) => days.add(x));
      else {
        const hint = suggest(k, Object.keys(DAYS));
        r.report(everyNode, `${where}.every: "${d}" is not a day${hint ? ` (did you mean "${hint}"?)` : ' (mon … sun, daily, weekdays, weekends)'}`);
      }
    }
    const from = hhmm(r, e.get('from')?.value, `${where}.from`);
    const to = hhmm(r, e.get('to')?.value, `${where}.to`);
    if (!e.has('from') || !e.has('to')) r.report(node, `${where}: a weekly window needs "from" and "to" (times of day)`);
    let timeZone: string | undefined;
    const tz = e.get('timezone')?.value;
    if (tz) {
      timeZone = r.string(tz, `${where}.timezone`);
      try {
        new Intl.DateTimeFormat('en-US', { timeZone });
      } catch {
        r.report(tz, `${where}.timezone: "${timeZone}" is not a time zone (e.g. Europe/Paris)`);
        timeZone = undefined;
      }
    }
    if (days.size && from !== undefined && to !== undefined) {
      if (from === to) r.report(e.get('to')!.value, `${where}: "from" and "to" are the same time`);
      else w.recurring = { days: [...days].sort(), from, to, timeZone };
    }
  } else r.report(node, `${where}: give start and end (a one-off window) or every, from and to (a weekly one)`);
  return w.once || w.recurring ? w : undefined;
}

