import { DataSource } from 'typeorm';
import { Config } from '../config';
import { logger } from '../logger';
import { createDataSource } from './data-source';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

export interface Database {
  dataSource: DataSource;
  /** The connection URL (the embedded server's when DATABASE_URL is unset). */
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

/** The embedded PostgreSQL when DATABASE_URL is unset, else that server; migrated unless told not to. */
export async function openDatabase(config: Config, { migrate = true } = {}): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  const url = config.DATABASE_URL ?? (embedded = await startEmbeddedPostgres(config.DATA_DIR)).url;
  const dataSource = createDataSource({ url, poolSize: config.DB_POOL_SIZE });
  try {
    await dataSource.initialize();
    if (migrate) {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      for (const migration of applied) logger.info({ migration: migration.name }, 'migration applied');
    }
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    url,
    embedded: embedded !== undefined,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await embedded?.stop();
    },
  };
}
