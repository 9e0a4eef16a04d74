import express, { NextFunction, Request, Response, Router } from 'express';
import { join } from 'node:path';
import { loadExampleOperations } from './example-operations';
import { mayReceiveLocalKey } from './local-key-access';
import { PAGES_DIR, QUERIES_DIR, SCRIPTS_DIR, VENDOR_FILES } from './web-files';

export interface WebOptions {
  /** Serve the GraphQL workbench to browsers at GET /graphql. */
  workbench: boolean;
  /** The local admin key of a developer's machine: handed only to pages opened over loopback. */
  localAdminKey?: string;
}

// Pages load scripts, styles and data from this service only; nothing may frame them.
const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

function page(file: string) {
  return (_req: Request, res: Response) => res.set(PAGE_HEADERS).sendFile(join(PAGES_DIR, file));
}

/** A browser navigating to /graphql prefers HTML; GraphQL clients ask for JSON. */
function prefersHtml(req: Request): boolean {
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

/**
 * The dashboard at `/`, the workbench at `GET /graphql` for browsers, and what they load under
 * `/web/`. Mounted before the GraphQL endpoint's CORS: none of these responses is readable by
 * another origin.
 */
export function webRoutes(options: WebOptions): Router {
  const router = Router();
  const operations = loadExampleOperations(QUERIES_DIR);
  const workbench = page('workbench.html');

  router.get('/', page('dashboard.html'));
  router.get('/graphql', (req: Request, res: Response, next: NextFunction) =>
    (options.workbench && prefersHtml(req) ? workbench(req, res) : next()));
  router.get('/web/operations.json', (_req, res) => { res.json(operations); });
  router.get('/web/local-key', (req, res) => {
    res.set('Cache-Control', 'no-store');
    const key = options.localAdminKey;
    // No key is an answer, not an error: the page then asks the user for one.
    res.json({ key: key && mayReceiveLocalKey(req.socket.remoteAddress, req.headers.host) ? key : null });
  });
  for (const [name, file] of Object.entries(VENDOR_FILES)) {
    router.get(`/web/vendor/${name}`, (_req, res) => res.sendFile(file));
  }
  router.use('/web', express.static(SCRIPTS_DIR, { index: false }), express.static(PAGES_DIR, { index: false }));
  return router;
}
