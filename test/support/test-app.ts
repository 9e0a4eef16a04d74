import { DataSource } from 'typeorm';
import { ApiKeyService } from '../../src/auth/api-key.service';
import { Scope } from '../../src/auth/scope';
import { Config } from '../../src/config';
import { startHttpServer } from '../../src/server';
import { postBody } from './post-graphql';
import { createTestDatabase } from './test-database';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
  extensions?: Record<string, any>;
}

export interface TestApp {
  url: string;
  dataSource: DataSource;
  /** An admin key, sent by `gql` unless its headers say otherwise. */
  adminKey: string;
  /** POSTs one GraphQL operation over real HTTP and returns the parsed body. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  /** A new API key with that scope. */
  createKey(scope: Scope): Promise<string>;
  stop(): Promise<void>;
}

/** The real server on a fresh database of its own, on a free port. */
export async function startTestApp(config: Partial<Config> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const server = await startHttpServer({ dataSource: database.dataSource, port: 0, host: '127.0.0.1', config });
  const keys = new ApiKeyService(database.dataSource);
  const createKey = async (scope: Scope) => (await keys.create(`test ${scope}`, scope)).key;
  const adminKey = await createKey(Scope.ADMIN);
  return {
    url: server.url,
    dataSource: database.dataSource,
    adminKey,
    createKey,
    gql: async (query, variables, headers = {}) =>
      (await postBody(server.url, JSON.stringify({ query, variables }), { authorization: `Bearer ${adminKey}`, ...headers })).body,
    stop: async () => {
      await server.stop();
      await database.drop();
    },
  };
}
