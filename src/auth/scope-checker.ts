import { AuthChecker } from 'type-graphql';
import type { Context } from '../context';
import { forbidden } from '../errors';
import { grants, Scope } from './scope';

/**
 * type-graphql's check for `@Authorized(scope)`: every request is already authenticated, so the
 * only question is whether the key's scope covers the one the field needs.
 */
export const scopeChecker: AuthChecker<Context, Scope> = ({ context, info }, [needed]) => {
  if (needed === undefined || grants(context.apiKey.scope, needed)) return true;
  throw forbidden(
    `${info.parentType.name}.${info.fieldName} needs an API key with scope ${needed}; key ${context.apiKey.id} has scope ${context.apiKey.scope}`,
    { neededScope: needed, keyScope: context.apiKey.scope },
  );
};
