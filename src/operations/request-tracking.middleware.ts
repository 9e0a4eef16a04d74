import type { RequestHandler, Response } from 'express';
import { performance } from 'node:perf_hooks';
import { chooseRequestId } from './request-id';
import { logRequest } from './request-log';
import { RequestMetrics } from './request-metrics';
import { RequestRecord, runWithRecord } from './request-record';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * First handler of /graphql: gives the request its id, echoed in `x-request-id`, and writes its log
 * line and metrics when the response is done, including refusals that never reach Apollo's
 * request hooks (no API key, body too large, CSRF).
 */
export function trackRequests(metrics: RequestMetrics): RequestHandler {
  return (req, res, next) => {
    const record: RequestRecord = {
      requestId: chooseRequestId(req.get(REQUEST_ID_HEADER)), startedAt: performance.now(), errorCodes: new Set(),
    };
    res.locals.requestId = record.requestId;
    res.setHeader(REQUEST_ID_HEADER, record.requestId);
    res.once('close', () => {
      const durationMs = performance.now() - record.startedAt;
      logRequest(record, { status: res.statusCode, durationMs, aborted: !res.writableFinished });
      metrics.observe(record, durationMs / 1000);
    });
    runWithRecord(record, next);
  };
}

/** The id `trackRequests` gave this request, for the context. */
export function requestIdOf(res: Response): string {
  return res.locals.requestId as string;
}
