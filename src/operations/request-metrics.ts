import { Counter, Histogram, Registry } from 'prom-client';
import { OperationNames } from './operation-names';
import { RequestRecord } from './request-record';

export interface RequestMetrics {
  observe(record: RequestRecord, seconds: number): void;
}

// Reports may run up to the statement timeout (a minute by default), so the buckets go that far.
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** Duration of every request to /graphql by operation, and the error codes answered. */
export function requestMetrics(registry: Registry): RequestMetrics {
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from receiving a request to /graphql to the end of its response, by operation',
    labelNames: ['operation_name', 'operation_type'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Requests to /graphql answered with at least one error of this code',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const names = new OperationNames();
  return {
    observe(record, seconds) {
      // "none": refused before an operation was resolved (unauthenticated, unparsable, invalid).
      duration.observe({ operation_name: names.label(record.operationName), operation_type: record.operationType ?? 'none' }, seconds);
      for (const code of record.errorCodes) errors.inc({ code });
    },
  };
}
