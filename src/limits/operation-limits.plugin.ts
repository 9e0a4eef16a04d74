import { ApolloServerPlugin } from '@apollo/server';
import { LRUCache } from 'lru-cache';
import { Config } from '../config';
import { Context } from '../context';
import { limitExceeded } from '../errors';
import { operationKey } from '../operation-key';
import { operationCost } from './operation-cost';
import { operationShape } from './operation-shape';

export type OperationLimits = Pick<Config, 'MAX_QUERY_DEPTH' | 'MAX_QUERY_ALIASES' | 'MAX_QUERY_COST'>;

function refuseOver(limit: keyof OperationLimits, limits: OperationLimits, actual: number | null, unit: string): void {
  if (actual !== null && actual > limits[limit]) throw limitExceeded(limit, limits[limit], actual, unit, 400);
}

/**
 * Depth, alias and cost limits, per request: Apollo skips validation rules for the documents it
 * has cached, and the cost depends on the variables, so they are checked once the operation is
 * known rather than as validation rules. Cheap checks first: a deep or wide document is refused
 * before its cost is estimated. The cost of a document with the same variables is remembered:
 * dashboards repeat their requests, and estimating is the dearest part of serving a cached report.
 */
export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin<Context> {
  const costs = new LRUCache<string, { cost: number | null }>({ max: 1000 });
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          // No such operation in the document: operationResolutionPlugin refuses the request.
          if (!operation) return;
          const shape = operationShape(document, operation);
          refuseOver('MAX_QUERY_DEPTH', limits, shape.depth, 'depth');
          refuseOver('MAX_QUERY_ALIASES', limits, shape.aliases, 'alias count');
          const key = operationKey(request);
          let known = key ? costs.get(key) : undefined;
          if (!known) {
            known = { cost: operationCost(schema, document, operation, request.variables, limits.MAX_QUERY_COST) };
            if (key) costs.set(key, known);
          }
          refuseOver('MAX_QUERY_COST', limits, known.cost, 'cost');
        },
      };
    },
  };
}
