// What the views show before (or between) polls: each inventory device with its last known state from
// the store, placed in its region and site without network lookups.
import { deviceKey, type Device, type Inventory } from '../inventory/types';
import { resolveSite } from '../sites/resolve';
import type { DeviceRecord } from '../state/types';
import type { DeviceReport } from './cycle';

export interface DeviceSnapshot {
  key: string;
  device: Device;
  region: string;
  site: string;
  siteExplanation: string;
  /** The last poll (from this session or an earlier one, by the CLI or the extension); absent if never polled. */
  report?: DeviceReport;
}

/** Places a device from the inventory and its stored record (the address is the host when it is an IP). */
export function snapshotOf(inv: Inventory, device: Device, record: DeviceRecord | undefined): DeviceSnapshot {
  const key = deviceKey(device);
  const last = record?.last;
  const site = resolveSite(inv, { site: device.site, host: device.host, sysLocation: last?.sysLocation });
  const report: DeviceReport | undefined = last && {
    ...last, key, region: site.region, site: site.site, siteReason: site.siteReason, siteExplanation: site.reason, statusSince: record.statusSince, rebooted: false, lastSeen: record.lastUp?.polledAt,
  };
  return { key, device, region: site.region, site: site.site, siteExplanation: site.reason, report };
}

/** A fresh poll result wins over the stored one; the site comes from the poll (it may have used DNS). */
export function snapshotFromReport(device: Device, report: DeviceReport): DeviceSnapshot {
  return { key: report.key, device, region: report.region, site: report.site, siteExplanation: report.siteExplanation, report };
}
