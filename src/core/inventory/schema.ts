// The JSON Schema of parc.yaml: shipped as media/schema/parc.schema.json (contributed through yamlValidation, so the
// Red Hat YAML extension completes, explains and checks the file) and read by Parc's own completion and hover.
// A unit test (test/unit/inventory/schema.test.ts) checks it against the keys the parsers accept, both ways.
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: (string | number | boolean)[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  required?: string[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  /** Where completion offers names from the file itself: SNMP profile names, site names. */
  'x-parc-names'?: 'profiles' | 'sites' | 'transports';
}

const str = (description: string, extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'string', description, ...extra });
const int = (description: string, minimum: number, maximum: number, extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'integer', description, minimum, maximum, ...extra });
const num = (description: string, minimum: number, maximum: number, extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'number', description, minimum, maximum, ...extra });
const bool = (description: string, extra: Partial<JsonSchema> = {}): JsonSchema => ({ type: 'boolean', description, ...extra });
const oneOrMany = (description: string, extra: Partial<JsonSchema> = {}): JsonSchema => ({ description, anyOf: [{ type: 'string', ...extra }, { type: 'array', items: { type: 'string', ...extra } }] });
const obj = (description: string, properties: Record<string, JsonSchema>, required?: string[]): JsonSchema => ({
  type: 'object', description, properties, additionalProperties: false, ...(required ? { required } : {}),
});
const list = (description: string, items: JsonSchema): JsonSchema => ({ type: 'array', description, items });
const named = (description: string, value: JsonSchema): JsonSchema => ({ type: 'object', description, additionalProperties: value });

const CIDRS = oneOrMany('Subnets in CIDR notation, e.g. 192.0.2.0/24 or 2001:db8::/48.');
const SITE_NAMES = oneOrMany('Site names or aliases (from sites:).', { 'x-parc-names': 'sites' });
const TRANSPORT_NAMES = oneOrMany('Transport names (from alerting.transports).', { 'x-parc-names': 'transports' });
const TAGS = oneOrMany('Free labels that alert rules and maintenance windows select devices by.');
const DEVICES_SEL = oneOrMany('Devices by name, host or host:port.');
const REGIONS = oneOrMany('Region names (from sites:).');

const JANITOR_PROPS: Record<string, JsonSchema> = {
  disconnectedOverMinutes: int('Log off sessions disconnected for more than this many minutes.', 1, 527040),
  idleOverMinutes: int('Log off active sessions idle for more than this many minutes, after a warning (0 = never).', 0, 527040),
  exclude: oneOrMany('User names never touched (case-insensitive, * wildcards, DOMAIN\\ optional).'),
  excludeGroups: oneOrMany('Groups whose members are never touched: "Group" (local) or "DOMAIN\\Group".'),
  warnMinutes: int('Minutes between the warning message and the logoff of an idle active session.', 0, 527040),
  warnMessage: str('The warning sent to an idle session before it is logged off.'),
};

