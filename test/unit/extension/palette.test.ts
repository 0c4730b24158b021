// What the command palette lists, from package.json's `when` clauses and the context keys Parc sets from parc.yaml
// (src/extension/inventory-service.ts): Windows, Linux and directory commands only when their section exists,
// device commands only with devices, "Create parc.yaml" only without one. Prints the counts per situation.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../../..');
type Ctx = Record<string, string | boolean | undefined>;

/** VS Code's `when` grammar as package.json uses it: ||, &&, !, ==, !=, parentheses-free. */
export function evalWhen(expr: string, ctx: Ctx): boolean {
  return expr.split('||').some((alt) => alt.split('&&').every((term) => {
    const t = term.trim();
    const eq = /^(\S+)\s*(==|!=)\s*(\S+)$/.exec(t);
    if (eq) return (String(ctx[eq[1]] ?? '') === eq[3]) === (eq[2] === '==');
    if (t === 'true') return true;
    if (t === 'false') return false;
    if (t.startsWith('!')) return !ctx[t.slice(1).trim()];
    return !!ctx[t];
  }));
}

function palette(pkg: { contributes: { commands: { command: string }[]; menus: { commandPalette?: { command: string; when?: string }[] } } }, ctx: Ctx): string[] {
  const rules = pkg.contributes.menus.commandPalette ?? [];
  return pkg.contributes.commands.map((c) => c.command).filter((id) => id.startsWith('parc.')).filter((id) => {
    const r = rules.filter((x) => x.command === id);
    return r.length === 0 || r.some((x) => x.when === undefined || evalWhen(x.when, ctx));
  });
}

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const NO_INVENTORY: Ctx = { 'parc.loaded': true };
const DEVICES_ONLY: Ctx = { ...NO_INVENTORY, 'parc.hasInventory': true, 'parc.hasDevices': true, 'parc.hasSites': true };
const EVERYTHING: Ctx = {
  ...DEVICES_ONLY, 'parc.hasWindows': true, 'parc.hasLinux': true, 'parc.hasDirectories': true, 'parc.hasDirectoriesSection': true,
  'parc.hasOpenAlerts': true, 'parc.hasMuted': true, 'parc.hasTransports': true,
};

describe('command palette', () => {
  it('evaluates when clauses as VS Code does for the forms package.json uses', () => {
    assert.equal(evalWhen('a && !b', { a: true }), true);
    assert.equal(evalWhen('a && !b', { a: true, b: true }), false);
    assert.equal(evalWhen('resourceExtname == .php', { resourceExtname: '.php' }), true);
    assert.equal(evalWhen('x || y', { y: true }), true);
  });

  it('lists Windows, Linux and directory commands only when their section exists', () => {
    const some = palette(pkg, DEVICES_ONLY);
    const all = palette(pkg, EVERYTHING);
    const counts = { 'no parc.yaml': palette(pkg, NO_INVENTORY).length, 'devices, no other section': some.length, 'every section': all.length };
    console.log(`palette commands: ${JSON.stringify(counts)} of ${pkg.contributes.commands.length} declared`);
    for (const id of some) assert.doesNotMatch(id, /^parc\.(sessions|remote|ldap)\./, `${id} is listed without its section`);
    for (const prefix of ['parc.sessions.', 'parc.remote.', 'parc.ldap.']) assert.ok(all.some((id) => id.startsWith(prefix)), `${prefix}* with its section`);
    assert.ok(!all.includes('parc.sessions.inspect'), 'the test-only command never shows');
  });

  it('offers Create parc.yaml only without one, and device commands only with devices', () => {
    assert.ok(palette(pkg, NO_INVENTORY).includes('parc.createInventory'));
    assert.ok(!palette(pkg, DEVICES_ONLY).includes('parc.createInventory'));
    const none = palette(pkg, NO_INVENTORY);
    for (const id of ['parc.openDevicePage', 'parc.pollNow', 'parc.removeDevice', 'parc.moveDevice']) assert.ok(!none.includes(id), id);
    for (const id of ['parc.addDevice', 'parc.discoverSubnet', 'parc.addWindowsHost', 'parc.addLinuxHost', 'parc.addDirectory']) assert.ok(none.includes(id), id);
  });
});
