import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectOs, enterpriseNumber, probeOidsFor, refineFromKernelCmdline } from '../../../src/core/poll/os-detect';

// Typical sysObjectID / sysDescr pairs of each family (written for this test from the vendors' formats).
const CASES: [string, string, string, string | undefined][] = [
  ['1.3.6.1.4.1.8072.3.2.10', 'Linux web01 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 x86_64', 'linux', undefined],
  ['1.3.6.1.4.1.8072.3.2.8', 'FreeBSD fw1 13.2-RELEASE FreeBSD 13.2-RELEASE releng/13.2-n254617 GENERIC amd64', 'freebsd', undefined],
  ['1.3.6.1.4.1.311.1.1.3.1.3', 'Hardware: Intel64 Family 6 Model 85 Stepping 7 AT/AT COMPATIBLE - Software: Windows Version 6.3 (Build 17763 Multiprocessor Free)', 'windows', 'Microsoft'],
  ['1.3.6.1.4.1.9.1.2134', 'Cisco IOS Software [Amsterdam], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.3.4', 'iosxe', 'Cisco'],
  ['1.3.6.1.4.1.9.1.1208', 'Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E9', 'ios', 'Cisco'],
  ['1.3.6.1.4.1.9.1.2313', 'Cisco Adaptive Security Appliance Version 9.16(4)', 'asa', 'Cisco'],
  ['1.3.6.1.4.1.9.1.1407', '', 'asa', 'Cisco'], // ciscoASA5512 in CISCO-PRODUCTS-MIB, banner empty
  ['1.3.6.1.4.1.11.2.3.7.11.104', 'ProCurve J9280A Switch 2510G-48, revision Y.11.16, ROM N.10.02', 'procurve', 'HP'],
  ['1.3.6.1.4.1.14823.1.1.32', 'ArubaOS (MODEL: 7010), Version 8.10.0.2', 'arubaos', 'Aruba'],
  ['1.3.6.1.4.1.41112.1.4', 'Linux 2.6.32.71 #1 Fri Apr 22 12:00:00 EEST 2016 mips', 'airos', 'Ubiquiti'],
  ['1.3.6.1.4.1.14988.1', 'RouterOS RB4011iGS+', 'routeros', 'MikroTik'],
  ['1.3.6.1.4.1.6574.1', 'Linux DiskStation 4.4.180+ #42962 SMP x86_64', 'dsm', 'Synology'],
  ['1.3.6.1.4.1.318.1.3.27', 'APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.8.2 MN:SMT1500RMI2U)', 'apc', 'APC'],
  ['1.3.6.1.4.1.534.1', 'ConnectUPS Web/SNMP Card V4.50', 'eatonups', 'Eaton'],
  // A Network-M2 card on the XUPS arc names the UPS instead of itself.
  ['1.3.6.1.4.1.534.1', 'Eaton 5PX 1500', 'eatonupsm2', 'Eaton'],
  ['1.3.6.1.4.1.11.2.3.9.1', 'HP ETHERNET MULTI-ENVIRONMENT,ROM none,JETDIRECT,JD153', 'jetdirect', 'HP'],
  ['1.3.6.1.4.1.1347.41', 'KYOCERA Document Solutions Printing System', 'kyocera', 'Kyocera'],
  ['1.3.6.1.4.1.9.1.2593', 'Cisco NX-OS(tm) Nexus9000 C9336C-FX2, Software (NXOS 64-bit), Version 9.3(8), RELEASE SOFTWARE', 'nxos', 'Cisco'],
  ['1.3.6.1.4.1.9.6.1.94.48.6', 'SG350X-48MP 48-Port Gigabit PoE Stackable Managed Switch', 'ciscosb', 'Cisco'],
  ['1.3.6.1.4.1.9.1.2409', 'Cisco Firepower Threat Defense, Version 7.2.5 (Build 208), ASA Version 9.18(3)53', 'ftd', 'Cisco'],
  ['1.3.6.1.4.1.47196.4.1.1.1.100', 'Aruba JL658A 6300M 24SFP+ 4SFP56 Swch FL.10.12.1000', 'arubaos-cx', 'Aruba'],
  ['1.3.6.1.4.1.25506.11.1.100', 'HPE Comware Platform Software, Software Version 7.1.070, Release 3208', 'comware', 'HPE'],
  ['1.3.6.1.4.1.14988.2', 'CSS326-24G-2S+ SwOS v2.13', 'swos', 'MikroTik'],
  ['1.3.6.1.4.1.12356.101.1.1000', 'FGT-branch', 'fortigate', 'Fortinet'],
  ['1.3.6.1.4.1.12356.106.1.1480', '', 'fortiswitch', 'Fortinet'],
  ['1.3.6.1.4.1.2636.1.1.1.2.29', 'Juniper Networks, Inc. mx240 internet router, kernel JUNOS 21.2R3', 'junos', 'Juniper'],
  ['1.3.6.1.4.1.8072.3.2.8', 'pfSense fw.example 2.7.2-RELEASE pfSense FreeBSD 14.0-CURRENT amd64', 'pfsense', undefined],
  ['1.3.6.1.4.1.8072.3.2.8', 'FreeBSD gw 13.2-RELEASE-p7-HBSD FreeBSD 13.2-RELEASE-p7-HBSD amd64', 'opnsense', undefined],
  ['1.3.6.1.4.1.705.1', 'Eaton 9SX 3000', 'eaton-mgeups', 'Eaton'],
  ['1.3.6.1.4.1.2435.2.3.9.1', 'Brother NC-8300w, Firmware Ver.1.10', 'brother', 'Brother'],
  ['1.3.6.1.4.1.674.10892.5', '', 'drac', 'Dell'],
  ['1.3.6.1.4.1.232.9.4.11', 'Integrated Lights-Out 5 2.90 Jun 01 2023', 'hpe-ilo', 'HPE'],
  ['1.3.6.1.4.1.2011.2.23.500', 'S5735-L24P4X-A1\nHuawei Versatile Routing Platform Software', 'vrp', 'Huawei'],
  ['1.3.6.1.4.1.99999.1', 'Something nobody knows', 'generic', undefined],
];

