// The `extend` lines Observium and LibreNMS read (distro, hardware, vendor, serial, uptime), written in
// Parc's words; the OIDs under .1.3.6.1.4.1.2021.7890 are where Observium's poller looks for them.
import { line, type ConfLine } from './lines';

export type ExtendFlavour = 'observium' | 'librenms';

const DMI = '/sys/devices/virtual/dmi/id';

export function extendLines(flavour: ExtendFlavour, distroCommand = flavour === 'observium' ? '/usr/local/bin/distro' : '/usr/bin/distro'): ConfLine[] {
  const distro = distroCommand.split(/\s+/);
  if (flavour === 'observium') {
    return [
      line('extend', '.1.3.6.1.4.1.2021.7890.1', 'distro', ...distro),
      line('extend', '.1.3.6.1.4.1.2021.7890.2', 'hardware', '/bin/cat', `${DMI}/product_name`),
      line('extend', '.1.3.6.1.4.1.2021.7890.3', 'vendor', '/bin/cat', `${DMI}/sys_vendor`),
      line('extend', '.1.3.6.1.4.1.2021.7890.4', 'serial', '/bin/cat', `${DMI}/product_serial`),
      line('extend', 'uptime', '/bin/cat', '/proc/uptime'),
    ];
  }
  return [
    line('extend', '.1.3.6.1.4.1.2021.7890.1', 'distro', ...distro),
    line('extend', 'hardware', '/bin/cat', `${DMI}/product_name`),
    line('extend', 'manufacturer', '/bin/cat', `${DMI}/sys_vendor`),
    line('extend', 'serial', '/bin/cat', `${DMI}/product_serial`),
    line('extend', 'uptime', '/bin/cat', '/proc/uptime'),
  ];
}
