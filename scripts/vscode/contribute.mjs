// Writes the VS Code parts of package.json (views, commands, menus, settings, scripts...) owned by the
// extension layer. Other features add their own contributions to the same file, so this merges: it
// re-reads package.json right before writing and replaces only entries it owns (ids starting "parc."
// that it declares). Run it after changing the tables below: node scripts/vscode/contribute.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const cmd = (command, icon, extra = {}) => ({ command, title: `%${command}%`, category: 'Parc', ...(icon ? { icon: `$(${icon})` } : {}), ...extra });
const commands = [
  cmd('parc.pollAll', 'refresh'),
  cmd('parc.pollNow', 'sync'),
  cmd('parc.addDevice', 'add'),
  cmd('parc.discoverSubnet', 'radio-tower'),
  cmd('parc.removeDevice', 'trash'),
  cmd('parc.moveDevice', 'location'),
  cmd('parc.openInInventory', 'go-to-file'),
  cmd('parc.copyAddress', 'copy'),
  cmd('parc.setCredential', 'key'),
  cmd('parc.showEventLog', 'history'),
  cmd('parc.acknowledgeAlert', 'check'),
  cmd('parc.muteDevice', 'bell-slash'),
  cmd('parc.unmuteDevice', 'bell'),
  cmd('parc.showDownDevices', 'error'),
  cmd('parc.filterDevices', 'filter'),
  cmd('parc.clearDeviceFilter', 'clear-all'),
  cmd('parc.createInventory', 'new-file'),
  cmd('parc.openInventory', 'go-to-file'),
];

const DEV = 'view == parc.devices';
const ALERTS = 'view == parc.alerts';
const menus = {
  'view/title': [
    { command: 'parc.pollAll', when: DEV, group: 'navigation@1' },
    { command: 'parc.addDevice', when: DEV, group: 'navigation@2' },
    { command: 'parc.filterDevices', when: DEV, group: 'navigation@3' },
    { command: 'parc.clearDeviceFilter', when: `${DEV} && parc.devicesFiltered`, group: 'navigation@4' },
    { command: 'parc.discoverSubnet', when: DEV, group: '1_inventory@1' },
    { command: 'parc.openInventory', when: `${DEV} && parc.hasInventory`, group: '1_inventory@2' },
    { command: 'parc.setCredential', when: DEV, group: '1_inventory@3' },
    { command: 'parc.showDownDevices', when: DEV, group: '2_status@1' },
    { command: 'parc.showEventLog', when: ALERTS, group: 'navigation@1' },
    { command: 'parc.acknowledgeAlert', when: ALERTS, group: '1_alerts@1' },
  ],
  'view/item/context': [
    { command: 'parc.pollNow', when: `${DEV} && viewItem =~ /\\b(device|site|region)\\b/`, group: 'inline@1' },
    { command: 'parc.pollNow', when: `${DEV} && viewItem =~ /\\b(device|site|region)\\b/`, group: '1_poll@1' },
    { command: 'parc.openInInventory', when: `${DEV} && viewItem =~ /\\bdevice\\b/`, group: 'inline@2' },
    { command: 'parc.openInInventory', when: `${DEV} && viewItem =~ /\\bdevice\\b/`, group: '2_device@1' },
    { command: 'parc.copyAddress', when: `${DEV} && viewItem =~ /\\bdevice\\b/`, group: '2_device@2' },
    { command: 'parc.moveDevice', when: `${DEV} && viewItem =~ /\\bdevice\\b/`, group: '2_device@3' },
    { command: 'parc.muteDevice', when: `${DEV} && viewItem =~ /\\bdevice\\b.*\\bunmuted\\b/`, group: '3_alerts@1' },
    { command: 'parc.unmuteDevice', when: `${DEV} && viewItem =~ /\\bdevice\\b.*\\bmuted\\b/`, group: '3_alerts@1' },
    { command: 'parc.removeDevice', when: `${DEV} && viewItem =~ /\\bdevice\\b/`, group: '9_remove@1' },
    { command: 'parc.acknowledgeAlert', when: `${ALERTS} && viewItem =~ /^alert\\b.*\\bopen\\b/`, group: 'inline@1' },
    { command: 'parc.acknowledgeAlert', when: `${ALERTS} && viewItem =~ /^alert\\b.*\\bopen\\b/`, group: '1_alert@1' },
    { command: 'parc.muteDevice', when: `${ALERTS} && viewItem =~ /^alert\\b.*\\bunmuted\\b.*\\bdevice\\b/`, group: '1_alert@2' },
    { command: 'parc.unmuteDevice', when: `${ALERTS} && viewItem =~ /^alert\\b.*\\bmuted\\b.*\\bdevice\\b/`, group: '1_alert@2' },
    { command: 'parc.pollNow', when: `${ALERTS} && viewItem =~ /^alert\\b.*\\bdevice\\b/`, group: '2_device@1' },
    { command: 'parc.showEventLog', when: `${ALERTS} && viewItem == eventLog`, group: 'inline@1' },
  ],
  // Palette: only what applies to this workspace (context keys set from parc.yaml by inventory-service.ts).
  commandPalette: [
    { command: 'parc.clearDeviceFilter', when: 'parc.devicesFiltered' },
    { command: 'parc.openInventory', when: 'parc.hasInventory' },
    { command: 'parc.createInventory', when: '!parc.hasInventory' },
    ...['parc.pollNow', 'parc.pollAll', 'parc.removeDevice', 'parc.openInInventory', 'parc.copyAddress', 'parc.muteDevice', 'parc.showDownDevices', 'parc.filterDevices']
      .map((command) => ({ command, when: 'parc.hasDevices' })),
    { command: 'parc.moveDevice', when: 'parc.hasDevices && parc.hasSites' },
    { command: 'parc.unmuteDevice', when: 'parc.hasMuted' },
    { command: 'parc.showEventLog', when: 'parc.hasInventory' },
    { command: 'parc.acknowledgeAlert', when: 'parc.hasOpenAlerts' },
  ],
};

