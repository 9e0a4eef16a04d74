import { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import { badRequest } from '../errors';

/**
 * Refuses, before anything executes, a request whose operation cannot run here: an operationName
 * the document does not define, several operations without an operationName, or a subscription
 * (this API answers queries and mutations over HTTP only). Other plugins may then rely on the
 * operation being there.
 */
export function operationResolutionPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, document }) {
          if (!operation) {
            const named = document.definitions.filter((definition) => definition.kind === 'OperationDefinition').length;
            throw badRequest(request.operationName
              ? `operationName ${JSON.stringify(request.operationName)} names no operation of the document`
              : `The document holds ${named} operations: say which one to run with operationName`);
          }
          if (operation.operation === 'subscription') {
            throw badRequest('Subscriptions are not supported: this API answers queries and mutations over HTTP');
          }
        },
      };
    },
  };
}
