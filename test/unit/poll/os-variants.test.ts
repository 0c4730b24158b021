// Variants of each family that a corpus fitted to a few recordings could miss: other product arcs, other firmware
// generations' banners, OEM editions, and neighbours under the same enterprise that are other systems.
// The pairs are written for this test from the vendors' MIBs (CISCO-PRODUCTS-MIB, HP-ICF-OID, FORTINET-FORTIGATE-MIB,
// ZYXEL product arcs, PowerNet-MIB, XUPS-MIB, MG-SNMP-UPS-MIB…), their published sysDescr formats, and the
// conditions LibreNMS's os definitions (resources/definitions/os_detection/*.yaml) accept for each os.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectOs, probeOidsFor } from '../../../src/core/poll/os-detect';

type Case = [sysObjectID: string, sysDescr: string, os: string];

const ACCEPTED: Case[] = [
  // Cisco: the software family is in the banner; a few products are known by their sysObjectID.
  ['1.3.6.1.4.1.9.1.1745', 'Cisco IOS Software, IOS-XE Software, Catalyst L3 Switch Software (CAT3K_CAA-UNIVERSALK9-M), Version 03.06.06E', 'iosxe'],
  ['1.3.6.1.4.1.9.1.2660', 'Cisco IOS Software [Cupertino], ISR Software (X86_64_LINUX_IOSD-UNIVERSALK9-M), Version 17.9.4a', 'iosxe'],
  ['1.3.6.1.4.1.9.1.1745', 'Catalyst L3 Switch Software (CAT3K_CAA-UNIVERSALK9-M), Version 03.03.05SE', 'iosxe'],
  ['1.3.6.1.4.1.9.1.2685', 'Cisco IE-3300-8T2S FOC2512X0AB 2 V 17 9 5', 'iosxe'], // ciscoIE33008T2S, terse banner
  ['1.3.6.1.4.1.9.1.2330', 'IE1000 Industrial Ethernet Switch, Version: 1.7.0#2019-04-18T09:10:52+00:00', 'ios'], // ciscoIE10004TLM
  ['1.3.6.1.4.1.9.1.283', 'Cisco Internetwork Operating System Software \r\nIOS (tm) s72033_rp Software (s72033_rp-IPSERVICESK9_WAN-M), Version 12.2(33)SXI4', 'ios'],
  ['1.3.6.1.4.1.9.1.1140', 'Global Site Selector Software Version 4.1(3)', 'ios'],
  ['1.3.6.1.4.1.9.1.2139', 'Cisco Industrial Security Appliance Version 9.12(4)', 'asa'], // ISA 3000
  ['1.3.6.1.4.1.9.1.2663', '', 'ftd'], // ciscoFpr1120td, banner hidden
  ['1.3.6.1.4.1.9.1.3305', 'Cisco Secure Firewall Threat Defense', 'ftd'], // ciscoSecureFirewall1220
  ['1.3.6.1.4.1.9.12.3.1.3.1812', 'Cisco NX-OS n3000, Software (n3000-uk9), Version 6.0(2)U6(10)', 'nxos'],
  ['1.3.6.1.4.1.9.6.1.32.321.1', 'WAP321 Wireless-N Selectable-Band Access Point with PoE', 'ciscowap'],
  ['1.3.6.1.4.1.9.6.1.34.581.1', 'Cisco Small Business WAP581', 'ciscowap'],
  ['1.3.6.1.4.1.9.1.3281', 'Cisco IW9165E-ROW - WGB MODE', 'ciscowap'],
  ['1.3.6.1.4.1.9.6.1.83.28.1', 'SG300-28 28-Port Gigabit Managed Switch', 'ciscosb'],
  ['1.3.6.1.4.1.9.1.1060', 'SG200-26 26-Port Gigabit Smart Switch', 'ciscosb'],
  ['1.3.6.1.4.1.9.1.3205', 'Catalyst 1300 Series Managed Switch, 24-port GE, 4x10G SFP+ (C1300-24T-4X)', 'ciscosb'],
  ['1.3.6.1.4.1.3955.6.5024', 'Linksys SLM2024 24-Port 10/100/1000 Gigabit Smart Switch', 'ciscosb'],
  ['1.3.6.1.4.1.29671.2.113', 'Meraki CW9164I Cloud Managed AP', 'merakimr'],
  ['1.3.6.1.4.1.29671.2.104', 'Meraki MX84 Cloud Managed Security Appliance', 'merakimx'],
  ['1.3.6.1.4.1.29671.2.135', 'Meraki MS225-48LP Cloud Managed PoE Switch', 'merakims'],
  // HPE / Aruba.
  ['1.3.6.1.4.1.11.2.3.7.11.181', 'Aruba JL258A 2930F-8G-PoE+-2SFP+ Switch, revision WC.16.11.0012, ROM WC.16.01.0008', 'procurve'],
  ['1.3.6.1.4.1.11.2.3.7.8.5.2', 'HP 1810-24G, PL.1.10, eCos-2.0', 'procurve'], // the older hpEtherSwitch arc
  ['1.3.6.1.4.1.11.2.3.7.11.104', 'HP Comware Platform Software, Software Version 5.20 Release 2208 HP A5120-48G EI', 'procurve'],
  ['1.3.6.1.4.1.47196.4.1.1.1.500', 'Aruba R8Z96A 8325H-48Y8C FB Swch GL.10.13.1010', 'arubaos-cx'],
  ['1.3.6.1.4.1.14823.1.1.9999', 'AOS-W (MODEL: OAW-4750), Version 6.5.4.8', 'arubaos'],
  ['1.3.6.1.4.1.14823.1.1.39', '', 'arubaos'], // a 7030 controller whose banner is hidden
  ['1.3.6.1.4.1.6486.800.1.1.2.2.2.1.1.5', 'Alcatel-Lucent OmniAccess WLAN', 'arubaos'],
  ['1.3.6.1.4.1.14823.1.2.104', 'AOS-10 (MODEL: 535), Version 10.5.0.0', 'aruba-instant'],
  ['1.3.6.1.4.1.14823.1.2.66', 'ArubaOS (MODEL: 315), Version 8.10.0.6', 'aruba-instant'],
  ['1.3.6.1.4.1.11.2.3.9.1', 'HP Laser MFP 432fdn', 'jetdirect'],
  // Other network vendors.
  ['1.3.6.1.4.1.2636.1.1.1.2.164', 'Juniper Networks, Inc. srx1500 internet router, kernel Junos 22.4R3', 'junos'],
  ['1.3.6.1.4.1.12356.15.200', 'FortiGate-200A', 'fortigate'], // pre-FortiOS 5 product arc
  ['1.3.6.1.4.1.12356.101.1.9001', '', 'fortigate'],
  ['1.3.6.1.4.1.12356.120.10.43112', '', 'fortiap'],
  ['1.3.6.1.4.1.25461.2.3.48', 'Palo Alto Networks PA-3400 series firewall', 'panos'],
  ['1.3.6.1.4.1.8741.1', 'SonicWALL NSa 2650 (SonicOS 6.5.4.12-101n)', 'sonicwall'],
  ['1.0.3.0.6.0.1.0', 'SonicWall NSa 3700 (SonicOS 7.1.1-7040)', 'sonicwall'],
  ['1.3.6.1.4.1.2011.2.239.11', 'Huawei Versatile Routing Platform Software\r\nVRP (R) software, Version 8.180 (CE6850 V200R005C10SPC800)', 'vrp'],
  ['1.3.6.1.4.1.171.10.165.1.10', 'DGS-1250-52X Gigabit Ethernet Smart Managed Switch', 'dlink-dgs1250'],
  ['1.3.6.1.4.1.171.10.37.66', 'D-Link DAP-3662 Wireless AC1200 Outdoor AP', 'dlinkap'],
  ['1.3.6.1.4.1.171.10.76.28.2', 'DGS-1210-28/ME Gigabit Ethernet Switch', 'dlink'],
  ['1.3.6.1.4.1.11863.5.170', 'JetStream 8-Port Gigabit L2+ Managed Switch with 2 SFP Slots', 'jetstream'],
  ['1.3.6.1.4.1.4526.100.1.24', 'ProSafe 802.11b/g Wireless Access Point', 'netgear'],
  ['1.3.6.1.4.1.890.1.5.8.62', 'GS2210-24HP', 'zynos'],
  ['1.3.6.1.4.1.890.1.15', 'XS1930-12HP', 'zynos'],
  ['1.3.6.1.4.1.890.1.6.8.38', 'ATP500', 'zywall'],
  ['1.3.6.1.4.1.890.1.15', 'USG FLEX 500', 'zywall'], // ZLD firmware under Zyxel's arc
  ['1.3.6.1.4.1.8072.3.2.10', 'USG FLEX 200H', 'zyxelusg'], // uOS on net-snmp's sysObjectID
  ['1.3.6.1.4.1.890.1.6.8.80', 'NXC5500', 'zyxelwlc'],
  ['1.3.6.1.4.1.25053.3.1.10', 'Virtual SmartZone', 'ruckuswireless-sz'],
  ['1.3.6.1.4.1.14988.1', 'RouterOS CCR2004-1G-12S+2XS', 'routeros'],
  // Ubiquiti.
  ['1.3.6.1.4.1.4413', 'USW-24-PoE, 6.6.61.15179, Linux 3.6.5', 'edgeswitch'],
  ['1.3.6.1.4.1.4413', 'EdgePoint Switch 16-Port, 1.1.0', 'edgeswitch'],
  ['1.3.6.1.4.1.8072.3.2.10', 'RTL8380-8GE-2GEF', 'edgeswitch'],
  ['1.3.6.1.4.1.41112', 'UAP-AC-Pro 6.6.77.15402', 'unifi'],
  ['1.3.6.1.4.1.8072.3.2.10', 'U6-LR 6.6.55.15189', 'unifi'],
  ['1.3.6.1.4.1.41112', 'UK-Ultra 6.6.77.15402', 'unifi'],
  // Power.
  ['1.3.6.1.4.1.318.1.3.8.4', 'APC Web/SNMP Management Card (MB:v3.9.2 PF:v3.5.9 MN:NBRK0200)', 'apc'], // NetBotz 200 on a PowerNet card
  ['1.3.6.1.4.1.318.1.3.4.5', 'APC Switched Rack PDU', 'apc'],
  ['', 'APC Embedded PowerNet SNMP Agent (SW v2.2 HW vB2)', 'apc'],
  ['1.3.6.1.4.1.534.2.12', 'Linux PowerXpert 2.6.32 armv4tl', 'eatonups'],
  ['1.3.6.1.4.1.534.1', 'Eaton 9SX 3000i', 'eatonupsm2'],
  ['1.3.6.1.4.1.705.1', 'Eaton 9PX 3000', 'eaton-mgeups'],
  ['1.3.6.1.4.1.850.1', 'Tripp Lite PowerAlert SNMPWEBCARD 12.06.0068', 'poweralert'],
  ['1.3.6.1.4.1.3808.1.1.1', 'CyberPower RMCARD205', 'cyberpower'],
  ['1.3.6.1.4.1.21239.42.1.55', 'Vertiv rPDU', 'vertiv-pdu'],
  // Printers: banners of other models and OEM editions.
  ['1.3.6.1.4.1.297.1.11.93.2.1.2.4.1', 'Apeos C3060', 'fujifilmprinter'],
  ['1.3.6.1.4.1.297.1.11.93.1.35.34.1.1', 'FUJI XEROX DocuCentre-VI C2271', 'xerox'],
  ['1.3.6.1.4.1.1602.4.7', 'Canon iR-ADV C5535 /P', 'canonprinter'],
  ['1.3.6.1.4.1.18334.1.1.1.2.1.10008.1.1', 'KONICA MINOLTA bizhub C300i', 'konica'],
  ['1.3.6.1.4.1.1248.1.1.2.1.3.5.69.69.80.83.50', 'EPSON Built-in 11b/g/n Print Server', 'epson'],
  ['1.3.6.1.4.1.236.11.5.1', 'Samsung ML-2850 Series; V2.00.01.21', 'samsungprinter'],
  ['1.3.6.1.4.1.2385.3.1.124', 'SHARP BP-50C26', 'sharp'],
  ['1.3.6.1.4.1.674.10898.100.2.1.2.1.2.1', 'Dell Color Laser 3110cn; Net 11.18,ESS 200506151347', 'dell-laser'],
  ['1.3.6.1.4.1.1347.41', 'KYOCERA MITA Printing System', 'kyocera'],
  ['1.3.6.1.4.1.1347.41', 'TA Triumph-Adler TA_UTAX Printing System', 'utax'],
  ['1.3.6.1.4.1.641.1.5.7', 'Lexmark MX521de version MCUAT.230.038 kernel 4.11.12 All-N-1', 'lexmarkprinter'],
  // Servers, hosts and appliances on them.
  ['1.3.6.1.4.1.674.10892.2', 'Dell Out-of-band SNMP Agent for Remote Access Controller', 'drac'],
  ['1.3.6.1.4.1.21317', 'Linux (none) 4.1.0 #1 armv7l', 'supermicro-bmc'],
  ['1.3.6.1.4.1.2.3.51.3', '', 'ibm-imm'],
  ['1.3.6.1.4.1.8072.3.2.10', 'Linux pve01 6.8.12-4-pve #1 SMP PREEMPT_DYNAMIC PMX 6.8.12-4 (2024-11-06T15:04Z) x86_64', 'proxmox'],
  ['1.3.6.1.4.1.50536.3.1', 'TrueNAS-13.0-U6.1 (5d2d9fb). Hardware: amd64 Intel(R) Xeon(R) Silver 4210R', 'truenas'],
  ['1.3.6.1.4.1.50536.3.1', 'iXsystems TrueNAS-SCALE-24.10.1. Hardware: x86_64', 'truenas-scale'],
  ['1.3.6.1.4.1.311.1.1.3.1.2', 'Hardware: Intel64 Family 6 Model 85 Stepping 7 AT/AT COMPATIBLE - Software: Windows Version 6.3 (Build 20348 Multiprocessor Free)', 'windows'],
  ['1.3.6.1.4.1.8072.3.2.16', 'Darwin mini.local 23.4.0 Darwin Kernel Version 23.4.0', 'macosx'],
];

