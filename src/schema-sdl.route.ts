import { lexicographicSortSchema, printSchema } from 'graphql';
import { RequestHandler } from 'express';
import { ApiKeyService } from './auth/api-key.service';
import { rethrowAsUnavailable, toClientError } from './errors';
import { appSchema } from './schema';

let sdl: string | undefined;

/**
 * GET /schema.graphql: the schema as SDL (the committed schema.graphql), for code generators, with
 * any API key, even where introspection is off: a key holder may know the schema it can query.
 */
export function schemaSdlRoute(apiKeys: ApiKeyService): RequestHandler {
  return async (req, res) => {
    try {
      await apiKeys.authenticate(req.headers.authorization).catch(rethrowAsUnavailable);
    } catch (error) {
      const status = (error as { extensions?: { http?: { status?: number } } }).extensions?.http?.status ?? 500;
      res.status(status).json({ errors: [toClientError(error as Parameters<typeof toClientError>[0])] });
      return;
    }
    sdl ??= `${printSchema(lexicographicSortSchema(appSchema()))}\n`;
    res.type('application/graphql; charset=utf-8').send(sdl);
  };
}
