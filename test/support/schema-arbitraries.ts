import fc from 'fast-check';
import {
  getNamedType, getNullableType, GraphQLArgument, GraphQLField, GraphQLInputField, GraphQLInputObjectType, GraphQLInputType,
  GraphQLOutputType, GraphQLSchema, isEnumType, isInputObjectType, isInterfaceType, isLeafType, isListType, isNonNullType,
  isObjectType,
} from 'graphql';
import { garbageFloat, garbageInt, garbageText, wrongType } from './garbage';

// Operations and garbage variables derived from the schema itself, so that every argument of every
// root field is fuzzed, including arguments added later.

export interface Hints {
  /** Plausible values of text fields and arguments, by name: the type alone does not say what fits. */
  byName: Record<string, fc.Arbitrary<unknown>>;
  /** Plausible values of scalars, by scalar name. */
  byScalar: Record<string, fc.Arbitrary<unknown>>;
}

export interface FuzzOperation {
  /** The root field, also the key of its result in `data`. */
  field: string;
  /** The one argument fuzzed, when the others are left out. */
  argument?: string;
  query: string;
  variables: fc.Arbitrary<Record<string, unknown>>;
}

const required = (input: GraphQLArgument | GraphQLInputField) => isNonNullType(input.type) && input.defaultValue === undefined;

const TYPED_GARBAGE: Record<string, fc.Arbitrary<unknown>> = { Int: garbageInt, Float: garbageFloat, Boolean: fc.boolean() };

// Most values are plausible, so that requests get past coercion into the resolvers; the rest are
// garbage of the right type or of a wrong one.
function leafOf(type: GraphQLInputType, name: string, hints: Hints): fc.Arbitrary<unknown> {
  const named = getNamedType(type);
  const typed = TYPED_GARBAGE[named.name] ?? garbageText;
  const plausible = isEnumType(named)
    ? fc.constantFrom(...named.getValues().map((value) => value.name))
    : (named.name === 'String' ? hints.byName[name] : undefined) ?? hints.byScalar[named.name] ?? typed;
  return fc.oneof({ arbitrary: plausible, weight: 36 }, { arbitrary: typed, weight: 3 }, { arbitrary: wrongType, weight: 1 });
}

function inputObjectOf(type: GraphQLInputObjectType, hints: Hints): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.values(type.getFields());
  return fc.record(
    Object.fromEntries(fields.map((field) => [field.name, valueOf(field.type, field.name, hints)])),
    { requiredKeys: fields.filter(required).map((field) => field.name) },
  );
}

function valueOf(type: GraphQLInputType, name: string, hints: Hints): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return fc.oneof({ arbitrary: valueOf(type.ofType, name, hints), weight: 30 }, { arbitrary: fc.constant(null), weight: 1 });
  }
  // A single value where a list is expected is legal GraphQL: it becomes a list of one.
  if (isListType(type)) return fc.oneof({ arbitrary: fc.array(valueOf(type.ofType, name, hints), { maxLength: 3 }), weight: 9 }, valueOf(type.ofType, name, hints));
  if (isInputObjectType(type)) return fc.oneof({ arbitrary: inputObjectOf(type, hints), weight: 30 }, wrongType);
  return leafOf(type, name, hints);
}

// An argument with a default accepts a nullable variable, which may then be omitted.
const variableType = (argument: GraphQLArgument) =>
  String(isNonNullType(argument.type) && argument.defaultValue !== undefined ? argument.type.ofType : argument.type);

/** Every scalar of the result up to `depth` levels down; fields that need arguments are left out. */
function selectionOf(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  const fields = isObjectType(named) || isInterfaceType(named) ? Object.values(named.getFields()) : [];
  const selected = fields
    .filter((field) => !field.args.some(required) && (depth > 1 || isLeafType(getNamedType(field.type))))
    .map((field) => `${field.name} ${selectionOf(field.type, depth - 1)}`.trim());
  return `{ __typename ${selected.join(' ')} }`;
}

/** The operation on one root field with all its arguments as variables, the result selected two levels deep. */
function fuzzOperation(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, hints: Hints): FuzzOperation {
  const declarations = field.args.map((argument) => `$${argument.name}: ${variableType(argument)}`);
  const uses = field.args.map((argument) => `${argument.name}: $${argument.name}`);
  const list = (items: string[]) => (items.length ? `(${items.join(', ')})` : '');
  return {
    field: field.name,
    query: `${kind}${list(declarations)} { ${field.name}${list(uses)} ${selectionOf(field.type, 2)} }`,
    variables: fc.record(
      Object.fromEntries(field.args.map((argument) => [argument.name, valueOf(argument.type, argument.name, hints)])),
      { requiredKeys: field.args.filter(required).map((argument) => argument.name) },
    ),
  };
}

/** One fuzz operation per root field of `kind`. */
export function fuzzOperations(schema: GraphQLSchema, kind: 'query' | 'mutation', hints: Hints): FuzzOperation[] {
  const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(root!.getFields()).map((field) => fuzzOperation(kind, field, hints));
}

/** One operation per text argument of every root query field, with `text` as its value (a list of it for list arguments). */
export function textArgumentOperations(schema: GraphQLSchema, text: fc.Arbitrary<string>): FuzzOperation[] {
  return Object.values(schema.getQueryType()!.getFields()).flatMap((field) => field.args
    .filter((argument) => getNamedType(argument.type).name === 'String')
    .map((argument) => ({
      field: field.name,
      argument: argument.name,
      query: `query($value: ${String(argument.type)}) { ${field.name}(${argument.name}: $value) ${selectionOf(field.type, 2)} }`,
      variables: (isListType(getNullableType(argument.type)) ? fc.array(text, { minLength: 1, maxLength: 3 }) : text)
        .map((value) => ({ value })),
    })));
}
