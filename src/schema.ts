import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchemaSync } from 'type-graphql';
import './resolvers/enums';
import { DatasetResolver } from './resolvers/dataset.resolver';
import { IngestResolver } from './resolvers/ingest/ingest.resolver';

let schema: GraphQLSchema | undefined;

// Built once per process: type-graphql keeps metadata globally and leaks on rebuilds.
export function appSchema(): GraphQLSchema {
  schema ??= buildSchemaSync({
    resolvers: [DatasetResolver, IngestResolver],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
  });
  return schema;
}
