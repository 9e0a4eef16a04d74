import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import type { LeadRow } from '../../catalog/lead.queries';
import type { Context } from '../../context';
import { LeadObject } from '../lead/lead.type';
import { NodeType, toGlobalId } from '../node/global-id';
import { ScoredTouchObject } from './scoring.type';

// Score fields of Lead, batched per request through context.loaders.leadScores.
@Resolver(() => LeadObject)
export class LeadScoreFieldsResolver {
  @FieldResolver(() => Float, { description: "The lead's score now: fit points plus its touches' points, each decayed by 2^(-age / decayHalfLifeDays) (see ScoringRuleSet)." })
  async score(@Root() lead: LeadRow, @Ctx() { loaders }: Context): Promise<number> {
    return (await loaders.leadScores.scores.load(lead.id))?.score ?? 0;
  }

  @FieldResolver(() => Boolean, { description: 'True while the score is at least the threshold of the rules in force.' })
  async salesReady(@Root() lead: LeadRow, @Ctx() { loaders }: Context): Promise<boolean> {
    return (await loaders.leadScores.scores.load(lead.id))?.salesReady ?? false;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'MQL time: the first moment its running score (each touch\'s points decayed to that moment, plus fit points) reached '
      + 'the threshold, under the rules in force (recomputed when rules change); null if it never did.',
  })
  async mqlAt(@Root() lead: LeadRow, @Ctx() { loaders }: Context): Promise<Date | null> {
    return (await loaders.leadScores.scores.load(lead.id))?.mqlAt ?? null;
  }

  @FieldResolver(() => [ScoredTouchObject], { description: 'Every touch of the lead up to now, oldest first, with the rule it matched and the points it earns.' })
  async scoreBreakdown(@Root() lead: LeadRow, @Ctx() { loaders }: Context): Promise<ScoredTouchObject[]> {
    const touches = await loaders.leadScores.breakdowns.load(lead.id);
    return touches.map(({ leadId: _leadId, touchId, ...touch }) => ({ ...touch, touchId: toGlobalId(NodeType.Touch, touchId) }));
  }
}
