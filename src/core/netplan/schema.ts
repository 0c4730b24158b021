// The netplan YAML schema Parc knows: which keys each section accepts and what type each value has.
// Taken from netplan(5) (current upstream); subtrees Parc does not model in depth are 'any' so that a
// valid file is never flagged because of a key Parc does not know the inside of.

export type Spec =
  | 'bool' | 'string' | 'uint' | 'any' | 'addresses' | 'ip' | 'ipList' | 'stringList' | 'renderer' | 'macaddress' | 'route-to'
  | { enum: readonly string[]; what: string; needs?: true }
  | { map: Record<string, Spec> }
  | { dict: Spec } // a mapping with free keys (ids, SSIDs), each value of the given spec
  | { seq: Spec };

const routeSpec: Spec = {
  map: {
    from: 'ip', to: 'route-to', via: 'ip', 'on-link': 'bool', metric: 'uint', type: { enum: ['unicast', 'anycast', 'blackhole', 'broadcast', 'local', 'multicast', 'nat', 'prohibit', 'throw', 'unreachable', 'xresolve'], what: 'route type' },
    scope: { enum: ['global', 'link', 'host'], what: 'route scope' }, table: 'uint', mtu: 'uint', 'congestion-window': 'uint', 'advertised-receive-window': 'uint', 'advertised-mss': 'uint',
  },
};
const policySpec: Spec = { map: { from: 'route-to', to: 'route-to', table: 'uint', priority: 'uint', mark: 'uint', 'type-of-service': 'uint' } };
const overrides: Spec = {
  map: {
    'use-dns': 'bool', 'use-ntp': 'bool', 'send-hostname': 'bool', hostname: 'string', 'use-hostname': 'bool', 'use-mtu': 'bool', 'use-routes': 'bool',
    'use-domains': 'string', 'route-metric': 'uint',
  },
};
const authSpec: Spec = {
  map: {
    'key-management': { enum: ['none', 'psk', 'eap', 'eap-sha256', 'eap-suite-b-192', 'sae', '802.1x'], what: 'key management type' },
    method: { enum: ['tls', 'peap', 'ttls', 'leap', 'pwd'], what: 'EAP method' }, identity: 'string', 'anonymous-identity': 'string', password: 'string',
    'ca-certificate': 'string', 'client-certificate': 'string', 'client-key': 'string', 'client-key-password': 'string', 'phase2-auth': 'string', 'pmf-mode': 'string',
  },
};

/** Keys every device type accepts (netplan's "common properties"). */
const common: Record<string, Spec> = {
  renderer: 'renderer', dhcp4: 'bool', dhcp6: 'bool', 'dhcp4-overrides': overrides, 'dhcp6-overrides': overrides, 'ipv6-privacy': 'bool', 'link-local': 'stringList',
  'ignore-carrier': 'bool', critical: 'bool', 'dhcp-identifier': { enum: ['duid', 'mac'], what: 'dhcp-identifier' }, 'accept-ra': 'bool', addresses: 'addresses',
  'ipv6-address-generation': { enum: ['eui64', 'stable-privacy'], what: 'ipv6-address-generation' }, 'ipv6-address-token': 'ip', gateway4: 'ip', gateway6: 'ip',
  nameservers: { map: { search: 'stringList', addresses: 'ipList' } }, macaddress: 'string', mtu: 'uint', 'ipv6-mtu': 'uint', optional: 'bool',
  'optional-addresses': 'stringList', 'activation-mode': { enum: ['manual', 'off'], what: 'activation-mode', needs: true }, routes: { seq: routeSpec }, 'routing-policy': { seq: policySpec },
  'neigh-suppress': 'bool', openvswitch: 'any', networkmanager: 'any',
};
/** Keys of devices that exist in hardware (they can be matched, renamed, woken). */
const physical: Record<string, Spec> = {
  match: { map: { name: 'string', macaddress: 'macaddress', driver: 'stringList', 'permanent-mac-address': 'macaddress' } }, 'set-name': 'string', wakeonlan: 'bool',
  'emit-lldp': 'bool', 'receive-checksum-offload': 'bool', 'transmit-checksum-offload': 'bool', 'tcp-segmentation-offload': 'bool', 'tcp6-segmentation-offload': 'bool',
  'generic-segmentation-offload': 'bool', 'generic-receive-offload': 'bool', 'large-receive-offload': 'bool',
};

const device = (extra: Record<string, Spec>, withPhysical = false): Spec => ({ map: { ...common, ...(withPhysical ? physical : {}), ...extra } });

export const DEVICE_TYPES: Record<string, Spec> = {
  ethernets: device({ auth: authSpec, link: 'string', 'virtual-function-count': 'uint', 'embedded-switch-mode': { enum: ['switchdev', 'legacy'], what: 'embedded-switch-mode' }, 'delay-virtual-functions-rebind': 'bool', 'infiniband-mode': { enum: ['datagram', 'connected'], what: 'infiniband-mode', needs: true } }, true),
  modems: device({ apn: 'string', 'auto-config': 'bool', 'device-id': 'string', 'network-id': 'string', number: 'string', password: 'string', pin: 'string', 'sim-id': 'string', 'sim-operator-id': 'string', username: 'string' }, true),
  wifis: device({ 'access-points': { dict: { map: { password: 'string', mode: { enum: ['infrastructure', 'ap', 'adhoc'], what: 'wifi mode' }, band: { enum: ['5GHz', '2.4GHz'], what: 'wifi band' }, channel: 'uint', bssid: 'macaddress', hidden: 'bool', auth: authSpec, networkmanager: 'any' } } }, wakeonwlan: 'stringList', 'regulatory-domain': 'string', auth: authSpec }, true),
  bridges: device({ interfaces: 'stringList', parameters: { map: { 'ageing-time': 'string', 'aging-time': 'string', priority: 'uint', 'port-priority': 'any', 'forward-delay': 'string', 'hello-time': 'string', 'max-age': 'string', 'path-cost': 'any', stp: 'bool' } } }),
  bonds: device({ interfaces: 'stringList', parameters: 'any' }),
  vlans: device({ id: 'uint', link: 'string' }),
  tunnels: device({ mode: 'string', local: 'ip', remote: 'ip', key: 'any', keys: 'any', ttl: 'uint', mark: 'uint', port: 'uint', peers: 'any', 'private-key': 'string', 'private-key-flags': 'stringList', id: 'uint', link: 'string', 'mac-learning': 'bool', 'port-range': 'any', 'source-port-range': 'any', 'do-not-fragment': 'bool', flags: 'any', 'type-of-service': 'any', 'flow-label': 'uint', 'arp-proxy': 'bool', 'short-circuit': 'bool', notifications: 'any', checksums: 'any', 'ageing': 'uint', limit: 'uint' }),
  vrfs: device({ table: 'uint', interfaces: 'stringList' }),
  'dummy-devices': device({}),
  'virtual-ethernets': device({ peer: 'string' }),
  'nm-devices': device({}),
};

export const NETWORK_KEYS: Record<string, Spec> = { version: 'uint', renderer: 'renderer', openvswitch: 'any', ...DEVICE_TYPES };

export const RENDERERS = ['networkd', 'NetworkManager', 'sriov'];
export const BOOL_WORDS = /^(true|false|yes|no|on|off|y|n)$/i;
