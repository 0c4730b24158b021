// The HTTP contract of `parc serve` (see server-api.md): what the server answers and what its clients (the
// extension's remote estate, the browser page) read. Types only, plus a few constants both sides need, so
// this file can be imported from anywhere (no node: modules, no vscode).
import type { DevicePoll } from '../poll/types';
import type { ParcEvent } from '../state/types';
import type { RdpSession } from '../rdp/types';

/** Bumped on an incompatible change of these types. */
export const API_VERSION = 1;

export type Role = 'viewer' | 'operator' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'operator', 'admin'];
/** A role may do what every role before it in ROLES may do. */
export function roleAllows(have: Role, need: Role): boolean {
  return ROLES.indexOf(have) >= ROLES.indexOf(need);
}

export type ErrorCode = 'unauthorized' | 'forbidden' | 'not-found' | 'bad-request' | 'rate-limited' | 'conflict' | 'host-error' | 'internal';

/** Every error answer: 401/403/404/400/429/409/502/500. */
export interface ApiErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Directory logins: the step that failed (connect, bind, search, group…). */
    step?: string;
    /** 403: the role the call needs. */
    role?: Role;
    /** 429: seconds until the next attempt is considered. */
    retryAfter?: number;
    /** 400: the request field at fault. */
    field?: string;
    /** 409 on a host change: the SSH host key that is not in the server's known_hosts. */
    fingerprint?: string;
  };
}

// ---- health and login ----

export interface PollerInfo {
  /** Who polls this estate now (lease holder), or null when nobody holds the lease. */
  holder: LeaseHolderInfo | null;
  /** ISO time the holder took the lease. */
  since: string | null;
}

export interface LeaseHolderInfo {
  id: string;
  kind: 'watch' | 'serve' | 'extension' | string;
  pid: number;
  host: string;
  /** ISO time of the last heartbeat. */
  heartbeat: string;
}

/** GET /api/health (no auth). */
export interface HealthResponse {
  ok: true;
  version: string;
  apiVersion: number;
  /** Basename of the inventory file. */
  estate: string;
  poller: PollerInfo;
}

/** POST /api/login */
export interface LoginRequest {
  user: string;
  password: string;
}

export interface UserInfo {
  name: string;
  role: Role;
  source: 'directory' | 'local';
}

export interface LoginResponse {
  token: string;
  /** ISO time. */
  expiresAt: string;
  user: UserInfo;
}

/** GET /api/me */
export interface MeResponse extends UserInfo {
  expiresAt: string;
}

// ---- devices, events, alerts ----

export type DeviceStatus = 'up' | 'down' | 'unknown';

/** GET /api/devices → DeviceSummary[]; also the `device` stream event. */
export interface DeviceSummary {
  /** deviceKey(): host:port. */
  id: string;
  name: string;
  host: string;
  port: number;
  region: string | null;
  site: string | null;
  status: DeviceStatus;
  osName: string | null;
  hardware: string | null;
  serial: string | null;
  version: string | null;
  /** ISO time of the last poll (any outcome), null before the first. */
  lastPoll: string | null;
  /** ISO time the device last answered. */
  lastSeen: string | null;
  /** When the current status began (ISO). */
  statusSince: string | null;
  error: string | null;
  /** Open alerts of this device. */
  alerts: number;
  muted: boolean;
}

/** GET /api/devices/:id (id URL-encoded host:port). */
export interface DeviceDetail extends DeviceSummary {
  /** The state store's record (poll results; it holds no credential), null before the first poll. */
  record: { last: DevicePoll; lastUp?: DevicePoll; statusSince: string } | null;
}

/** GET /api/events?since=ISO&limit=N&device=ID → newest first. */
export type EventsResponse = ParcEvent[];

export interface AckInfo {
  /** ISO time. */
  at: string;
  by: string | null;
}

