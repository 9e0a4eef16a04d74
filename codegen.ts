import type { CodegenConfig } from '@graphql-codegen/cli';

// TypeScript types for the example operations of docs/queries, from the committed schema: what a
// front end gets by pointing GraphQL Code Generator at this API. Run from the repository root.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: 'docs/queries/*.graphql',
  generates: {
    'test/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-operations'],
      config: {
        strictScalars: true,
        scalars: {
          CurrencyCode: 'string',
          DateTime: 'string',
          JSONObject: 'Record<string, unknown>',
          LocalDate: 'string',
        },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
