import type { ApolloServer } from '@apollo/server';
import cors from 'cors';
import { Request, RequestHandler, Response, Router } from 'express';
import { once } from 'node:events';
import { DataSource } from 'typeorm';
import { ApiKeyIdentity } from '../auth/scope';
import { Context, createContext, Services, Settings } from '../context';
import { badRequest, rethrowAsUnavailable } from '../errors';
import { requestIdOf } from '../operations';
import { currentRecord } from '../operations/request-record';
import { creditExport } from './credit-export';
import { clientErrorOf, codeOf, httpStatusOf, sendErrors } from './export-errors';
import { creditsRequest, EXPORT_REPORTS, ExportReportName, parseInputParameter } from './export-input';
import { Cell, FlatFormat, FORMATS, FormatName } from './flat-format';
import { isReportExport, runReportExport } from './report-export';

export interface ExportDependencies {
  apollo: ApolloServer<Context>;
  dataSource: DataSource;
  services: Services;
  settings: Settings;
  /** The request log and metrics of /graphql, for exports too. */
  trackRequests: RequestHandler;
}

const FILE = new RegExp(`^(${EXPORT_REPORTS.join('|')})\\.(${Object.keys(FORMATS).join('|')})$`);

/** Writes text, waiting while the client's buffer is full; false once the client is gone. */
async function write(res: Response, text: string | Buffer): Promise<boolean> {
  if (res.destroyed) return false;
  if (!res.write(text)) {
    // Whichever comes first; the other listener is removed, so none pile up over a long export.
    const waiting = new AbortController();
    const { signal } = waiting;
    await Promise.race([once(res, 'drain', { signal }), once(res, 'close', { signal })]).finally(() => waiting.abort());
  }
  return !res.destroyed;
}

// A signed link (`?token=`) carries its own input and key; otherwise the Authorization header and
// the `input` query parameter, as for /graphql.
async function authorize(req: Request, report: ExportReportName, format: FormatName, { services }: ExportDependencies):
  Promise<{ identity: ApiKeyIdentity; input: unknown }> {
  const { token } = req.query;
  if (typeof token === 'string') {
    if (req.query.input !== undefined) throw badRequest('An export link carries its own input: drop the input parameter');
    return services.exportLinks.verify(token, report, format).catch(rethrowAsUnavailable);
  }
  const identity = await services.apiKeys.authenticate(req.headers.authorization).catch(rethrowAsUnavailable);
  return { identity, input: parseInputParameter(req.query.input) };
}

function start(res: Response, format: FlatFormat, name: string): void {
  res.status(200).type(format.contentType);
  res.setHeader('content-disposition', `inline; filename="${name}"`);
  // Links carry a credential in their URL: no cache and no referrer may keep it.
  res.setHeader('cache-control', 'no-store');
  res.setHeader('referrer-policy', 'no-referrer');
}

async function writeTable(res: Response, format: FlatFormat, columns: string[], rows: Cell[][]) {
  if (await write(res, format.header(columns) + rows.map((cells) => format.row(columns, cells)).join(''))) res.end();
}

async function serveExport(req: Request, res: Response, deps: ExportDependencies): Promise<void> {
  const match = FILE.exec(String(req.params.file));
  if (!match) throw badRequest(`No such export: try /export/{${EXPORT_REPORTS.join(',')}}.{csv,jsonl}`, 404);
  const report = match[1] as ExportReportName;
  const formatName = match[2] as FormatName;
  const format = FORMATS[formatName];
  const { identity, input } = await authorize(req, report, formatName, deps);
  const record = currentRecord();
  // Report exports are logged as their GraphQL operation (AttributionExport, ...) by Apollo's hooks.
  if (record) {
    record.keyId = identity.id;
    record.operationName = 'CreditsExport';
  }
  const context = createContext(deps.services, deps.settings, identity, requestIdOf(res));
  if (isReportExport(report)) {
    const outcome = await runReportExport(deps.apollo, report, input, context);
    for (const [name, value] of outcome.headers) res.setHeader(name, value);
    if ('errors' in outcome) {
      for (const error of outcome.errors) record?.errorCodes.add(codeOf(error));
      sendErrors(res, outcome.errors, outcome.status && outcome.status >= 400 ? outcome.status : undefined);
      return;
    }
    start(res, format, match[0]);
    await writeTable(res, format, outcome.table.columns, outcome.table.rows);
    return;
  }
  const { request, models } = creditsRequest(input, deps.settings.reportingCurrency);
  const chunks = creditExport(deps.dataSource, request, models, format);
  // The first chunk is made before the status is sent: a bad currency or a missing rate found by
  // then is still a proper HTTP error.
  const first = await chunks.next();
  start(res, format, match[0]);
  if (!first.done && !(await write(res, first.value))) return;
  for await (const chunk of chunks) if (!(await write(res, chunk))) return;
  res.end();
}

/**
 * GET /export/{attribution,compare-models,credits}.{csv,jsonl}: the reports as flat files, for BI
 * tools and spreadsheets. Errors before the first byte are HTTP errors with the GraphQL codes; an
 * error after it ends the file with an error line and an aborted connection, never a short file
 * that looks complete.
 */
export function exportRoutes(deps: ExportDependencies): Router {
  const router = Router();
  router.get('/export/:file', deps.trackRequests, cors(), async (req, res) => {
    try {
      await serveExport(req, res, deps);
    } catch (error) {
      const clientError = clientErrorOf(error);
      currentRecord()?.errorCodes.add(codeOf(clientError));
      if (!res.headersSent) {
        sendErrors(res, [clientError], httpStatusOf(error));
        return;
      }
      const format = FORMATS[FILE.exec(String(req.params.file))![2] as FormatName];
      // Aborted once the error line is out: the response never ends cleanly, so no client takes it for a whole file.
      res.write(format.failure(codeOf(clientError), clientError.message), () => res.destroy());
    }
  });
  return router;
}
