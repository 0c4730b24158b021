// Alerting rules equivalent to the events Parc raises itself (src/core/monitor/changes.ts), for Alertmanager.
// Labels `severity` follow Parc's (critical | warning); `parc_event` names the Parc event type.
import type { Thresholds } from '../inventory/types';

export interface RuleOptions {
  thresholds: Thresholds;
  /** Job regex the scrape configuration uses. */
  job: string;
  /** How long a device must fail before it is "down" (Prometheus `for:`). */
  downFor: string;
}

interface Rule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

const FIXED_DISK = '1.3.6.1.2.1.25.2.1.4';

export function alertRules(o: RuleOptions): Record<string, unknown> {
  const j = `job=~"${o.job}"`;
  const rules: Rule[] = [
    {
      alert: 'ParcDeviceDown', expr: `up{${j}} == 0`, for: o.downFor,
      labels: { severity: 'critical', parc_event: 'down' },
      annotations: { summary: '{{ $labels.device }} is down', description: '{{ $labels.device }} ({{ $labels.site }}) does not answer SNMP through snmp_exporter.' },
    },
    {
      // sysUpTime is in hundredths of a second: under 15 minutes means it restarted recently.
      alert: 'ParcDeviceRebooted', expr: `sysUpTime{${j}} / 100 < 900`,
      labels: { severity: 'warning', parc_event: 'reboot' },
      annotations: { summary: '{{ $labels.device }} rebooted', description: '{{ $labels.device }} has been up for {{ $value | humanizeDuration }}.' },
    },
    {
      // Only ports someone wants up (admin up), as Parc does.
      alert: 'ParcPortDown', expr: `(ifOperStatus{${j}} != 1) and on (instance, ifIndex) (ifAdminStatus{${j}} == 1)`, for: o.downFor,
      labels: { severity: 'warning', parc_event: 'interface-down' },
      annotations: { summary: '{{ $labels.device }} {{ $labels.ifName }} is down', description: 'Port {{ $labels.ifName }} ({{ $labels.ifDescr }}) is administratively up but not operational.' },
    },
    {
      alert: 'ParcStorageHigh',
      expr: `100 * hrStorageUsed{${j},hrStorageType="${FIXED_DISK}"} / (hrStorageSize{${j},hrStorageType="${FIXED_DISK}"} > 0) >= ${o.thresholds.storagePercent}`,
      labels: { severity: 'warning', parc_event: 'storage-high' },
      annotations: { summary: '{{ $labels.device }} {{ $labels.hrStorageDescr }} is {{ $value | printf "%.0f" }}% full', description: `Threshold ${o.thresholds.storagePercent}% (parc.yaml thresholds.storagePercent).` },
    },
    {
      alert: 'ParcProcessorHigh', expr: `hrProcessorLoad{${j}} >= ${o.thresholds.processorPercent}`, for: '5m',
      labels: { severity: 'warning', parc_event: 'processor-high' },
      annotations: { summary: '{{ $labels.device }} CPU {{ $labels.hrDeviceDescr }} at {{ $value }}%', description: `Threshold ${o.thresholds.processorPercent}% (parc.yaml thresholds.processorPercent).` },
    },
    {
      alert: 'ParcUpsOnBattery', expr: `upsOutputSource{${j}} == 5`,
      labels: { severity: 'critical', parc_event: 'ups-on-battery' },
      annotations: { summary: '{{ $labels.device }} is on battery', description: 'UPS-MIB upsOutputSource is battery.' },
    },
    {
      alert: 'ParcUpsBatteryLow', expr: `upsBatteryStatus{${j}} >= 3`,
      labels: { severity: 'critical', parc_event: 'ups-battery-low' },
      annotations: { summary: '{{ $labels.device }} battery is low or depleted', description: 'UPS-MIB upsBatteryStatus is low (3) or depleted (4).' },
    },
  ];
  return { groups: [{ name: 'parc', rules }] };
}