const PROFILE: JsonSchema = obj('An SNMP profile: version and the names of the credentials holding its secrets.', {
  version: { description: 'SNMP version.', enum: ['1', '2c', '3', 'v1', 'v2c', 'v3', 1, 2, 3] },
  credential: str('SNMP v1/v2c: the name of the stored community (never the community itself).'),
  community: str('Not allowed: a community is a secret. Use credential: NAME instead.'),
  user: str('SNMP v3 user name.'),
  level: { description: 'SNMP v3 security level (default from auth/priv).', enum: ['noAuthNoPriv', 'authNoPriv', 'authPriv'] },
  auth: { description: 'SNMP v3 authentication protocol (default sha).', enum: ['md5', 'sha', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512'] },
  priv: { description: 'SNMP v3 privacy protocol (default aes).', enum: ['des', 'aes', 'aes128', 'aes256', 'aes256c'] },
  authCredential: str('SNMP v3: the name of the stored authentication passphrase.'),
  privCredential: str('SNMP v3: the name of the stored privacy passphrase.'),
  context: str('SNMP v3 context name.'),
  timeoutMs: int('Time to wait for an answer, in milliseconds (default 2000).', 50, 60000),
  retries: int('Retries after a timeout (default 1).', 0, 10),
}, ['version']);

const TRANSPORT: JsonSchema = obj('A way to deliver alerts: e-mail (SMTP), Teams, Slack or a JSON webhook.', {
  type: { description: 'Kind of transport.', enum: ['email', 'mail', 'smtp', 'teams', 'slack', 'mattermost', 'webhook', 'json'] },
  host: str('email: the SMTP server.'),
  port: int('email: SMTP port (465 for tls, 587 for starttls, 25 for none).', 1, 65535),
  security: { description: 'email: connection security (default starttls).', enum: ['starttls', 'tls', 'ssl', 'smtps', 'none', 'plain'] },
  user: str('email: SMTP login.'),
  passwordCredential: str('email: the name of the stored SMTP password.'),
  password: str('Not allowed: a password is a secret. Use passwordCredential: NAME instead.'),
  from: str('email: the sender address.'),
  to: oneOrMany('email: one recipient address or a list.'),
  caFile: str('email: a CA certificate file (PEM) for a private SMTP server.'),
  servername: str('email: the TLS server name, when it differs from host.'),
  timeoutSeconds: int('Seconds before a delivery attempt gives up.', 1, 600),
  url: str('webhook: the URL (Teams and Slack URLs carry a token: use urlCredential).'),
  urlCredential: str('The name of the stored webhook URL.'),
  secretCredential: str('webhook: the name of the stored signing key (HMAC-SHA256 signature header).'),
  secret: str('Not allowed: a signing key is a secret. Use secretCredential: NAME instead.'),
}, ['type']);

const RULE: JsonSchema = obj('Which alerts go where.', {
  name: str('Rule name (unique).'),
  severity: { description: 'The lowest severity delivered.', enum: ['critical', 'warning', 'info'] },
  events: oneOrMany('Alert events delivered (default: all).', { enum: ['down', 'interface-down', 'storage-high', 'processor-high', 'reboot', 'delivery-failed'] }),
  regions: REGIONS,
  sites: SITE_NAMES,
  devices: DEVICES_SEL,
  tags: TAGS,
  transports: TRANSPORT_NAMES,
  delayMinutes: num('Wait this long before delivering (an alert that clears meanwhile is not sent).', 0, 10080),
  repeatMinutes: num('Repeat while the alert stays open, every this many minutes.', 1, 10080),
  escalate: obj('Also deliver to other transports when the alert is still open after a while.', {
    afterMinutes: num('Minutes after which the alert escalates.', 0, 10080),
    transports: TRANSPORT_NAMES,
  }, ['afterMinutes', 'transports']),
  recovery: bool('Also deliver the recovery (default true).'),
}, ['transports']);

const WINDOW: JsonSchema = obj('A maintenance window: alerts of the devices it covers are held back.', {
  name: str('Window name.'),
  devices: DEVICES_SEL,
  sites: SITE_NAMES,
  regions: REGIONS,
  tags: TAGS,
  start: str('One-off window: start date and time, e.g. 2026-03-14T22:00:00+01:00.'),
  end: str('One-off window: end date and time.'),
  every: oneOrMany('Weekly window: days (mon … sun, daily, weekdays, weekends).'),
  from: str('Weekly window: start time of day, e.g. 22:30.'),
  to: str('Weekly window: end time of day, e.g. 06:00.'),
  timezone: str('Weekly window: time zone, e.g. Europe/Paris (default: the local one).'),
});

export const PARC_SCHEMA: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://parc-it.github.io/schema/parc.schema.json',
  title: 'parc.yaml',
  description: 'Parc inventory: devices to monitor by region and site, SNMP profiles, alerting, Windows and Linux hosts, directories. Secrets are never written here: credentials are named.',
  type: 'object',
  additionalProperties: false,
  properties: {
    sites: list('Sites, grouped by region. A device lands in a site by its site: key, its sysLocation, its address or its coordinates.', obj('A site.', {
      region: str('Region the site belongs to.'),
      name: str('Site name (unique with the aliases).'),
      aliases: oneOrMany('Other names of the site, as sysLocation may spell it.'),
      subnets: CIDRS,
      coordinates: { type: 'array', description: '[latitude, longitude] of the site (for the map and coordinate matching).', items: { type: 'number' }, minItems: 2, maxItems: 2 },
    }, ['region', 'name'])),
    snmp: obj('SNMP profiles.', {
      default: str('The profile used by devices that name none.', { 'x-parc-names': 'profiles' }),
      profiles: named('SNMP profiles by name.', PROFILE),
    }),
    devices: list('Devices to monitor: a host, or a mapping with host and options.', {
      anyOf: [{ type: 'string', description: 'Host name or IP address.' }, obj('A device.', {
        host: str('Host name or IP address (the port goes in port:).'),
        name: str('Display name (unique).'),
        port: int('SNMP port (default 161).', 1, 65535),
        profile: str('SNMP profile (default: snmp.default).', { 'x-parc-names': 'profiles' }),
        site: str('Site name or alias; without it the site is found from sysLocation, the address or coordinates.', { 'x-parc-names': 'sites' }),
        tags: TAGS,
      }, ['host'])],
    }),
    thresholds: obj('Levels that raise alerts.', {
      storagePercent: int('Storage used at or above this percentage (default 90).', 1, 100),
      processorPercent: int('Processor load at or above this percentage (default 90).', 1, 100),
      memoryPercent: int('Memory pool used at or above this percentage (default 90).', 1, 100),
      supplyPercent: int('Printer supplies under this level (default 10).', 1, 100),
      upsBatteryPercent: int('UPS battery charge under this level (default 50).', 1, 100),
    }),
    schedule: obj('How often Parc polls.', {
      pollMinutes: int('Minutes between polls of all devices (default 5).', 1, 100000),
      pollSeconds: int('Seconds between polls, for intervals under a minute (overrides pollMinutes).', 10, 86400),
      newDeviceMinutes: int('Minutes between checks of devices never polled (default 5).', 1, 100000),
      discoveryHours: int('Hours between rescans of discovery.subnets (default 6).', 1, 100000),
      housekeepingHours: int('Hours between clean-ups of old state (default 24).', 1, 100000),
      eventRetentionDays: int('Days events are kept (default 30).', 1, 100000),
    }),
    discovery: obj('Subnets scanned for new devices.', {
      subnets: CIDRS,
      profiles: oneOrMany('Profiles tried in order (default: all, the default one first).', { 'x-parc-names': 'profiles' }),
      autoAdd: bool('Add the devices found to parc.yaml (default false).'),
    }),
    state: str('Where Parc keeps its state, relative to parc.yaml (default .parc).'),
    siteMatch: obj('How devices are matched to sites.', {
      maxDistanceKm: num('Maximum distance between a device and a site for a coordinate match (default 25).', 0, 20000),
    }),
    language: { description: 'Language of alert messages.', enum: ['en', 'english', 'fr', 'french', 'français', 'francais'] },
    engine: obj('Who polls: Parc itself (local, the default) or a Prometheus-compatible API that Parc reads.', {
      kind: { description: 'local or prometheus.', enum: ['local', 'prometheus'] },
      url: str('prometheus: base URL of the HTTP API, e.g. http://127.0.0.1:9090.'),
      credential: str('prometheus: the name of the stored bearer token or user:password.'),
      alertmanager: str('prometheus: Alertmanager base URL.'),
      job: str('prometheus: scrape job name (regex, default parc-snmp.*).'),
      timeoutMs: int('prometheus: request timeout in milliseconds (default 10000).', 100, 120000),
    }, ['kind']),
    alerting: obj('Alert delivery: transports, rules and maintenance windows.', {
      transports: named('Transports by name.', TRANSPORT),
      rules: list('Rules: which alerts go to which transports.', RULE),
      maintenance: list('Maintenance windows.', WINDOW),
      retry: obj('How failed deliveries are retried.', {
        firstDelaySeconds: int('First retry after this many seconds.', 1, 3600),
        maxDelayMinutes: int('Longest wait between retries, in minutes.', 1, 1440),
        maxAttempts: int('Attempts before giving up.', 1, 100),
      }),
      linkScheme: str('URI scheme of the links in messages (vscode, vscode-insiders…).'),
    }),
    windows: list('Windows hosts whose RDP sessions Parc lists and cleans up (Sessions view).', obj('A Windows host.', {
      host: str('Host name or address.'),
      name: str('Display name (unique; default: host).'),
      transport: { description: 'How Parc runs quser/logoff: local (this PC), ssh or winrm.', enum: ['local', 'ssh', 'winrm'] },
      port: int('Port (default: 22 for ssh, 5985/5986 for winrm).', 1, 65535),
      tls: bool('winrm: HTTPS (default false: HTTP with NTLM encryption).'),
      auth: { description: 'winrm authentication (default ntlm; basic needs tls).', enum: ['ntlm', 'basic'] },
      user: str('Login, e.g. EXAMPLE\\admin.'),
      credential: str('The name of the stored password.'),
      keyFile: str('ssh: private key file.'),
      knownHosts: str('ssh: known_hosts file (default ~/.ssh/known_hosts).'),
      codepage: int('Code page of the host\'s console output (e.g. 850, 437, 1252).', 1, 65535),
      dateOrder: { description: 'Date order of quser\'s logon times.', enum: ['dmy', 'mdy', 'd/m/y', 'm/d/y'] },
      group: str('Group shown in the Sessions view.'),
      site: str('Site of the host.', { 'x-parc-names': 'sites' }),
      exclude: oneOrMany('User names never touched on this host (added to the janitor policy).'),
      janitor: obj('This host\'s janitor policy (overrides janitor:).', JANITOR_PROPS),
    }, ['host', 'transport'])),
    janitor: obj('The RDP session janitor policy for every Windows host.', JANITOR_PROPS),
    linux: list('Linux hosts whose netplan and snmpd.conf Parc edits over SSH (Hosts view).', obj('A Linux host.', {
      host: str('Host name or address.'),
      name: str('Display name (unique; default: host).'),
      port: int('SSH port (default 22).', 1, 65535),
      user: str('SSH login.'),
      key: str('Private key file, e.g. ~/.ssh/id_ed25519.'),
      credential: str('The name of the stored SSH password.'),
      sudo: bool('Run privileged commands with sudo (default false).'),
      sudoCredential: str('The name of the stored sudo password (default: the login credential).'),
      agent: bool('Log in with the SSH agent (default false).'),
      site: str('Site of the host (its coordinates go into sysLocation).', { 'x-parc-names': 'sites' }),
      root: str('Prefix of every path on the host (default /).'),
      snmpd: obj('Where snmpd keeps its configuration and how it is restarted.', {
        conf: str('snmpd.conf (default /etc/snmp/snmpd.conf).'),
        persist: str('net-snmp\'s persistent file (default /var/lib/snmp/snmpd.conf).'),
        restart: str('Restart command (default systemctl restart snmpd).'),
        stop: str('Stop command (default systemctl stop snmpd).'),
        start: str('Start command (default systemctl start snmpd).'),
        port: int('UDP port Parc polls after a change (default 161).', 1, 65535),
      }),
      netplanDir: str('netplan directory (default /etc/netplan).'),
      netplanApply: str('Command that applies netplan (default netplan apply).'),
    }, ['host', 'user'])),
    server: obj('parc serve: where it listens and who may log in.', {
      listen: str('HOST:PORT to listen on (default 127.0.0.1:8443).'),
      auth: obj('Logins: a directory profile and its groups per role; without it, the local accounts file.', {
        directory: str('The directories: profile users log in with.'),
        roles: obj('Groups per role (DN or name); the highest role a user\'s groups give wins.', {
          viewer: oneOrMany('Groups that may see everything.'),
          operator: oneOrMany('Groups that may also poll, acknowledge, mute and act on RDP sessions.'),
          admin: oneOrMany('Groups that may also edit the inventory and apply snmpd and netplan changes.'),
        }),
        tokenTtl: str('How long a login lasts, like 8h or 90m (default 8h).'),
      }),
    }),
    directories: named('LDAP and Active Directory profiles by name (Directory view).', obj('A directory profile.', {
      url: oneOrMany('ldaps://host or ldap://host (with startTls: true); several for fail-over.'),
      urls: oneOrMany('Same as url: several URLs for fail-over.'),
      startTls: bool('Upgrade ldap:// with StartTLS (default false).'),
      caFile: str('CA certificate file (PEM) of the directory, relative to parc.yaml.'),
      bindDn: str('DN to bind with before searching, e.g. CN=svc,OU=Service,DC=corp,DC=local.'),
      credential: str('The name of the stored bind password.'),
      userBase: str('Where users are searched, e.g. OU=Users,DC=corp,DC=local.'),
      userFilter: str('Search filter with {user}, e.g. (sAMAccountName={user}) (default (uid={user})).'),
      group: str('Group the user must belong to (DN or name).'),
      groupBase: str('Where groups are searched.'),
      membership: { description: 'How membership is stored (default memberOf).', enum: ['memberOf', 'member', 'memberUid'] },
      nested: bool('Follow nested groups (default false).'),
      nestedDepth: int('How deep nested groups are followed.', 1, 50),
      timeoutMs: int('Timeout of each LDAP operation in milliseconds.', 100, 120000),
      levels: { type: 'object', description: 'Observium levels by group: { "CN=IT-Admins,…": 10 }.', additionalProperties: { type: 'integer', minimum: 0, maximum: 10 } },
    })),
  },
};
