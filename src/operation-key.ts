import type { GraphQLRequest } from '@apollo/server';

/**
 * What identifies a request's answer: operation name, variables and document text. Undefined when
 * the document text is unknown (an unregistered persisted query), so nothing is keyed on it.
 */
export function operationKey({ query, variables, operationName }: GraphQLRequest): string | undefined {
  return query === undefined ? undefined : `${operationName ?? ''}\n${JSON.stringify(variables ?? {})}\n${query}`;
}
