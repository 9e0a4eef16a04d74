import { logger } from '../logger';
import { RequestRecord } from './request-record';

export interface RequestEnd {
  status: number;
  durationMs: number;
  /** The client went away before the response was complete. */
  aborted: boolean;
}

/** The one log line of a request to /graphql, whether Apollo answered it or refused it. */
export function logRequest(record: RequestRecord, end: RequestEnd): void {
  logger.info({
    requestId: record.requestId,
    keyId: record.keyId,
    operationName: record.operationName,
    operationType: record.operationType,
    status: end.status,
    durationMs: Math.round(end.durationMs * 10) / 10,
    ...(record.errorCodes.size > 0 ? { errorCodes: [...record.errorCodes] } : {}),
    ...(end.aborted ? { aborted: true } : {}),
  }, 'graphql request');
}
