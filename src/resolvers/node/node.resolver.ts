import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RecordedRow } from '../../catalog/rows';
import type { Context } from '../../context';
import { visible } from '../common/visible';
import { NodeType, parseGlobalId } from './global-id';
import { Node, TypedNode } from './node.interface';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any record by its global id, whatever its type (Relay refetching). Null when there is none or it is soft-deleted.',
  })
  async node(
    @Arg('id', () => ID, { description: 'Global id of the record (the id field of any Node).' }) id: string,
    @Ctx() { loaders }: Context,
  ): Promise<(RecordedRow & TypedNode) | null> {
    const { type, id: rowId } = parseGlobalId(id, 'id');
    const loaderOf: Record<NodeType, { load(id: string): Promise<RecordedRow | null> }> = {
      [NodeType.Campaign]: loaders.campaignById,
      [NodeType.Account]: loaders.accountById,
      [NodeType.Lead]: loaders.leadById,
      [NodeType.Touch]: loaders.touchById,
      [NodeType.Deal]: loaders.dealById,
    };
    const row = visible(await loaderOf[type].load(rowId), false);
    return row && { ...row, __typename: type };
  }
}
