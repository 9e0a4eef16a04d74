import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * The pg Pool under the DataSource, for the few hot or statistical paths TypeORM has no API for.
 * TypeORM's postgres driver keeps it as `master`, unset before initialisation and after destroy.
 */
export function poolOf(dataSource: DataSource): Pool | undefined {
  return (dataSource.driver as PostgresDriver).master as Pool | undefined;
}