describe('OS and vendor detection', () => {
  for (const [oid, descr, os, vendor] of CASES) {
    it(`${os}: ${descr.slice(0, 50)}`, () => {
      const g = detectOs(oid, descr);
      assert.equal(g.os, os);
      if (vendor) assert.equal(g.vendor, vendor);
    });
  }
  it('asks for probe subtrees only where the static rules cannot tell, and uses the answers', () => {
    const linux = ['1.3.6.1.4.1.8072.3.2.10', 'Linux nas 4.4.302+ #69057 SMP Fri Jan 12 17:02:59 CST 2024 x86_64'] as const;
    const probes = probeOidsFor(...linux);
    assert.ok(probes.includes('1.3.6.1.4.1.6574.1'), 'Synology subtree asked');
    assert.equal(detectOs(...linux).os, 'linux');
    assert.equal(detectOs(...linux, new Set(['1.3.6.1.4.1.6574.1'])).os, 'dsm');
    assert.equal(detectOs(...linux, new Set(['1.3.6.1.4.1.21317.1'])).os, 'supermicro-bmc');
    // A Cisco or a Windows host is known without asking anything.
    assert.deepEqual(probeOidsFor('1.3.6.1.4.1.9.1.1208', 'Cisco IOS Software, C2960X Software'), []);
    assert.deepEqual(probeOidsFor('1.3.6.1.4.1.311.1.1.3.1.2', 'Hardware: Intel64 - Software: Windows Version 6.3'), []);
    // Frogfoot's sysObjectID with a bare Linux banner: airMAX or UniFi, told by the UBNT subtree.
    const ubnt = ['1.3.6.1.4.1.10002.1', 'Linux 4.14.54 #1 SMP Mon Jan 1 00:00:00 UTC 2024 mips'] as const;
    assert.equal(detectOs(...ubnt, new Set(['1.3.6.1.4.1.41112.1.6'])).os, 'unifi');
    assert.equal(detectOs(...ubnt, new Set(['1.3.6.1.4.1.41112.1.4'])).os, 'airos');
  });
  it('reads the enterprise number with or without a leading dot', () => {
    assert.equal(enterpriseNumber('.1.3.6.1.4.1.9.1.1208'), 9);
    assert.equal(enterpriseNumber('1.3.6.1.2.1.1'), undefined);
  });
  it('recognises a Synology from its kernel command line when sysDescr says Linux', () => {
    const g = refineFromKernelCmdline({ os: 'linux' }, 'console=ttyS0,115200 root=/dev/md0 syno_hw_version=DS1515 ihd_num=5');
    assert.deepEqual(g, { os: 'dsm', vendor: 'Synology', hardware: 'DS1515' });
    assert.deepEqual(refineFromKernelCmdline({ os: 'linux' }, 'BOOT_IMAGE=/vmlinuz root=UUID=x ro quiet'), { os: 'linux' });
  });
});
