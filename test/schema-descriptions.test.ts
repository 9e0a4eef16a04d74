import {
  GraphQLNamedType, isEnumType, isInputObjectType, isInterfaceType, isIntrospectionType, isObjectType, isSpecifiedScalarType,
} from 'graphql';
import { appSchema } from '../src/schema';

const blank = (description: string | null | undefined) => !description?.trim();

/** Every type, field, argument, input field and enum value that has no description. */
function undocumented(type: GraphQLNamedType): string[] {
  const missing = blank(type.description) ? [type.name] : [];
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args) if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
    }
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
  }
  if (isEnumType(type)) {
    for (const value of type.getValues()) if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

test('every type, field, argument and enum value of the schema has a description', () => {
  const types = Object.values(appSchema().getTypeMap()).filter((type) => !isIntrospectionType(type) && !isSpecifiedScalarType(type));
  expect(types.flatMap(undocumented)).toEqual([]);
});
