import { generate } from '@graphql-codegen/cli';
import { OperationDefinitionNode, parse } from 'graphql';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import config from '../codegen';

// GraphQL Code Generator reads schema.graphql and docs/queries as a front end would. Nothing is
// written in the repository (generate's second argument): the output is checked in memory, then
// compiled from a temporary folder.
const root = join(__dirname, '..');
const folder = join(root, 'docs', 'queries');
const operationNames = readdirSync(folder).filter((file) => file.endsWith('.graphql')).map((file) =>
  (parse(readFileSync(join(folder, file), 'utf8')).definitions[0] as OperationDefinitionNode).name!.value);

test('the code generator types every example operation against schema.graphql, as strict TypeScript', async () => {
  const [output] = (await generate({ ...config, cwd: root, silent: true }, false))
    .filter((file: { filename: string }) => file.filename === 'test/generated/graphql.ts');
  for (const name of operationNames) {
    expect(output.content).toContain(`export type ${name}Query = `);
    expect(output.content).toContain(`export type ${name}QueryVariables = `);
  }
  // Money stays an exact string in the generated types, never number.
  expect(output.content).toContain("amount: { __typename?: 'Money', amount: string, currency: string }");

  const dir = mkdtempSync(join(tmpdir(), 'codegen-'));
  try {
    const file = join(dir, 'graphql.ts');
    writeFileSync(file, output.content);
    const program = ts.createProgram([file], { strict: true, noEmit: true, skipLibCheck: true, types: [] });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(problems).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

test('the client preset generates a TypedDocumentNode per example operation, compiling as strict TypeScript', async () => {
  const outputs: Array<{ filename: string; content: string }> = (await generate({ ...config, cwd: root, silent: true }, false))
    .filter((file: { filename: string }) => file.filename.startsWith('test/generated/client/'));
  const documents = outputs.find((file) => file.filename.endsWith('/graphql.ts'))!.content;
  for (const name of operationNames) {
    expect(documents).toMatch(new RegExp(`export const ${name}Document = .* as unknown as DocumentNode<${name}Query, ${name}QueryVariables>;`));
  }
  // Inside the repository, so that the generated imports (@graphql-typed-document-node/core) resolve.
  mkdirSync(join(root, 'test', 'generated'), { recursive: true });
  const dir = mkdtempSync(join(root, 'test', 'generated', 'client-'));
  try {
    for (const file of outputs) writeFileSync(join(dir, file.filename.split('/').pop()!), file.content);
    const usage = join(dir, 'usage.ts');
    // What a client library sees: the result and variable types travel with the document.
    writeFileSync(usage, `import type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
      import { AttributionByChannelDocument } from './graphql';
      const variables: VariablesOf<typeof AttributionByChannelDocument> = { model: 'LINEAR', from: '2025-01-01T00:00:00Z' };
      type Result = ResultOf<typeof AttributionByChannelDocument>;
      export const firstAmount = (result: Result): string | undefined => result.attribution.rows[0]?.revenue.amount;
      export { variables };\n`);
    const program = ts.createProgram([usage, ...outputs.map((file) => join(dir, file.filename.split('/').pop()!))],
      { strict: true, noEmit: true, skipLibCheck: true, types: [], module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10 });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(problems).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
