// POST JSON for the webhook transports, with a timeout; a non-2xx answer is an error naming its status.
import { DeliveryError } from './transport';

export async function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'parc-alerts', ...headers }, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (err) {
    const e = err as Error & { cause?: Error & { code?: string } };
    const why = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : e.cause?.code ?? e.cause?.message ?? e.message;
    throw new DeliveryError(`cannot reach ${new URL(url).host}: ${why}`);
  }
  const text = (await res.text().catch(() => '')).slice(0, 200).replace(/\s+/g, ' ').trim();
  if (!res.ok) throw new DeliveryError(`HTTP ${res.status}${text ? ` (${text})` : ''}`, res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429);
  return `HTTP ${res.status}`;
}

export async function hookUrl(cfg: { url?: string; urlCredential?: string }, get: (credential: string) => Promise<string>): Promise<string> {
  const url = cfg.url ?? (await get(cfg.urlCredential!));
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new DeliveryError('the webhook URL is not a valid URL', true);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new DeliveryError(`the webhook URL must be http(s), not ${u.protocol}`, true);
  return url;
}
