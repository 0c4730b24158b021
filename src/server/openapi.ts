// GET /api/openapi.json: the API described for people and tools (the types are in core/remote/api-types.ts).
import { API_VERSION } from '../core/remote/api-types';

type Op = { summary: string; role?: 'viewer' | 'operator' | 'admin'; body?: string; params?: string[]; query?: string[]; ok?: number };

const OPS: Record<string, Record<string, Op>> = {
  '/api/health': { get: { summary: 'Server version, estate and who polls it (no login)' } },
  '/api/login': { post: { summary: 'Log in with a directory or local account; returns a bearer token', body: 'LoginRequest' } },
  '/api/logout': { post: { summary: 'Revoke the token used', role: 'viewer' } },
  '/api/me': { get: { summary: 'The logged-in user, role and token expiry', role: 'viewer' } },
  '/api/devices': { get: { summary: 'Device summaries (DeviceSummary[])', role: 'viewer' } },
  '/api/devices/{id}': { get: { summary: 'One device with its last poll record', role: 'viewer', params: ['id'] } },
  '/api/events': { get: { summary: 'Event log, newest first', role: 'viewer', query: ['since', 'limit', 'device'] } },
  '/api/alerts': { get: { summary: 'Open and recently closed alerts with acknowledgement and mute state; active mutes', role: 'viewer' } },
  '/api/alerts/{id}/ack': { post: { summary: 'Acknowledge an open alert', role: 'operator', params: ['id'], body: 'AckRequest' } },
  '/api/mutes': { post: { summary: 'Mute a device, site, region or tag until a time', role: 'operator', body: 'MuteRequest' } },
  '/api/mutes/{id}': { delete: { summary: 'Remove a mute', role: 'operator', params: ['id'] } },
  '/api/history/{deviceId}': { get: { summary: 'Recorded metrics of a device', role: 'viewer', params: ['deviceId'], query: ['metric', 'from', 'to', 'step'] } },
  '/api/inventory': { get: { summary: 'parc.yaml as parsed, without secrets', role: 'viewer' } },
  '/api/inventory/devices': { post: { summary: 'Add a device to parc.yaml (comments and layout kept); 409 when it is there already', role: 'admin', body: 'NewDeviceRequest', ok: 201 } },
  '/api/inventory/devices/{id}': {
    delete: { summary: 'Remove a device from parc.yaml', role: 'admin', params: ['id'] },
    patch: { summary: "Set (or, with null, remove) a device's explicit site in parc.yaml", role: 'admin', params: ['id'], body: 'DeviceSiteRequest' },
  },
  '/api/hosts/{name}/snmpd/preview': { post: { summary: "The diff an snmpd.conf change would make on a linux: host (communities masked); writes nothing. Secrets only by credential name from the server's store", role: 'admin', params: ['name'], body: 'SnmpdChangeRequest' } },
  '/api/hosts/{name}/snmpd/apply': { post: { summary: 'Apply an snmpd.conf change: backup, restart snmpd, poll with the new credentials, restore the backup when it does not answer (ok: false). 409 while another change to the host runs, or when its SSH host key is not in the server\'s known_hosts (the fingerprint is in the error)', role: 'admin', params: ['name'], body: 'SnmpdChangeRequest' } },
  '/api/hosts/{name}/netplan/preview': { post: { summary: "The diff a static-IP change would make to the host's netplan file, Parc's check of the result and where Parc would reconnect; writes nothing", role: 'admin', params: ['name'], body: 'StaticIpChangeRequest' } },
  '/api/hosts/{name}/netplan/apply': { post: { summary: "Apply a static IP with automatic rollback: the host's netplan generate validates, an on-host watchdog reverts after timeout s unless Parc confirms through a new connection (outcome: confirmed, reverted, refused, unknown). 409 as for snmpd/apply", role: 'admin', params: ['name'], body: 'StaticIpChangeRequest' } },
  '/api/poll': { post: { summary: 'Poll now (the whole estate or one device); run by the poll-lease holder', role: 'operator', body: 'PollRequest', ok: 202 } },
  '/api/sessions': { get: { summary: 'RDP sessions of every windows: host', role: 'viewer' } },
  '/api/sessions/{host}/{sessionId}/logoff': { post: { summary: 'Log off a session (re-checked first)', role: 'operator', params: ['host', 'sessionId'] } },
  '/api/sessions/{host}/{sessionId}/disconnect': { post: { summary: 'Disconnect a session (re-checked first)', role: 'operator', params: ['host', 'sessionId'] } },
  '/api/sessions/{host}/{sessionId}/message': { post: { summary: 'Send a message to a session', role: 'operator', params: ['host', 'sessionId'], body: 'SessionActionRequest' } },
  '/api/janitor/run': { post: { summary: 'Run the RDP janitor (or a dry run)', role: 'operator', body: 'JanitorRunRequest' } },
  '/api/stream': { get: { summary: 'Server-Sent Events: hello, device, event, alert, poll (token by header or ?token=)', role: 'viewer', query: ['token'] } },
  '/api/openapi.json': { get: { summary: 'This document (no login)' } },
};

