/**
 * Model options a caller got wrong. Kept free of GraphQL so the engine stays pure: resolvers
 * turn it into a BAD_USER_INPUT error with the same message.
 */
export class AttributionInputError extends Error {
  readonly code = 'BAD_USER_INPUT';

  constructor(message: string) {
    super(message);
    this.name = 'AttributionInputError';
  }
}