const contributes = {
  viewsContainers: { activitybar: [{ id: 'parc', title: '%parc.container%', icon: 'media/parc.svg' }] },
  views: {
    parc: [
      { id: 'parc.devices', name: '%parc.view.devices%', icon: 'media/parc.svg', contextualTitle: 'Parc', initialSize: 4 },
      { id: 'parc.alerts', name: '%parc.view.alerts%', icon: 'media/parc.svg', contextualTitle: 'Parc', initialSize: 1 },
    ],
  },
  viewsWelcome: [
    // parc.loaded: the first read of parc.yaml is over (no "no devices" flash while it is read).
    { view: 'parc.devices', contents: '%parc.welcome.loading%', when: '!parc.loaded' },
    { view: 'parc.devices', contents: '%parc.welcome.noInventory%', when: 'parc.loaded && !parc.hasInventory' },
    { view: 'parc.devices', contents: '%parc.welcome.noDevices%', when: 'parc.loaded && parc.hasInventory && !parc.hasDevices' },
  ],
  commands,
  menus,
  configuration: {
    id: 'parc',
    title: 'Parc',
    properties: {
      'parc.inventoryPath': { type: 'string', default: '', scope: 'resource', markdownDescription: '%parc.config.inventoryPath%' },
      'parc.monitoring.enabled': { type: 'boolean', default: true, description: '%parc.config.monitoring%' },
      'parc.schedule.pollMinutes': { type: ['number', 'null'], default: null, minimum: 0.1, markdownDescription: '%parc.config.pollMinutes%' },
      'parc.schedule.newDeviceMinutes': { type: ['number', 'null'], default: null, minimum: 0.1, markdownDescription: '%parc.config.newDeviceMinutes%' },
      'parc.schedule.discoveryHours': { type: ['number', 'null'], default: null, minimum: 0.1, markdownDescription: '%parc.config.discoveryHours%' },
      'parc.notifications': {
        type: 'string', enum: ['off', 'down', 'all'], default: 'down', description: '%parc.config.notifications%',
        enumDescriptions: ['%parc.config.notifications.off%', '%parc.config.notifications.down%', '%parc.config.notifications.all%'],
      },
      'parc.muteMinutes': { type: 'number', default: 60, minimum: 1, description: '%parc.config.muteMinutes%' },
    },
  },
};

