import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = {
  CurrencyCode: 'string',
  DateTime: 'string',
  JSONObject: 'Record<string, unknown>',
  LocalDate: 'string',
  ReportInput: 'Record<string, unknown>',
};

// TypeScript types for the example operations of docs/queries, from the committed schema: what a
// front end gets by pointing GraphQL Code Generator at this API (or at GET /schema.graphql). Run
// from the repository root. `client/` holds typed documents (TypedDocumentNode) that Apollo Client,
// urql or graphql-request take as they are.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: 'docs/queries/*.graphql',
  generates: {
    'test/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-operations'],
      config: { strictScalars: true, scalars, enumsAsTypes: true, useTypeImports: true },
    },
    'test/generated/client/': {
      preset: 'client',
      config: { strictScalars: true, scalars, enumsAsTypes: true, useTypeImports: true },
    },
  },
};

export default config;
