import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchemaSync } from 'type-graphql';
import { scopeChecker } from './auth/scope-checker';
import './resolvers/enums';
import './resolvers/attribution/attribution-enums';
import { attributionResolvers } from './resolvers/attribution/attribution.resolver';
import { DatasetResolver } from './resolvers/dataset.resolver';
import { ExportLinkResolver } from './resolvers/export/export-link.resolver';
import { IngestResolver } from './resolvers/ingest/ingest.resolver';
import { readResolvers } from './resolvers/read-resolvers';
import { describeRootTypes } from './resolvers/root-types';
import { salesResolvers } from './resolvers/sales/sales-resolvers';

let schema: GraphQLSchema | undefined;

// Built once per process: type-graphql keeps metadata globally and leaks on rebuilds.
export function appSchema(): GraphQLSchema {
  schema ??= describeRootTypes(buildSchemaSync({
    resolvers: [DatasetResolver, IngestResolver, ...readResolvers, ...attributionResolvers, ...salesResolvers, ExportLinkResolver],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
    authChecker: scopeChecker,
  }));
  return schema;
}
