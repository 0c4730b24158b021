import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { osNameOf } from '../../../../src/core/poll/modules/inventory/os-name';
import { ciscoProductName } from '../../../../src/core/poll/modules/inventory/cisco-products';
import { fortigateModel } from '../../../../src/core/poll/modules/inventory/fortigate-models';

describe('human OS name and product tables', () => {
  it('names the family with its release', () => {
    assert.equal(osNameOf({ os: 'ios', version: '15.2(7)E9' }), 'Cisco IOS 15.2(7)E9');
    assert.equal(osNameOf({ os: 'routeros', version: '7.11' }), 'MikroTik RouterOS 7.11');
    assert.equal(osNameOf({ os: 'iosxe', version: 'CAT9K_IOSXE 17.9.4' }), 'Cisco IOS XE 17.9.4');
    assert.equal(osNameOf({ os: 'apc', hardware: 'Smart-UPS 1500 RM 617.3.I' }), 'APC Smart-UPS');
    assert.equal(osNameOf({ os: 'linux', distro: 'Debian 12' }), 'Debian 12');
    assert.equal(osNameOf({ os: 'junos' }), 'Juniper Junos');
    assert.equal(osNameOf({ os: 'generic' }), undefined);
  });
  it('maps product sysObjectIDs to the names in the vendors\' MIBs', () => {
    assert.equal(ciscoProductName('.1.3.6.1.4.1.9.1.1208'), 'cat29xxStack');
    assert.equal(ciscoProductName('1.3.6.1.4.1.9.1.283'), 'cat6509');
    assert.equal(ciscoProductName('1.3.6.1.4.1.9.12.3.1.3.1'), undefined);
    assert.equal(fortigateModel('1.3.6.1.4.1.12356.101.1.1041'), 'FortiGate 100E');
    assert.equal(fortigateModel('1.3.6.1.4.1.12356.101.1.626'), 'FortiWiFi 60D');
  });
});
