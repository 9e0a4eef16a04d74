import { generate } from '@graphql-codegen/cli';
import { OperationDefinitionNode, parse } from 'graphql';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  const [output] = await generate({ ...config, cwd: root, silent: true }, false);
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
