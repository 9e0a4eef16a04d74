import { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, FieldNode, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { Context } from '../context';
import { ErrorCode } from '../errors';
import { grants, Scope } from './scope';

/** The scope that each root field's @Authorized asks for, keyed `query.name` or `mutation.name`. */
function rootFieldScopes(): Map<string, Scope> {
  const storage = getMetadataStorage();
  const needed = new Map<string, Scope>();
  for (const [type, resolvers] of [['query', storage.queries], ['mutation', storage.mutations]] as const) {
    for (const { target, methodName, schemaName } of resolvers) {
      const authorized = storage.authorizedFields.find((field) => field.target === target && field.fieldName === methodName)
        ?? storage.authorizedResolver.find((resolver) => resolver.target === target);
      const scope = authorized?.roles[0] as Scope | undefined;
      if (scope) needed.set(`${type}.${schemaName}`, scope);
    }
  }
  return needed;
}

/** The root fields an operation selects, through fragments; @skip and @include are not evaluated. */
function rootFields(selectionSet: SelectionSetNode, document: DocumentNode, seen = new Set<string>()): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, document, seen);
    if (seen.has(selection.name.value)) return [];
    seen.add(selection.name.value);
    const fragment = document.definitions.find((definition) => definition.kind === Kind.FRAGMENT_DEFINITION
      && definition.name.value === selection.name.value);
    return fragment?.kind === Kind.FRAGMENT_DEFINITION ? rootFields(fragment.selectionSet, document, seen) : [];
  });
}

interface Refused {
  name: string;
  needed: Scope;
}

function refusedFields(operation: OperationDefinitionNode, document: DocumentNode, scopes: Map<string, Scope>, held: Scope): Refused[] {
  const type = operation.operation === 'mutation' ? 'Mutation' : 'Query';
  return rootFields(operation.selectionSet, document).flatMap((field) => {
    const needed = scopes.get(`${operation.operation}.${field.name.value}`);
    return needed && !grants(held, needed) ? [{ name: `${type}.${field.name.value}`, needed }] : [];
  });
}

/** One refusal for the whole operation, naming every field the key may not use. */
function forbiddenOperation(refused: Refused[], key: Context['apiKey']): GraphQLError {
  const fields = refused.map(({ name, needed }) => `${name} needs an API key with scope ${needed}`).join('; ');
  const neededScope = refused.map(({ needed }) => needed).sort((a, b) => (grants(a, b) ? -1 : 1))[0];
  return new GraphQLError(`${fields}; key ${key.id} has scope ${key.scope}. Nothing in this operation was run.`, {
    extensions: { code: ErrorCode.FORBIDDEN, neededScope, keyScope: key.scope, fields: refused.map(({ name }) => name), http: { status: 403 } },
  });
}

/**
 * Refuses a whole operation before anything executes when any of its root fields needs a scope the
 * key lacks: a mutation document that mixes an allowed and a forbidden field must not commit the
 * allowed part. The resolvers' own @Authorized checks stay as the second line.
 */
export function operationScopePlugin(): ApolloServerPlugin<Context> {
  let scopes: Map<string, Scope> | undefined;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (!operation) return;
          scopes ??= rootFieldScopes();
          const refused = refusedFields(operation, document, scopes, contextValue.apiKey.scope);
          if (refused.length > 0) throw forbiddenOperation(refused, contextValue.apiKey);
        },
      };
    },
  };
}
