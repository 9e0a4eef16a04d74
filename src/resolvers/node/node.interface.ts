import { Field, ID, InterfaceType } from 'type-graphql';

/** What node(id:) returns: a row tagged with its GraphQL type. */
export interface TypedNode {
  __typename: string;
}

@InterfaceType('Node', {
  description: 'A record with a global id: any such id can be fetched again with node(id:), whatever its type.',
  resolveType: (value: TypedNode) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id of the record (it encodes its type). Stable: store it, pass it back.' })
  id: string;
}
