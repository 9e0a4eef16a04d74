import { GraphQLError } from 'graphql';
import { MiddlewareFn } from 'type-graphql';
import type { Context } from '../../context';

/**
 * Tags unexpected errors with the request id: formatError logs them with it and hands it to the
 * client instead of the details, so a report from a client can be found in the logs.
 */
export const TagErrorsWithRequestId: MiddlewareFn<Context> = async ({ context }, next) => {
  try {
    return await next();
  } catch (error) {
    if (error instanceof Error && !(error instanceof GraphQLError)) Object.assign(error, { requestId: context.requestId });
    throw error;
  }
};
