// The client side of the server's host-change routes (POST /api/hosts/:name/{snmpd,netplan}/{preview,apply}), for
// the extension when it is attached: request bodies without empty fields and without secret values (a community
// is named by the server's credential), and a longer wait for an apply, which lasts until it is confirmed or
// rolled back. No vscode here.
import type { InventoryResponse, NetplanApplyResponse, NetplanPreviewResponse, SnmpdApplyResponse, SnmpdChangeRequest, SnmpdPreviewResponse, StaticIpChangeRequest } from './api-types';
import { ParcClient } from './client';

/** What a person answered in the prompts; blank answers mean "leave as is". */
export interface SnmpdAnswers {
  communityCredential?: string;
  source?: string;
  extend?: 'observium' | 'librenms';
  location?: string;
  contact?: string;
}

const filled = (v: string | undefined) => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);

export function snmpdRequest(a: SnmpdAnswers, timeoutS?: number): SnmpdChangeRequest {
  const out: SnmpdChangeRequest = {};
  const cred = filled(a.communityCredential);
  if (cred) {
    out.communityCredential = cred;
    const src = filled(a.source);
    if (src) out.source = src;
  }
  if (a.extend) out.extend = a.extend;
  const loc = filled(a.location);
  if (loc) out.location = loc;
  const contact = filled(a.contact);
  if (contact) out.contact = contact;
  if (timeoutS !== undefined) out.timeout = timeoutS;
  return out;
}

const list = (v: string | undefined) => (v ?? '').split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);

export function staticIpRequest(a: { interface: string; address: string; gateway?: string; dns?: string; search?: string; timeoutS?: number; acceptWarnings?: boolean }): StaticIpChangeRequest {
  const out: StaticIpChangeRequest = { interface: a.interface.trim(), address: a.address.trim() };
  const gw = filled(a.gateway);
  if (gw) out.gateway = gw;
  if (list(a.dns).length) out.dns = list(a.dns);
  if (list(a.search).length) out.search = list(a.search);
  if (a.timeoutS !== undefined) out.timeout = a.timeoutS;
  if (a.acceptWarnings !== undefined) out.acceptWarnings = a.acceptWarnings;
  return out;
}

export class HostChangesClient {
  constructor(private readonly client: ParcClient) {}

  /** A client like this one that waits `seconds` for an answer (an apply lasts up to its rollback timeout). */
  private patient(seconds: number): ParcClient {
    return new ParcClient({ url: this.client.base.toString(), pin: this.client.pin, token: this.client.token, timeoutMs: seconds * 1000 });
  }

  private path(host: string, what: string): string {
    return `/api/hosts/${encodeURIComponent(host)}/${what}`;
  }

  /** The `linux:` hosts of the server's parc.yaml. */
  async hosts(): Promise<string[]> {
    return (await this.client.get<InventoryResponse>('/api/inventory')).linux.map((h) => h.name).filter(Boolean);
  }

  snmpdPreview(host: string, body: SnmpdChangeRequest): Promise<SnmpdPreviewResponse> {
    return this.client.request('POST', this.path(host, 'snmpd/preview'), body);
  }

  snmpdApply(host: string, body: SnmpdChangeRequest): Promise<SnmpdApplyResponse> {
    // Restart, then polling for up to `timeout` s, then perhaps a rollback and a second poll.
    return this.patient(2 * (body.timeout ?? 20) + 60).request('POST', this.path(host, 'snmpd/apply'), body);
  }

  netplanPreview(host: string, body: StaticIpChangeRequest): Promise<NetplanPreviewResponse> {
    return this.client.request('POST', this.path(host, 'netplan/preview'), body);
  }

  netplanApply(host: string, body: StaticIpChangeRequest): Promise<NetplanApplyResponse> {
    // The host reverts at `timeout`; the server then reconnects on the old address for up to 60 s.
    return this.patient((body.timeout ?? 120) + 120).request('POST', this.path(host, 'netplan/apply'), body);
  }
}
