import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchemaSync } from 'type-graphql';
import { scopeChecker } from './auth/scope-checker';
import { resolvers } from './resolvers';
import { describeRootTypes } from './resolvers/root-types';

let schema: GraphQLSchema | undefined;

// Built once per process: type-graphql keeps metadata globally and leaks on rebuilds.
export function appSchema(): GraphQLSchema {
  schema ??= describeRootTypes(buildSchemaSync({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
    authChecker: scopeChecker,
  }));
  return schema;
}
