import { OperationDefinitionNode, parse, print } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ExampleOperation {
  /** The operation's name, e.g. `AttributionByChannel`. */
  name: string;
  file: string;
  /** The comment lines at the top of the file. */
  description: string;
  query: string;
  /** Variables to start from: a placeholder for each required variable without a default. */
  variables: Record<string, string>;
}

function placeholders(operation: OperationDefinitionNode): Record<string, string> {
  const required = (operation.variableDefinitions ?? [])
    .filter((definition) => definition.type.kind === 'NonNullType' && !definition.defaultValue);
  return Object.fromEntries(required.map((definition) =>
    [definition.variable.name.value, `<${print(definition.type)}: see the comment above>`]));
}

/** The operations of docs/queries, read once at start-up. */
export function loadExampleOperations(folder: string): ExampleOperation[] {
  return readdirSync(folder).filter((file) => file.endsWith('.graphql')).sort().map((file) => {
    const query = readFileSync(join(folder, file), 'utf8');
    const operation = parse(query).definitions[0] as OperationDefinitionNode;
    const description = query.split('\n').filter((line) => line.startsWith('#')).map((line) => line.replace(/^#\s?/, '')).join(' ');
    return { name: operation.name!.value, file, description, query, variables: placeholders(operation) };
  });
}
