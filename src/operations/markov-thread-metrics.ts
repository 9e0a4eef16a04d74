import { Counter, Gauge, Registry } from 'prom-client';
import { markovThreads } from '../reports/data-driven/absorption-threads';

/** MARKOV's threads beside the event loop (src/reports/data-driven/absorption-threads.ts), read at each scrape. */
export function registerMarkovThreadMetrics(registry: Registry): void {
  new Counter({
    name: 'markov_threads_started_total',
    help: 'MARKOV solves that shared their variants with a thread beside the event loop',
    registers: [registry],
    collect() {
      this.reset();
      this.inc(markovThreads.started);
    },
  });
  new Gauge({
    name: 'markov_threads_running',
    help: 'Threads solving MARKOV variants beside the event loop now (at most one per further core)',
    registers: [registry],
    collect() {
      this.set(markovThreads.running);
    },
  });
}
