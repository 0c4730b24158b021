// prometheus.yml scrape configurations for Parc's targets through snmp_exporter, with the usual relabelling
// (target → ?target=, exporter as __address__, device as instance) and optional sharding across N scrapers
// (hashmod on the target) or one configuration per site.
export interface ScrapeOptions {
  /** host:port of snmp_exporter as the scraping Prometheus reaches it. */
  exporter: string;
  /** Files (globs) of file_sd target groups, relative to the Prometheus config file. */
  targetFiles: string[];
  scrapeIntervalSeconds: number;
  /** Shard k of n (hashmod of the target address); absent = all targets. */
  shard?: { index: number; count: number };
  /** Rule files to load, relative to the config. */
  ruleFiles?: string[];
  /** Alertmanager host:port list. */
  alertmanagers?: string[];
  /** External labels (e.g. the site of a per-site Prometheus, the shard). */
  externalLabels?: Record<string, string>;
  jobName?: string;
}

export function prometheusConfig(o: ScrapeOptions): Record<string, unknown> {
  const interval = `${o.scrapeIntervalSeconds}s`;
  // snmp_exporter needs time to walk a slow device; leave a margin below the interval.
  const timeout = `${Math.max(5, Math.min(o.scrapeIntervalSeconds - 1, Math.round(o.scrapeIntervalSeconds * 0.8)))}s`;
  const relabel: Record<string, unknown>[] = [
    { source_labels: ['__address__'], target_label: '__param_target' },
  ];
  if (o.shard) {
    relabel.push(
      { source_labels: ['__param_target'], modulus: o.shard.count, target_label: '__tmp_parc_shard', action: 'hashmod' },
      { source_labels: ['__tmp_parc_shard'], regex: String(o.shard.index), action: 'keep' },
    );
  }
  relabel.push(
    { source_labels: ['device'], target_label: 'instance' },
    { target_label: '__address__', replacement: o.exporter },
  );
  const cfg: Record<string, unknown> = {
    global: {
      scrape_interval: interval,
      scrape_timeout: timeout,
      evaluation_interval: `${Math.min(30, o.scrapeIntervalSeconds)}s`,
      ...(o.externalLabels && Object.keys(o.externalLabels).length ? { external_labels: o.externalLabels } : {}),
    },
  };
  if (o.ruleFiles?.length) cfg.rule_files = o.ruleFiles;
  if (o.alertmanagers?.length) cfg.alerting = { alertmanagers: [{ static_configs: [{ targets: o.alertmanagers }] }] };
  cfg.scrape_configs = [{
    job_name: o.jobName ?? 'parc-snmp',
    metrics_path: '/snmp',
    scrape_interval: interval,
    scrape_timeout: timeout,
    file_sd_configs: [{ files: o.targetFiles, refresh_interval: '1m' }],
    relabel_configs: relabel,
  }];
  return cfg;
}
