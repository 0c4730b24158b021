// Alert delivery: what parc.yaml's `alerting:` section declares (transports, rules, maintenance windows).
import type { Severity } from '../state/types';

export type Language = 'en' | 'fr';

export interface EmailTransportConfig {
  kind: 'email';
  name: string;
  host: string;
  port: number;
  /** starttls: plain connection upgraded (and required); tls: TLS from the first byte (465); none: no TLS. */
  security: 'starttls' | 'tls' | 'none';
  user?: string;
  /** Credential holding the SMTP password (never the password itself). */
  passwordCredential?: string;
  from: string;
  to: string[];
  /** PEM file of the CA that signed the server's certificate (a private CA). */
  caFile?: string;
  /** Name checked against the server certificate when `host` is an address. */
  servername?: string;
  timeoutMs: number;
  line: number;
}

export interface HookTransportConfig {
  kind: 'teams' | 'slack' | 'webhook';
  name: string;
  /** Credential holding the URL (webhook URLs carry their token). */
  urlCredential?: string;
  /** A URL without a secret in it (generic webhook only). */
  url?: string;
  /** Generic webhook: credential of the HMAC-SHA256 key; the body's signature goes in X-Parc-Signature. */
  secretCredential?: string;
  timeoutMs: number;
  line: number;
}

export type TransportConfig = EmailTransportConfig | HookTransportConfig;

export interface AlertRule {
  name: string;
  /** Lowest severity that matches (critical > warning > info). */
  minSeverity?: Severity;
  events?: string[];
  regions?: string[];
  sites?: string[];
  /** Device names, hosts or host:port keys. */
  devices?: string[];
  tags?: string[];
  transports: string[];
  delayMinutes: number;
  repeatMinutes?: number;
  escalate?: { afterMinutes: number; transports: string[] };
  recovery: boolean;
  line: number;
}

export interface MaintenanceWindow {
  name: string;
  devices: string[];
  sites: string[];
  regions: string[];
  tags: string[];
  /** A single window (epoch ms). */
  once?: { start: number; end: number };
  /** Every week on these days (0 = Sunday), from..to in minutes after midnight; to < from crosses midnight. */
  recurring?: { days: number[]; from: number; to: number; timeZone?: string };
  line: number;
}

export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
}

export interface AlertingConfig {
  transports: Map<string, TransportConfig>;
  rules: AlertRule[];
  maintenance: MaintenanceWindow[];
  retry: RetryPolicy;
  /** URI scheme of the editor the links open (vscode, vscode-insiders, code-oss...). */
  linkScheme: string;
}

export const DEFAULT_RETRY: RetryPolicy = { firstDelayMs: 30_000, maxDelayMs: 15 * 60_000, maxAttempts: 10 };

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 };

/** What a message says about one alert: kept in the outbox so a restart can still render it. */
export interface AlertSnapshot {
  id: string;
  type: string;
  severity: Severity;
  device?: string;
  deviceName?: string;
  entity?: string;
  region?: string;
  site?: string;
  message: string;
  /** When the problem began (ISO). */
  since: string;
  /** The recovery, for recovery messages (ISO and text). */
  recoveredAt?: string;
  recoveryMessage?: string;
  acknowledged?: boolean;
}

export type MessageKind = 'problem' | 'repeat' | 'escalation' | 'recovery' | 'test';

export interface OutgoingMessage {
  /** Unique per delivery (kept across retries, so receivers can drop duplicates). */
  id: string;
  kind: MessageKind;
  alerts: AlertSnapshot[];
  language: Language;
  linkScheme: string;
  createdAt: string;
}