// Neighbours under the same enterprise, or general computers, that must not become the family's os.
const REFUSED: Case[] = [
  ['1.3.6.1.4.1.8072.3.2.10', 'Linux db01 6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 x86_64', 'linux'],
  ['1.3.6.1.4.1.8072.3.2.10', 'Linux build 5.15.0-126-generic #136-Ubuntu SMP x86_64', 'linux'],
  ['1.3.6.1.4.1.311.1.1.3.1.3', 'Hardware: AMD64 Family 25 Model 1 Stepping 1 AT/AT COMPATIBLE - Software: Windows Version 6.3 (Build 17763 Multiprocessor Free)', 'windows'],
  ['1.3.6.1.4.1.8072.3.2.8', 'FreeBSD backup 14.1-RELEASE FreeBSD 14.1-RELEASE releng/14.1-n267679 GENERIC amd64', 'freebsd'],
  // Cisco's product table also numbers ISE, ACS, UCS Manager and APIC: not IOS, not NX-OS.
  ['1.3.6.1.4.1.9.1.1426', 'Cisco Identity Services Engine', 'generic'],
  ['1.3.6.1.4.1.9.1.1117', 'Cisco Secure Access Control System 5.8', 'generic'],
  ['1.3.6.1.4.1.9.12.3.1.3.1062', 'Cisco NX-OS(tm) ucs, Software (ucs-6100-k9-system), Version 5.0(3)N2(4.21d)', 'generic'],
  ['1.3.6.1.4.1.9.6.1.23.1.1.1', 'Cisco SPA122', 'generic'], // ciscospa, not a Small Business switch
  // Other Fortinet products are not FortiGates.
  ['1.3.6.1.4.1.12356.105', 'FortiMail-400F', 'generic'],
  ['1.3.6.1.4.1.12356.103', 'FortiAnalyzer-VM64', 'generic'],
  // Huawei storage and server management share the enterprise with VRP.
  ['1.3.6.1.4.1.2011.2.91', 'ISM SNMP Agent', 'generic'],
  ['1.3.6.1.4.1.2011.2.235.1.1', 'iBMC', 'generic'],
  // Zyxel NWA access points and DSLAMs are neither ZyNOS switches nor firewalls.
  ['1.3.6.1.4.1.890.1.15', 'NWA220AX-6E', 'generic'],
  ['1.3.6.1.4.1.890.1.5.13.7', 'IES-5000', 'generic'],
  // Power and printer neighbours.
  ['1.3.6.1.4.1.318.1.3.4.9', 'APC EcoStruxure Rack PDU', 'generic'],
  ['1.3.6.1.4.1.705.1', 'MGE Galaxy 5000 40 kVA', 'generic'],
  ['1.3.6.1.4.1.850.1.5', 'Tripp Lite console server', 'generic'],
  ['1.3.6.1.4.1.3808.1.1.1', 'Power Management Card', 'generic'], // PowerWalker VFI
  ['1.3.6.1.4.1.1248.4.1', 'EPSON Projector', 'generic'],
  ['1.3.6.1.4.1.21317.1.1', 'ATEN PE8108', 'generic'], // an ATEN PDU, not a BMC
  ['1.3.6.1.4.1.674.10892.6', 'Dell OpenManage Enterprise Modular', 'generic'],
  ['1.3.6.1.4.1.25053.3.1.4.1', 'Ruckus Wireless HotZone', 'generic'],
  ['1.3.6.1.4.1.21239.2.1', 'Geist Watchdog 15', 'generic'],
  ['1.3.6.1.4.1.13742.6', 'PX3-5190R', 'raritan-pdu'],
];

describe('OS variants beyond the recordings', () => {
  for (const [oid, descr, os] of ACCEPTED) {
    it(`${os}: ${oid} ${descr.slice(0, 60)}`, () => assert.equal(detectOs(oid, descr).os, os));
  }
  for (const [oid, descr, os] of REFUSED) {
    it(`not an appliance: ${oid} ${descr.slice(0, 60)} → ${os}`, () => assert.equal(detectOs(oid, descr).os, os));
  }
  it('asks the Synology subtree of a Linux banner whatever sysObjectID the agent was given', () => {
    const syno = ['1.3.6.1.4.1.6574.1', 'Linux ds920 4.4.302+ #72806 SMP x86_64'] as const;
    assert.ok(probeOidsFor(...syno).includes('1.3.6.1.4.1.6574.1'));
    assert.equal(detectOs(...syno, new Set(['1.3.6.1.4.1.6574.1'])).os, 'dsm');
  });
});
