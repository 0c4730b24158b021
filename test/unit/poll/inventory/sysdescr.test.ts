import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ciscoVersion, parseSysDescr } from '../../../../src/core/poll/modules/inventory/sysdescr';

// Banners written for this test in each vendor's format (not copied from any recording).
const CASES: [string, string, string, { hardware?: string; version?: string }][] = [
  ['ios', '1.3.6.1.4.1.9.1.1208', 'Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E9, RELEASE SOFTWARE (fc1)\nTechnical Support', { version: '15.2(7)E9' }],
  ['iosxe', '1.3.6.1.4.1.9.1.2494', 'Cisco IOS Software [Cupertino], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.9.4a, RELEASE SOFTWARE (fc3)', { version: 'CAT9K_IOSXE 17.9.4a' }],
  ['iosxe', '1.3.6.1.4.1.9.1.1745', 'Cisco IOS Software, IOS-XE Software, Catalyst 4500 L3 Switch  Software (cat4500es8-UNIVERSAL-M), Version 03.11.02.E RELEASE SOFTWARE (fc2)', { version: '03.11.02.E' }],
  ['asa', '1.3.6.1.4.1.9.1.2313', 'Cisco Adaptive Security Appliance Version 9.16(4)19', { version: '9.16(4)19' }],
  ['nxos', '1.3.6.1.4.1.9.12.3.1.3.1812', 'Cisco NX-OS(tm) nxos.9.3.10.bin, Software (nxos), Version 9.3(10), RELEASE SOFTWARE Copyright (c) 2002-2022', { version: '9.3(10)' }],
  ['ftd', '1.3.6.1.4.1.9.1.2663', 'Cisco Firepower Threat Defense, Version 7.0.6 (Build 236), ASA Version 9.16(4)38', { version: '7.0.6 (Build 236)' }],
  ['procurve', '1.3.6.1.4.1.11.2.3.7.11.181', 'HP J9776A 2530-24G Switch, revision YA.16.10.0022, ROM YA.15.20 (/ws/swbuildm/rel)', { hardware: 'J9776A 2530-24G', version: 'YA.16.10.0022' }],
  ['procurve', '1.3.6.1.4.1.11.2.3.7.11.190', 'HPE OfficeConnect Switch 1820 24G J9980A, PT.02.12, Linux 3.6.5, U-Boot 2012.10', { hardware: '1820 24G J9980A', version: 'PT.02.12' }],
  ['procurve', '1.3.6.1.4.1.11.2.3.7.11.201', 'Aruba Instant On 1930 24G 4SFP/SFP+ Switch JL682A, InstantOn_1930_2.9.0 (58), Linux 4.4.120', { hardware: '1930 24G 4SFP/SFP+ JL682A', version: '2.9.0' }],
  ['arubaos-cx', '1.3.6.1.4.1.47196.4.1.1.1.60', 'Aruba JL664A 6300M 48G CL4 PoE 4SFP56 Swch FL.10.13.1040', { hardware: '6300M 48G CL4 PoE 4SFP56', version: 'FL.10.13.1040' }],
  ['arubaos', '1.3.6.1.4.1.14823.1.1.44', 'ArubaOS (MODEL: Aruba7030), Version 8.11.2.1 (88122)', { hardware: 'Aruba7030', version: '8.11.2.1' }],
  ['comware', '1.3.6.1.4.1.25506.11.1.200', 'HPE Comware Platform Software, Software Version 7.1.070, Release 6635P07\nHPE 5130 48G 4SFP+ EI Switch\r\nCopyright (c) 2010-2023', { hardware: '5130 48G 4SFP+ EI Switch', version: '7.1.070' }],
  ['junos', '1.3.6.1.4.1.2636.1.1.1.2.164', 'Juniper Networks, Inc. ex2300-24p Ethernet Switch, kernel JUNOS 21.4R3-S4.9, Build date: 2023-05-03', { hardware: 'Juniper EX2300-24P', version: '21.4R3-S4.9' }],
  ['routeros', '1.3.6.1.4.1.14988.1', 'RouterOS CCR2004-16G-2S+', { hardware: 'CCR2004-16G-2S+' }],
  ['swos', '1.3.6.1.4.1.14988.2', 'CRS305-1G-4S+ SwOS v2.15', { hardware: 'CRS305-1G-4S+', version: 'v2.15' }],
  ['edgeswitch', '1.3.6.1.4.1.4413', 'EdgeSwitch 48-Port 500W, 1.9.3.5450000, Linux 3.6.5-1b505fb7', { hardware: 'EdgeSwitch 48-Port 500W', version: '1.9.3.5450000' }],
  ['edgeswitch', '1.3.6.1.4.1.8072.3.2.10', 'USW-Lite-8-PoE 6.5.59.14777', { hardware: 'USW-Lite-8-PoE', version: '6.5.59.14777' }],
  ['netgear', '1.3.6.1.4.1.4526.100.4.58', 'GS752TPv2 Smart Managed Pro Switch, 6.0.1.18, B1.0.0.5', { hardware: 'GS752TPv2', version: '6.0.1.18' }],
  ['vrp', '1.3.6.1.4.1.2011.2.23.500', 'S5735-L24P4X-A1\r\nHuawei Versatile Routing Platform Software \r\n VRP (R) software,Version 5.170 (S5735 V200R022C00SPC500) \r\n Copyright', { hardware: 'S5735-L24P4X-A1', version: '5.170 (V200R022C00SPC500)' }],
  ['vrp', '1.3.6.1.4.1.2011.2.224.279', 'Huawei AR651 Huawei Versatile Routing Platform Software  VRP (R) software,Version 5.170 (AR650 V300R019C13SPC100)', { hardware: 'AR651', version: '5.170 (V300R019C13SPC100)' }],
  ['pfsense', '1.3.6.1.4.1.8072.3.2.8', 'pfSense gw.example.org 2.7.2-RELEASE pfSense FreeBSD 14.0-CURRENT amd64', { hardware: 'amd64', version: '2.7.2-RELEASE' }],
  ['truenas', '1.3.6.1.4.1.50536.3.1', 'TrueNAS-13.0-U6.1 (0c6ad5e6f2). Hardware: amd64 Intel(R) Xeon(R) Silver 4210 CPU @ 2.20GHz running at 2195. Software: FreeBSD 13.1', { hardware: 'amd64 Intel(R) Xeon(R) Silver 4210 CPU @ 2.20GHz running at 2195', version: '13.0-U6.1' }],
  ['linux', '1.3.6.1.4.1.8072.3.2.10', 'Linux db02 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) x86_64', { hardware: 'Generic x86 64-bit', version: '6.1.0-18-amd64' }],
  ['linux', '1.3.6.1.4.1.8072.3.2.10', 'Linux pi-hole 6.6.20+rpt-rpi-v8 #1 SMP PREEMPT Debian 1:6.6.20-1+rpt1 aarch64', { hardware: 'Generic ARMv8 64-bit', version: '6.6.20+rpt-rpi-v8' }],
  ['windows', '1.3.6.1.4.1.311.1.1.3.1.2', 'Hardware: Intel64 Family 6 Model 85 Stepping 7 AT/AT COMPATIBLE - Software: Windows Version 6.3 (Build 17763 Multiprocessor Free)', { hardware: 'Intel x64', version: 'Server 2012 R2 (NT 6.3)' }],
  ['windows', '1.3.6.1.4.1.311.1.1.3.1.1', 'Hardware: AMD64 Family 23 Model 1 Stepping 2 AT/AT COMPATIBLE - Software: Windows Version 6.1 (Build 7601 Multiprocessor Free)', { hardware: 'AMD x64', version: '7 (NT 6.1)' }],
  ['hpe-ilo', '1.3.6.1.4.1.232.9.4.11', 'Integrated Lights-Out 5 3.01 Feb 02 2024', { version: '3.01' }],
  ['dell-laser', '1.3.6.1.4.1.674.10898.2.100.100.60', 'Dell B2360dn version LW73.PR.P445 kernel 3.0.0 All-N-1', { hardware: 'Dell B2360dn', version: 'LW73.PR.P445' }],
];

describe('sysDescr patterns per OS', () => {
  for (const [os, oid, descr, want] of CASES) {
    it(`${os}: ${descr.slice(0, 60)}`, () => {
      const got = parseSysDescr(os, descr, oid);
      assert.deepEqual({ hardware: got.hardware, version: got.version }, { hardware: want.hardware, version: want.version });
    });
  }
  it('knows nothing for an OS without patterns or without a banner', () => {
    assert.deepEqual(parseSysDescr('generic', 'whatever 1.2.3'), {});
    assert.deepEqual(parseSysDescr('ios', undefined), {});
  });
  it('reads the Cisco release in each banner style', () => {
    assert.equal(ciscoVersion('Cisco IOS Software, 3700 Software (C3745-ADVENTERPRISEK9-M), Version 12.4(25d), RELEASE SOFTWARE (fc1)'), '12.4(25d)');
    assert.equal(ciscoVersion('Cisco Internetwork Operating System Software \r\nIOS (tm) C2900XL Software (C2900XL-C3H2S-M), Version 12.0(5.2)XU, MAINTENANCE'), '12.0(5.2)XU');
  });
});
