// Inventory edits while attached (admin role): POST/PATCH/DELETE /api/inventory/devices on the server, which
// writes its parc.yaml with the same comment-preserving editors and audits the change under the user's name.
// The estate is read again afterwards (the stream has no removal message).
import type { RemoteEstate } from './remote-estate';

export interface RemoteNewDevice {
  host: string;
  port?: number;
  name?: string;
  profile?: string;
  site?: string;
}

export async function remoteAddDevice(r: RemoteEstate, d: RemoteNewDevice): Promise<string> {
  const a = await r.client.post<{ added: string; file: string }>('/api/inventory/devices', d);
  await r.resync();
  return a.added;
}

export async function remoteRemoveDevice(r: RemoteEstate, key: string): Promise<void> {
  await r.client.delete(`/api/inventory/devices/${encodeURIComponent(key)}`);
  await r.resync();
}

export async function remoteMoveDevice(r: RemoteEstate, key: string, site: string | null): Promise<void> {
  await r.client.request('PATCH', `/api/inventory/devices/${encodeURIComponent(key)}`, { site });
  await r.resync();
}