/** An alert with its state; also the `alert` stream event. */
export interface AlertInfo {
  /** Stable id (see core/monitor/alerts.ts alertId). */
  id: string;
  event: ParcEvent;
  open: boolean;
  /** ISO time of the recovery event, for recently closed alerts. */
  recoveredAt: string | null;
  acknowledged: AckInfo | null;
  muted: boolean;
}

export type MuteScope = 'device' | 'site' | 'region' | 'tag';

export interface MuteInfo {
  /** `${scope}:${value}`, URL-encode it for DELETE /api/mutes/:id. */
  id: string;
  scope: MuteScope;
  value: string;
  /** ISO time. */
  until: string;
  by: string | null;
  reason: string | null;
}

/** GET /api/alerts: open alerts and those closed in the last day, newest first; the active mutes. */
export interface AlertsResponse {
  alerts: AlertInfo[];
  mutes: MuteInfo[];
}

/** POST /api/alerts/:id/ack (operator) → AlertInfo */
export interface AckRequest {
  comment?: string;
}

/** POST /api/mutes (operator): exactly one of device/site/region/tag; `until` ISO or `minutes`. → MuteInfo */
export interface MuteRequest {
  device?: string;
  site?: string;
  region?: string;
  tag?: string;
  until?: string;
  minutes?: number;
  reason?: string;
}

// ---- history, inventory ----

export interface HistoryPoint {
  /** ISO time of the point's start. */
  t: string;
  avg: number | null;
  min: number | null;
  max: number | null;
}

export interface HistorySeries {
  id: string;
  /** "eth0.inBps", "device.uptime"… */
  name: string;
  entity: string;
  label: string;
  ds: string;
  unit: string;
  archive: string;
  /** Seconds. */
  step: number;
  points: HistoryPoint[];
}

/** GET /api/history/:deviceId?metric=&from=ISO&to=ISO&step=s */
export interface HistoryResponse {
  device: string;
  from: string;
  to: string;
  series: HistorySeries[];
}

export interface InventoryDevice {
  id: string;
  name: string | null;
  host: string;
  port: number;
  profile: string | null;
  site: string | null;
  region: string | null;
  tags: string[];
  /** Line in parc.yaml. */
  line: number;
}

export interface InventorySite {
  name: string;
  region: string | null;
  lat: number | null;
  lon: number | null;
}

export interface InventoryHost {
  name: string;
  host: string;
  transport?: string;
  user?: string;
}

export interface InventoryDirectory {
  name: string;
  kind: string;
  urls: string[];
  baseDn: string | null;
}

/** GET /api/inventory: parc.yaml as parsed, without any secret or credential name. */
export interface InventoryResponse {
  file: string;
  regions: string[];
  sites: InventorySite[];
  devices: InventoryDevice[];
  windows: InventoryHost[];
  linux: InventoryHost[];
  directories: InventoryDirectory[];
  pollMinutes: number;
}

// ---- actions ----

/** POST /api/poll (operator) → 202 PollAccepted. `device`: id, name or host; absent: the whole estate. */
export interface PollRequest {
  device?: string;
}

export interface PollAccepted {
  accepted: true;
  /** 'self' when this server holds the poll lease, 'holder' when the request was forwarded to the holder. */
  by: 'self' | 'holder';
  devices: number;
}

export interface SessionHost {
  name: string;
  host: string;
  transport: string;
  /** ISO time of the listing. */
  listedAt: string;
  error: string | null;
  sessions: RdpSession[];
}

/** GET /api/sessions */
export interface SessionsResponse {
  hosts: SessionHost[];
}

/** POST /api/sessions/:host/:sessionId/logoff|disconnect|message (operator) */
export interface SessionActionRequest {
  text?: string;
}

export interface ActionResult {
  ok: boolean;
  message: string;
}

/** POST /api/janitor/run (operator) */
export interface JanitorRunRequest {
  dryRun: boolean;
}

export interface JanitorAction {
  host: string;
  sessionId: number;
  user: string;
  action: string;
  reason: string;
  done: boolean;
  error: string | null;
}

export interface JanitorRunResponse {
  dryRun: boolean;
  actions: JanitorAction[];
}

