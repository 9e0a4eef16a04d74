import { GraphQLError, GraphQLScalarType, Kind, valueFromASTUntyped } from 'graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

/**
 * A report's input as a JSON object. Unlike plain JSONObject, a literal may name enum values bare
 * (`{ model: LINEAR }`), as it would in the report's own input type: they read as their names.
 */
export const ReportInputScalar = new GraphQLScalarType({
  name: 'ReportInput',
  description: 'The input of the report an export runs, as a JSON object with the fields of AttributionInput or CompareModelsInput; '
    + 'enum values may be written bare in a literal (model: LINEAR) or as strings in variables ("LINEAR").',
  serialize: GraphQLJSONObject.serialize,
  parseValue: GraphQLJSONObject.parseValue,
  parseLiteral(ast, variables) {
    if (ast.kind !== Kind.OBJECT) throw new GraphQLError('ReportInput must be an object, e.g. { model: LINEAR }', { nodes: ast });
    return valueFromASTUntyped(ast, variables);
  },
});
