import { ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { Kind, OperationDefinitionNode } from 'graphql';
import { DataSource } from 'typeorm';
import type { Context } from '../../context';
import { poolOf } from '../../database/pool';
import { operationKey } from '../../operation-key';
import { ReportCache } from './report-cache';

// Root fields whose answers depend on the committed data only (not on the clock or the caller).
const REPORT_FIELDS = new Set(['attribution', 'compareModels', '__typename']);

// Apollo types the operation as always there; it is not when operationName names none.
const isReportQuery = (operation: OperationDefinitionNode | undefined) => operation?.operation === 'query'
  && operation.selectionSet.selections.every((selection) => selection.kind === Kind.FIELD && REPORT_FIELDS.has(selection.name.value));

// Asked on every report request: straight to the pool, without TypeORM's query runner around it.
async function currentSnapshot(dataSource: DataSource): Promise<string> {
  const pool = poolOf(dataSource);
  if (!pool) throw new Error('the database is not open');
  const { rows } = await pool.query<{ snapshot: string }>('SELECT pg_current_snapshot()::text AS snapshot');
  return rows[0]!.snapshot;
}

/**
 * Dashboards ask the same report questions over and over: on unchanged data the answer comes from
 * the cache, without executing anything. Limits and the rate limit still apply (they run first).
 * A miss stores the answer under the snapshot read before execution: if a write commits in between,
 * that snapshot can never be read again, so the entry is merely unreachable, never wrong.
 */
export function cachedReportsPlugin(dataSource: DataSource, cache: ReportCache): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let snapshot: string | undefined;
      let key: string | undefined;
      return {
        async responseForOperation({ operation, request }) {
          key = isReportQuery(operation) ? operationKey(request) : undefined;
          if (key === undefined) return null;
          // No snapshot (the database is down): no cache; execution then reports the outage.
          snapshot = await currentSnapshot(dataSource).catch(() => undefined);
          if (snapshot === undefined) return null;
          const answer = cache.get(snapshot, key);
          if (!answer) return null;
          key = undefined; // answered from the cache: nothing to store afterwards
          return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data: answer.data } } };
        },
        async willSendResponse({ response }) {
          if (snapshot === undefined || key === undefined || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors && data) cache.set(snapshot, key, { data });
        },
      };
    },
  };
}
