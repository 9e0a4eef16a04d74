import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Context } from '../context';
import { ErrorCode } from '../errors';
import { currentRecord } from './request-record';

function codeOf(error: Error): string {
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return typeof code === 'string' ? code : ErrorCode.INTERNAL_SERVER_ERROR;
}

// Requests refused before execution (no or unknown API key, CSRF, malformed) reach only these
// server-level hooks, with the error but not the request.
async function recordRefusal({ error }: { error: Error }): Promise<void> {
  currentRecord()?.errorCodes.add(codeOf(error));
}

/**
 * Notes on the request's record what only Apollo knows: the key, the operation, the error codes
 * sent. Unexpected errors, from any resolver, get the request id: formatError logs them with it and
 * hands the client the id instead of the details, so a report from a client can be found in the logs.
 */
export function recordGraphqlOutcome(): ApolloServerPlugin<Context> {
  return {
    contextCreationDidFail: recordRefusal,
    invalidRequestWasReceived: recordRefusal,
    async requestDidStart() {
      return {
        async didEncounterErrors({ contextValue, errors }) {
          for (const { originalError } of errors) {
            if (originalError && !(originalError instanceof GraphQLError)) Object.assign(originalError, { requestId: contextValue.requestId });
          }
        },
        async willSendResponse({ contextValue, operationName, operation, response }) {
          const record = currentRecord();
          if (!record) return;
          record.keyId = contextValue.apiKey.id;
          record.operationName = operationName;
          record.operationType = operation?.operation;
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors ?? [] : [];
          for (const error of errors) record.errorCodes.add(String(error.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR));
        },
      };
    },
  };
}
