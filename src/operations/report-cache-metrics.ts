import { Counter, Registry } from 'prom-client';

/** What the report cache counts (src/reports/report-cache.ts). */
export interface ReportCacheCounts {
  hits: number;
  misses: number;
}

/** Report cache hits and misses, read from the cache at each scrape. */
export function registerReportCacheCounters(registry: Registry, cache: ReportCacheCounts): void {
  for (const outcome of ['hits', 'misses'] as const) {
    new Counter({
      name: `report_cache_${outcome}_total`,
      help: `Attribution reports answered ${outcome === 'hits' ? 'from' : 'without'} the report cache`,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(cache[outcome]);
      },
    });
  }
}
