import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { Edge } from '../../pagination/connection';
import { PageInfoObject } from './page-info.type';

/**
 * The Relay connection and edge types of a list of `plural` (e.g. "deals"), named
 * `${name}Connection` and `${name}Edge`.
 */
export function connectionType<Node extends object>(name: string, nodeType: ClassType<Node>, plural: string) {
  @ObjectType(`${name}Edge`, { description: `One of the ${plural} of a page, with its cursor.` })
  class EdgeObject {
    @Field({ description: 'Opaque position of this item in the list and order: pass it as after or before to page from here.' })
    cursor: string;

    @Field(() => nodeType, { description: 'The item.' })
    node: Node;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of ${plural}, read by keyset cursor: pages stay consistent while records are added.`,
  })
  class ConnectionObject {
    @Field(() => [EdgeObject], { description: `The ${plural} of this page with their cursors, in list order.` })
    edges: Edge<Node>[];

    @Field(() => [nodeType], { description: `The ${plural} of this page, in list order (edges without cursors).` })
    nodes: Node[];

    @Field(() => PageInfoObject, { description: 'Cursors and whether more pages exist.' })
    pageInfo: PageInfoObject;

    countTotal: () => Promise<number>;

    @Field(() => Int, {
      description: `How many ${plural} match the filters, across all pages. Costs one more query: ask only when needed.`,
    })
    totalCount(): Promise<number> {
      return this.countTotal();
    }
  }

  return ConnectionObject;
}
