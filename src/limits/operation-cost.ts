import { DocumentNode, GraphQLError, GraphQLSchema, OperationDefinitionNode, getVariableValues } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { fieldCost } from './field-cost';

const GAVE_UP = 'Query exceeds the maximum allowed number of nodes.';

/**
 * The operation's cost with the request's variables, or null when the variables or arguments do
 * not fit the operation (e.g. an explicit null for a non-null argument): execution then refuses
 * the request, with a clear message, before any resolver runs.
 *
 * getComplexity walks a fragment again at every spread, so nested spreads grow exponentially; it
 * gives up after maxQueryNodes selections. Almost every selection costs at least 1, so a walk
 * longer than the limit is reported as just over it.
 */
export function operationCost(
  schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined, maxCost: number,
): number | null {
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors) return null;
  try {
    return getComplexity({
      schema, query: document, operationName: operation.name?.value, variables, estimators: [fieldCost], maxQueryNodes: maxCost + 1,
    });
  } catch (error) {
    if (error instanceof GraphQLError && error.message === GAVE_UP) return maxCost + 1;
    if (error instanceof GraphQLError) return null;
    throw error;
  }
}
