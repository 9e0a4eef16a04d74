import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';

export interface DataSourceOptions {
  url: string;
  poolSize: number;
}

// The one way the service talks to PostgreSQL. Sessions run in UTC so that timestamps without an
// offset, and date buckets, never depend on the server's time zone.
export function createDataSource({ url, poolSize }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: poolSize,
      options: '-c TimeZone=UTC',
      connectionTimeoutMillis: 10_000,
    },
  });
}
