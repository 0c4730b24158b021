// Banners of other models and firmware generations than the recordings', parsed as LibreNMS parses them
// (written for this test from the vendors' published sysDescr formats).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSysDescr } from '../../../../src/core/poll/modules/inventory/sysdescr';

const CASES: [os: string, sysDescr: string, expected: Record<string, string>][] = [
  ['lexmarkprinter', 'Lexmark MX521de version MCUAT.230.038 kernel 4.11.12-yocto-standard All-N-1', { hardware: 'MX521de', version: 'MCUAT.230.038' }],
  ['samsungprinter', 'Samsung ML-2850 Series; V2.00.01.21 Apr-28-2009;Engine 1.11.73;NIC V4.01.06(ML-285x) 10-31-2008;S/N 4F21BAAS700118V', { hardware: 'ML-2850', version: '2.00.01.21', serial: '4F21BAAS700118V' }],
  ['fireware', 'T45-W-PoE', { hardware: 'T45-W-PoE' }],
  ['fujifilmprinter', 'FUJIFILM Apeos C3060;ESS1.5.2,IOT 1.10.0,FIN A20.2.0', { hardware: 'Apeos C3060' }],
  ['xerox', 'Xerox WorkCentre 6515', { hardware: 'WorkCentre 6515' }],
  ['edgeswitch', 'EdgeSwitch 16-Port XG, firmware 1.1.0', { hardware: 'EdgeSwitch 16-Port XG', version: '1.1.0' }],
  // The architecture found anywhere in the banner, named as LibreNMS's Unix discovery names it.
  ['linux', 'Linux nas 4.4.302+ #72806 SMP Thu Sep 5 13:44:21 CST 2024 x86_64 GNU/Linux synology_geminilake_920+', { hardware: 'Generic x86 64-bit', version: '4.4.302+' }],
  ['linux', 'Linux ap 4.14.221 #0 SMP Mon Feb 15 15:22:37 2021 mips64', { hardware: 'Generic MIPS', version: '4.14.221' }],
  ['linux', 'Linux cam 3.10.14 #1 PREEMPT Tue Jan 5 2021 armv7l', { hardware: 'Generic ARMv7', version: '3.10.14' }],
  ['linux', 'Linux power9 5.14.0-362.el9.ppc64le #1 SMP ppc64le', { version: '5.14.0-362.el9.ppc64le' }],
];

describe('sysDescr of other generations', () => {
  for (const [os, descr, expected] of CASES) {
    it(`${os}: ${descr.slice(0, 60)}`, () => assert.deepEqual(parseSysDescr(os, descr), expected));
  }
});
