import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseCoordinates, distanceKm } from '../../../src/core/sites/coordinates';
import { resolveSite } from '../../../src/core/sites/resolve';
import { parseInventory } from '../../../src/core/inventory/parse';

describe('coordinates in sysLocation', () => {
  const cases: [string, [number, number] | undefined][] = [
    ['Suresnes, Bat. A [48.8711, 2.2266]', [48.8711, 2.2266]],
    ['Rack 3 (48.8711 2.2266)', [48.8711, 2.2266]],
    ['[48.8711;2.2266]', [48.8711, 2.2266]],
    ['48.8711,2.2266', [48.8711, 2.2266]],
    ['Sydney [-33.8688, 151.2093]', [-33.8688, 151.2093]],
    ['Pole [90, -180]', [90, -180]],
    ['Rack/Room/Building, Street, City, Country [GPSX,Y]', undefined],
    ['out of range [91.2, 2.2]', undefined],
    ['out of range [45.0, 181.5]', undefined],
    ['Room 12,5 second floor', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}" → ${JSON.stringify(expected)}`, () => assert.deepEqual(parseCoordinates(text), expected));
  }
  it('measures distances on the sphere', () => {
    const km = distanceKm([48.8711, 2.2266], [48.9783, 2.6333]); // Suresnes → Mitry-Mory
    assert.ok(km > 30 && km < 33, String(km));
  });
});

const INV = parseInventory(`sites:
  - region: Île-de-France
    name: Suresnes HQ
    aliases: [Suresnes, Siège]
    subnets: [10.1.0.0/16]
    coordinates: [48.8711, 2.2266]
  - region: Île-de-France
    name: Mitry-Mory
    subnets: [10.2.0.0/16, 10.1.200.0/24]
    coordinates: [48.9783, 2.6333]
  - region: Occitanie
    name: Toulouse
    coordinates: [43.6047, 1.4442]
`, 'f').inventory!;

describe('site resolution order', () => {
  it('1. an explicit site wins over everything', () => {
    const r = resolveSite(INV, { site: 'Toulouse', host: '10.1.2.3', sysLocation: 'Suresnes' });
    assert.deepEqual([r.region, r.site, r.siteReason], ['Occitanie', 'Toulouse', 'inventory']);
  });
  it('2. sysLocation naming a site or alias, accents and case ignored', () => {
    const r = resolveSite(INV, { host: '10.2.0.9', sysLocation: 'Bâtiment B, SIEGE, salle serveurs' });
    assert.deepEqual([r.site, r.siteReason], ['Suresnes HQ', 'location']);
    assert.match(r.reason, /Siège/);
    assert.equal(resolveSite(INV, { host: '192.0.2.1', sysLocation: 'Mitry-Mory rack 2' }).site, 'Mitry-Mory');
    // a name inside another word does not count
    assert.equal(resolveSite(INV, { host: '192.0.2.1', sysLocation: 'Toulousesque' }).siteReason, 'none');
  });
  it('3. the IP address inside a site subnet, most specific block first', () => {
    assert.deepEqual([resolveSite(INV, { host: '10.1.2.3' }).site, resolveSite(INV, { host: '10.1.2.3' }).siteReason], ['Suresnes HQ', 'subnet']);
    assert.equal(resolveSite(INV, { host: '10.1.200.7' }).site, 'Mitry-Mory');
    assert.equal(resolveSite(INV, { host: 'sw.example', address: '10.2.3.4' }).site, 'Mitry-Mory');
  });
  it('4. coordinates in sysLocation near a site', () => {
    const r = resolveSite(INV, { host: '192.0.2.1', sysLocation: 'somewhere [43.61, 1.45]' });
    assert.deepEqual([r.site, r.siteReason], ['Toulouse', 'coordinates']);
    assert.match(r.reason, /km from the site/);
  });
  it('5. otherwise Unassigned, with the reason', () => {
    const far = resolveSite(INV, { host: '192.0.2.1', sysLocation: 'Lyon [45.76, 4.83]' });
    assert.deepEqual([far.region, far.site, far.siteReason], ['Unassigned', 'Unassigned', 'none']);
  });
});