const OWN_KEYS = ['viewsContainers', 'views', 'viewsWelcome', 'commands', 'menus', 'configuration'];
const ours = new Set(commands.map((c) => c.command));

function mergeList(existing, mine, idOf) {
  const mineIds = new Set(mine.map(idOf));
  return [...(existing ?? []).filter((x) => !mineIds.has(idOf(x))), ...mine];
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const c = (pkg.contributes ??= {});
for (const k of OWN_KEYS) {
  if (k === 'commands') c.commands = mergeList(c.commands, commands, (x) => x.command);
  else if (k === 'menus') {
    c.menus ??= {};
    for (const [menu, items] of Object.entries(menus)) {
      c.menus[menu] = [...(c.menus[menu] ?? []).filter((x) => !ours.has(x.command)), ...items];
    }
  } else if (k === 'viewsContainers') {
    c.viewsContainers ??= {};
    c.viewsContainers.activitybar = mergeList(c.viewsContainers.activitybar, contributes.viewsContainers.activitybar, (x) => x.id);
  } else if (k === 'views') {
    c.views ??= {};
    c.views.parc = mergeList(c.views.parc, contributes.views.parc, (x) => x.id);
  } else if (k === 'viewsWelcome') {
    c.viewsWelcome = [...contributes.viewsWelcome, ...(c.viewsWelcome ?? []).filter((x) => !['parc.devices', 'parc.alerts'].includes(x.view))];
  } else if (k === 'configuration') {
    const list = Array.isArray(c.configuration) ? c.configuration : c.configuration ? [c.configuration] : [];
    c.configuration = mergeList(list, [contributes.configuration], (x) => x.id ?? x.title);
  }
}
Object.assign(pkg, {
  displayName: '%parc.displayName%',
  description: '%parc.description%',
  icon: 'media/icon.png',
  galleryBanner: { color: '#1f3a4d', theme: 'dark' },
  categories: ['Visualization', 'Other'],
  keywords: [...new Set([...(pkg.keywords ?? []), 'snmp', 'monitoring', 'observium', 'network', 'devices', 'alerts'])].slice(0, 30),
  l10n: './l10n',
  capabilities: {
    ...(pkg.capabilities ?? {}),
    untrustedWorkspaces: { supported: 'limited', description: '%parc.untrusted%', restrictedConfigurations: ['parc.inventoryPath'] },
    virtualWorkspaces: { supported: false, description: '%parc.virtual%' },
  },
});
pkg.activationEvents = [...new Set([...(pkg.activationEvents ?? []), 'workspaceContains:parc.yaml'])];
pkg.scripts = {
  ...pkg.scripts,
  package: 'node scripts/build.mjs --minify && vsce package --no-dependencies --allow-missing-repository --out parc.vsix',
  'test:vscode': 'npm run build && npm run compile-tests && node scripts/vscode/test.mjs',
  'test:vscode:electron': 'npm run build && npm run compile-tests && node out/test/vscode/electron.js',
  'demo:vscode': 'bash scripts/vscode/open-demo.sh',
};
// Re-read right before writing: another helper may have changed the file meanwhile.
const latest = JSON.parse(readFileSync('package.json', 'utf8'));
for (const k of Object.keys(latest.contributes ?? {})) if (!OWN_KEYS.includes(k)) c[k] = latest.contributes[k];
for (const k of Object.keys(latest.scripts ?? {})) if (!(k in pkg.scripts)) pkg.scripts[k] = latest.scripts[k];
writeFileSync('package.json', JSON.stringify({ ...latest, ...pkg, contributes: c }, null, 2) + '\n');
console.log('package.json: Parc contributions written');
