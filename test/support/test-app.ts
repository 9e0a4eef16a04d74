import { DataSource } from 'typeorm';
import { startHttpServer } from '../../src/server';
import { createTestDatabase } from './test-database';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
  extensions?: Record<string, unknown>;
}

export interface TestApp {
  url: string;
  dataSource: DataSource;
  /** POSTs one GraphQL operation over real HTTP and returns the parsed body. */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** The real server on a fresh database of its own, on a free port. */
export async function startTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  const server = await startHttpServer({ dataSource: database.dataSource, port: 0, host: '127.0.0.1', production: false });
  return {
    url: server.url,
    dataSource: database.dataSource,
    gql: async (query, variables, headers = {}) => {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return response.json() as Promise<GraphQLResponse<any>>;
    },
    stop: async () => {
      await server.stop();
      await database.drop();
    },
  };
}