const ERROR = { type: 'object', required: ['error'], properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string', enum: ['unauthorized', 'forbidden', 'not-found', 'bad-request', 'rate-limited', 'conflict', 'host-error', 'internal'] }, message: { type: 'string' }, step: { type: 'string' }, role: { type: 'string' }, retryAfter: { type: 'number' }, field: { type: 'string', description: '400: the request field at fault' }, fingerprint: { type: 'string', description: 'an SSH host key not in the server\'s known_hosts' } } } } };

export function openApi(version: string): unknown {
  const paths: Record<string, unknown> = {};
  for (const [p, methods] of Object.entries(OPS)) {
    const item: Record<string, unknown> = {};
    for (const [m, op] of Object.entries(methods)) {
      item[m] = {
        summary: op.summary,
        ...(op.role ? { security: [{ bearer: [] }], 'x-parc-role': op.role, description: `Needs the ${op.role} role.` } : {}),
        parameters: [...(op.params ?? []).map((n) => ({ name: n, in: 'path', required: true, schema: { type: 'string' } })), ...(op.query ?? []).map((n) => ({ name: n, in: 'query', required: false, schema: { type: 'string' } }))],
        ...(op.body ? { requestBody: { content: { 'application/json': { schema: { $ref: `#/components/schemas/${op.body}` } } } } } : {}),
        responses: {
          [String(op.ok ?? 200)]: { description: 'OK', content: { [p === '/api/stream' ? 'text/event-stream' : 'application/json']: {} } },
          ...(op.role ? { 401: { description: 'No valid token', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }, 403: { description: 'Role too low (the body names the role needed)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } } : {}),
          ...(p === '/api/login' ? { 401: { description: 'Refused, with the failed step' }, 429: { description: 'Too many failed logins' } } : {}),
        },
      };
    }
    paths[p] = item;
  }
  const obj = (props: Record<string, string>, required: string[] = []) => ({ type: 'object', required, properties: Object.fromEntries(Object.entries(props).map(([k, t]) => [k, { type: t }])) });
  return {
    openapi: '3.1.0',
    info: { title: 'Parc server API', version, 'x-api-version': API_VERSION, description: 'One always-on service for an estate: devices, alerts, history, sessions, actions. Types: src/core/remote/api-types.ts.' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: ERROR,
        LoginRequest: obj({ user: 'string', password: 'string' }, ['user', 'password']),
        AckRequest: obj({ comment: 'string' }),
        MuteRequest: obj({ device: 'string', site: 'string', region: 'string', tag: 'string', until: 'string', minutes: 'number', reason: 'string' }),
        PollRequest: obj({ device: 'string' }),
        NewDeviceRequest: obj({ host: 'string', port: 'number', name: 'string', profile: 'string', site: 'string' }, ['host']),
        DeviceSiteRequest: obj({ site: 'string' }, ['site']),
        SessionActionRequest: obj({ text: 'string' }),
        JanitorRunRequest: obj({ dryRun: 'boolean' }, ['dryRun']),
        SnmpdChangeRequest: {
          ...obj({ communityCredential: 'string', source: 'string', view: 'string', extend: 'string', distroCommand: 'string', location: 'string', coordinates: 'array', site: 'string', contact: 'string', agentAddress: 'array', v3User: 'string', v3Level: 'string', v3Auth: 'string', v3AuthCredential: 'string', v3Priv: 'string', v3PrivCredential: 'string', previousProfile: 'string', timeout: 'number' }),
          additionalProperties: false,
          description: 'At least one change. Secret values (community, passwords) are refused: name a credential of the server instead. Unknown fields are a 400 naming the field.',
        },
        StaticIpChangeRequest: {
          ...obj({ interface: 'string', address: 'string', gateway: 'string', dns: 'array', search: 'array', file: 'string', newAddress: 'string', timeout: 'number', acceptWarnings: 'boolean' }, ['interface', 'address']),
          additionalProperties: false,
          description: 'address is address/prefix; timeout 5-3600 s (default 120); file: a name in the host\'s netplanDir (default: the file that configures the interface).',
        },
      },
    },
    paths,
  };
}
