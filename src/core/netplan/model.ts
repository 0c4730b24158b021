// What netplan knows about one network definition once its YAML is read: the fields its later checks
// (validation, the networkd / NetworkManager / Open vSwitch writers) look at, and where each came from.
import type { Node, Scalar } from 'yaml';
import type { FileCheck } from './file-check';

export type DefType = 'ethernets' | 'wifis' | 'modems' | 'bridges' | 'bonds' | 'vlans' | 'tunnels' | 'vrfs' | 'nm-devices' | 'dummy-devices' | 'virtual-ethernets' | 'port';
export type Backend = 'networkd' | 'NetworkManager' | 'openvswitch';

export const PHYSICAL_TYPES: ReadonlySet<DefType> = new Set(['ethernets', 'wifis', 'modems']);

export interface Auth {
  keyManagement?: string;
  method?: string;
  password?: string;
}

export interface AccessPoint {
  ssid: string;
  keyNode: Node;
  mode: 'infrastructure' | 'adhoc' | 'ap';
  band?: '5' | '2.4';
  channel: number;
  hasAuth: boolean;
  auth: Auth;
}

export interface Overrides {
  useDns: boolean;
  useNtp: boolean;
  sendHostname: boolean;
  useHostname: boolean;
  useMtu: boolean;
  useRoutes: boolean;
  hostname?: string;
  useDomains?: string;
  metric?: number;
}

export interface Route {
  type: string;
  scope?: string;
  family?: 4 | 6;
  to?: string;
  via?: string;
  table?: number;
  metric?: number;
  node: Node;
}

export interface IpRule {
  table?: number;
  node: Node;
}

export interface WireguardPeer {
  publicKey?: string;
  sharedKey?: string;
  allowedIps: number;
  keepalive: number;
}

export interface NetDef {
  id: string;
  type: DefType;
  /** Set by a `renderer:` (device or type section), the Open vSwitch implication, or at the end from the global one. */
  backend?: Backend;
  file: FileCheck;
  /** The ID's key node, where errors without a YAML position in netplan are shown. */
  keyNode: Scalar | Node;
  valueNode?: Node;
  hasMatch: boolean;
  matchDriver?: string;
  setName?: string;
  wowlan: number;
  accessPoints?: Map<string, AccessPoint>;
  hasAuth: boolean;
  auth: Auth;
  dhcp4: boolean;
  dhcp6: boolean;
  dhcp4Overrides: Overrides;
  dhcp6Overrides: Overrides;
  activationMode?: string;
  ipv6Mtu: number;
  addressOptions: string[];
  ip4: string[];
  ip6: string[];
  routes: Route[];
  ipRules: IpRule[];
  gateway4?: string;
  gateway6?: string;
  addrGenMode?: 'eui64' | 'stable-privacy';
  addrGenToken?: string;
  bridge?: string;
  bond?: string;
  vrfLink?: NetDef;
  pathCost: number;
  portPriority: number;
  primaryMember?: string;
  bondMode?: string;
  vlanLink?: NetDef;
  vlanId?: number;
  sriovVlanFilter: boolean;
  tunnelMode?: string;
  local?: string;
  remote?: string;
  inputKey?: string;
  outputKey?: string;
  privateKey?: string;
  privateKeyFlags: boolean;
  ttl: number;
  peers?: WireguardPeer[];
  vxlanVni: number;
  vxlanFlowLabel?: number;
  vxlanLink?: NetDef;
  vxlanExtras: boolean;
  vrfTable?: number;
  nmPassthroughType: boolean;
  hasNmSettings: boolean;
  ovsExternalIds: number;
  ovsOtherConfig: number;
  ovsControllerTargets: string[];
  peer?: string;
  vethPeer?: NetDef;
  sriovLink?: NetDef;
  sriovVfCount?: number;
  embeddedSwitchMode?: string;
  delayVfRebind: boolean;
  regulatoryDomain?: string;
}

const defaultOverrides = (): Overrides => ({ useDns: true, useNtp: true, sendHostname: true, useHostname: true, useMtu: true, useRoutes: true });

export function newNetDef(id: string, type: DefType, file: FileCheck, keyNode: Scalar | Node, backend?: Backend): NetDef {
  return {
    id, type, backend, file, keyNode, hasMatch: false, wowlan: 0, hasAuth: false, auth: {}, dhcp4: false, dhcp6: false,
    dhcp4Overrides: defaultOverrides(), dhcp6Overrides: defaultOverrides(), ipv6Mtu: 0, addressOptions: [], ip4: [], ip6: [],
    routes: [], ipRules: [], pathCost: 0, portPriority: 0, sriovVlanFilter: false, privateKeyFlags: false, ttl: 0, vxlanVni: 0,
    vxlanExtras: false, nmPassthroughType: false, hasNmSettings: false, ovsExternalIds: 0, ovsOtherConfig: 0, ovsControllerTargets: [],
    delayVfRebind: false,
  };
}
