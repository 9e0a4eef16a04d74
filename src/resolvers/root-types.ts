import { GraphQLSchema } from 'graphql';

// type-graphql has no option for the descriptions of the root operation types; they are set once
// on the built schema, so that every type of the schema is documented.
export function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) {
    query.description = 'Reads: campaigns, accounts, leads, touches and deals, as pages (Relay connections with keyset '
      + 'cursors) or one record at a time, with their relations; attribution reports and model comparisons; lead scores, '
      + 'funnel, handoff SLA, lead quality and the KPIs sales and marketing share.';
  }
  if (mutation) {
    mutation.description = 'Ingestion: batches of records from the CRM, marketing automation and ad platforms, created '
      + 'or updated by externalId; and the lead-scoring rules.';
  }
  return schema;
}
