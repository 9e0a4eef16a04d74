import type { Pool } from 'pg';
import { Gauge, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { poolOf } from '../database/pool';

const POOL_GAUGES: Array<[name: string, help: string, read: (pool: Pool) => number]> = [
  ['db_pool_clients', 'Connections the database pool holds open, in use or idle', (pool) => pool.totalCount],
  ['db_pool_idle_clients', 'Open connections of the database pool not in use', (pool) => pool.idleCount],
  ['db_pool_waiting_clients', 'Queries waiting for a connection of the database pool', (pool) => pool.waitingCount],
];

/** Gauges read from the pool at each scrape. */
export function registerPoolGauges(registry: Registry, dataSource: DataSource): void {
  for (const [name, help, read] of POOL_GAUGES) {
    new Gauge({
      name, help, registers: [registry],
      collect() {
        const pool = poolOf(dataSource);
        this.set(pool ? read(pool) : 0);
      },
    });
  }
}