// ---- live updates: GET /api/stream (SSE; `Authorization: Bearer` or `?token=`) ----

export interface HelloEvent {
  version: string;
  apiVersion: number;
  /** Sequence number of the next event (ids grow across server restarts too: they start from the start time). */
  seq: number;
  /**
   * True when the client sent Last-Event-ID (the header, or ?lastEventId=) and every message it missed follows this
   * hello: no resync needed. Absent or false: resync with the REST calls.
   */
  replayed?: boolean;
  /** ISO time the server started: a different value after a reconnect means "resync everything". */
  serverStart: string;
  user: UserInfo;
}

export interface PollStreamEvent {
  phase: 'start' | 'end';
  /** Devices in this poll. */
  devices: number;
  /** ISO time. */
  at: string;
  durationMs?: number;
  /** Who ran it: this server or the lease holder followed through the state files. */
  by: 'self' | 'holder';
}

/** SSE `event:` name → `data:` JSON. Every message carries `id: <seq>`. */
export interface StreamEvents {
  hello: HelloEvent;
  device: DeviceSummary;
  event: ParcEvent;
  alert: AlertInfo;
  poll: PollStreamEvent;
}

export type StreamEventName = keyof StreamEvents;
export const STREAM_EVENTS: readonly StreamEventName[] = ['hello', 'device', 'event', 'alert', 'poll'];
/** The server sends a `: keep-alive` comment this often. */
export const STREAM_KEEPALIVE_MS = 15_000;

// ---- host changes (admin): snmpd.conf and netplan static IP over SSH ----

/** Secrets only by credential name (the server's credential store); the values never travel in requests. */
export interface SnmpdChangeRequest {
  communityCredential?: string;
  source?: string;
  view?: string;
  extend?: 'observium' | 'librenms';
  distroCommand?: string;
  location?: string;
  coordinates?: [number, number];
  /** The site whose coordinates go in sysLocation (default: the host's site). */
  site?: string;
  contact?: string;
  agentAddress?: string[];
  v3User?: string;
  v3Level?: 'priv' | 'auth' | 'noauth';
  v3Auth?: string;
  v3AuthCredential?: string;
  v3Priv?: string;
  v3PrivCredential?: string;
  previousProfile?: string;
  /** Seconds to wait for snmpd to answer after the restart (apply; default 20). */
  timeout?: number;
}

export interface SnmpdPreviewResponse {
  host: string;
  file: string;
  changes: string[];
  /** Unified diff, communities masked; '' when the file already has these settings. */
  diff: string;
  createsUser?: string;
}

export interface SnmpdApplyResponse {
  host: string;
  ok: boolean;
  changes: string[];
  steps: string[];
  verdict: string;
  backup?: string;
  restored: boolean;
  previousWorks?: boolean;
  error?: string;
}

export interface StaticIpChangeRequest {
  interface: string;
  /** address/prefix */
  address: string;
  gateway?: string;
  dns?: string[];
  search?: string[];
  /** The netplan file (name in the host's netplanDir); default: the one that configures the interface. */
  file?: string;
  /** Where to reconnect and confirm; default: the new address when the SSH address changes. */
  newAddress?: string;
  /** Seconds before the host reverts on its own unless Parc confirms (apply; 5–3600, default 120). */
  timeout?: number;
  /** Go on despite the warnings (cloud-init owns the file; bonds/bridges), as the CLI's --yes. */
  acceptWarnings?: boolean;
}

export interface NetplanPreviewResponse {
  host: string;
  file: string;
  exists: boolean;
  changes: string[];
  diff: string;
  /** Parc's check of the resulting configuration (the host's own netplan generate decides at apply). */
  problems: string[];
  newAddress: string | null;
}

export interface NetplanApplyResponse {
  host: string;
  file: string;
  outcome: 'confirmed' | 'reverted' | 'refused' | 'unknown';
  verdict: string;
  changes: string[];
  problems: string[];
  warnings: string[];
  notes: string[];
  steps: string[];
  backup?: string;
  newAddress: string | null;
}
