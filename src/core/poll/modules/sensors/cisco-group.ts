// Which OS codes are Cisco's own IOS-family software (the platforms that share CISCO-*-MIB tables such as
// CISCO-RF-MIB, CISCO-STACKWISE-MIB or CISCO-WAN-3G-MIB); the Small Business line (ciscosb) is a different code base.
export const CISCO_OS = ['ios', 'iosxe', 'nxos', 'asa', 'ftd', 'ciscowlc'] as const;
