import { badUserInput } from '../../errors';
import { isRowId } from '../../pagination/cursor';

/** The GraphQL types that implement Node. */
export enum NodeType {
  Campaign = 'Campaign',
  Account = 'Account',
  Lead = 'Lead',
  Touch = 'Touch',
  Deal = 'Deal',
}

const nodeTypes = new Set<string>(Object.values(NodeType));

// Opaque to clients: base64url of "Type:id", so that an id names its type and node(id:) can find it.
export function toGlobalId(type: NodeType, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

export function parseGlobalId(value: string, argumentName: string): { type: NodeType; id: string } {
  const [type, id, ...rest] = Buffer.from(value, 'base64url').toString('utf8').split(':');
  if (rest.length > 0 || !nodeTypes.has(type) || id === undefined || !isRowId(id)) {
    throw badUserInput(`${argumentName} is not an id of this API; use the id field of a record`, { argumentName });
  }
  return { type: type as NodeType, id };
}

/** The row id in a global id of the expected type. */
export function rowIdOf(value: string, expected: NodeType, argumentName: string): string {
  const { type, id } = parseGlobalId(value, argumentName);
  if (type !== expected) {
    throw badUserInput(`${argumentName} is the id of a ${type}; a ${expected} id is needed`, { argumentName });
  }
  return id;
}

export function optionalRowIdOf(value: string | undefined | null, expected: NodeType, argumentName: string): string | undefined {
  return value == null ? undefined : rowIdOf(value, expected, argumentName);
}
