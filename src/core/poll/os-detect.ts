// Kept for existing importers: OS recognition lives in ./os/ (one rule file per vendor family).
export { detectOs, enterpriseNumber, probeOidsFor, vendorOf, type OsGuess } from './os';

/**
 * Appliances built on net-snmp that look like plain Linux by sysObjectID and sysDescr, recognised from
 * hrSystemInitialLoadParameters (the kernel command line): Synology's has `syno_hw_version=MODEL`.
 */
export function refineFromKernelCmdline<T extends { os: string; vendor?: string }>(guess: T, cmdline: string | undefined): T & { hardware?: string } {
  const syno = /syno_hw_version=(\S+)/.exec(cmdline ?? '');
  if (syno && (guess.os === 'linux' || guess.os === 'generic')) return { ...guess, os: 'dsm', vendor: 'Synology', hardware: syno[1] };
  return guess;
}
