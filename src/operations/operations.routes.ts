import { Router } from 'express';
import { Registry } from 'prom-client';
import { Readiness } from './readiness';

/** GET /health (liveness), /ready (readiness) and /metrics (Prometheus). */
export function operationsRoutes(readiness: Readiness, registry: Registry): Router {
  const router = Router();
  // Never touches the database: an outage must take instances out of rotation, not restart them.
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    const report = await readiness.check();
    if (report.ready) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'not ready', check: report.check, reason: report.reason });
  });
  router.get('/metrics', async (_req, res) => {
    // Set as is: Express would reorder the parameters of prom-client's content type.
    res.setHeader('content-type', registry.contentType);
    res.end(await registry.metrics());
  });
  return router;
}
