import { collectDefaultMetrics, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { registerMarkovThreadMetrics } from './markov-thread-metrics';
import { registerPoolGauges } from './pool-metrics';
import { registerReportCacheCounters, ReportCacheCounts } from './report-cache-metrics';

// Each server owns its registry rather than prom-client's global one: servers started side by side
// (tests, benchmarks) would otherwise register the same metric names twice.
export function createMetricsRegistry(dataSource: DataSource, reportCache: ReportCacheCounts): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerPoolGauges(registry, dataSource);
  registerReportCacheCounters(registry, reportCache);
  registerMarkovThreadMetrics(registry);
  return registry;
}
