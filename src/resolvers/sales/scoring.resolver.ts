import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Scope } from '../../auth/scope';
import type { LeadRow } from '../../catalog/lead.queries';
import type { Context } from '../../context';
import { UserErrorCode } from '../../ingest/user-error';
import { ScoringRuleSet } from '../../sales/lead-scoring.service';
import { UserError } from '../ingest/ingest.payload';
import { LeadObject } from '../lead/lead.type';
import { checkLimit } from '../common/report-checks';
import { NeglectedLeadsInput } from './sales-report.input';
import { LeadsByScoreInput, SetScoringRulesInput } from './scoring.input';
import { NeglectedLeadObject, ScoringRuleSetObject, SetScoringRulesPayload } from './scoring.type';

const MAX_RULES = 500;
const SLUG = /^[a-z][a-z0-9_]{0,62}$/;
// Scores are float8 sums of points times decay factors, and PostgreSQL raises an error on float8
// overflow and underflow: points keep sane magnitudes, and decay is no faster than hourly (a touch
// up to a day ahead then weighs at most 2^24 times its points).
const POINTS = { min: 0.001, max: 1_000_000 };
const MIN_HALF_LIFE_DAYS = 1 / 24;
const MAX_SLA_HOURS = 24 * 366;

const badPoints = (points: number) => points !== 0 && !(Math.abs(points) >= POINTS.min && Math.abs(points) <= POINTS.max);
const POINTS_RANGE = `points must be 0 or between ${POINTS.min} and ${POINTS.max} in absolute value`;

/** Expected problems of a scoring configuration, each with its input path. */
export function scoringInputErrors(input: SetScoringRulesInput): UserError[] {
  const errors: UserError[] = [];
  const add = (path: (string | number)[], code: UserErrorCode, message: string) =>
    errors.push({ path: ['input', ...path.map(String)], code, message });
  if (!(input.threshold > 0)) add(['threshold'], UserErrorCode.INVALID_VALUE, 'threshold must be greater than 0');
  if (!(input.slaHours > 0 && input.slaHours <= MAX_SLA_HOURS)) {
    add(['slaHours'], UserErrorCode.INVALID_VALUE, `slaHours must be greater than 0 and at most ${MAX_SLA_HOURS} (a year)`);
  }
  if (input.decayHalfLifeDays != null && !(input.decayHalfLifeDays >= MIN_HALF_LIFE_DAYS)) {
    add(['decayHalfLifeDays'], UserErrorCode.INVALID_VALUE, 'decayHalfLifeDays must be at least 1/24 (an hour); omit it for no decay');
  }
  if (input.rules.length > MAX_RULES) add(['rules'], UserErrorCode.TOO_LONG, `at most ${MAX_RULES} rules`);
  if (input.fitRules.length > MAX_RULES) add(['fitRules'], UserErrorCode.TOO_LONG, `at most ${MAX_RULES} fit rules`);
  const seen = new Set<string>();
  input.rules.forEach((rule, index) => {
    if (rule.touchType == null && rule.channel == null) add(['rules', index], UserErrorCode.REQUIRED, 'a rule needs a touchType, a channel or both');
    if (badPoints(rule.points)) add(['rules', index, 'points'], UserErrorCode.INVALID_VALUE, POINTS_RANGE);
    if (rule.channel != null && !SLUG.test(rule.channel)) add(['rules', index, 'channel'], UserErrorCode.INVALID_VALUE, `channel ${JSON.stringify(rule.channel)} is not a channel slug`);
    const key = `${rule.touchType ?? ''}/${rule.channel ?? ''}`;
    if (seen.has(key)) add(['rules', index], UserErrorCode.DUPLICATE_IN_BATCH, `another rule has the same touchType and channel`);
    seen.add(key);
  });
  const seenFit = new Set<string>();
  input.fitRules.forEach((rule, index) => {
    if (badPoints(rule.points)) add(['fitRules', index, 'points'], UserErrorCode.INVALID_VALUE, POINTS_RANGE);
    const key = `${rule.attribute}/${rule.value}`;
    if (seenFit.has(key)) add(['fitRules', index], UserErrorCode.DUPLICATE_IN_BATCH, 'another fit rule has the same attribute and value');
    seenFit.add(key);
  });
  input.nonMarketingChannels.forEach((channel, index) => {
    if (!SLUG.test(channel)) add(['nonMarketingChannels', index], UserErrorCode.INVALID_VALUE, `${JSON.stringify(channel)} is not a channel slug`);
  });
  return errors;
}

@Resolver()
export class ScoringResolver {
  @Query(() => ScoringRuleSetObject, { nullable: true, description: 'The scoring configuration in force, or an earlier version of it; null for an unknown version.' })
  scoringRules(
    @Arg('version', () => Int, { nullable: true, description: 'A version number; default the one in force.' }) version: number | undefined,
    @Ctx() { services }: Context,
  ): Promise<ScoringRuleSet | null> {
    return services.scoring.ruleSet(version);
  }

  @Authorized(Scope.ADMIN)
  @Mutation(() => SetScoringRulesPayload, {
    description: 'Replaces the scoring configuration (touch rules, fit rules, threshold, decay, SLA, non-marketing channels) with a new '
      + 'version and rescores every lead under it, set-based, in one transaction. Earlier versions stay readable. Needs an API key with scope admin.',
  })
  async setScoringRules(
    @Arg('input', () => SetScoringRulesInput, { description: 'The complete new configuration.' }) input: SetScoringRulesInput,
    @Ctx() { services }: Context,
  ): Promise<SetScoringRulesPayload> {
    const userErrors = scoringInputErrors(input);
    if (userErrors.length > 0) return { ruleSet: null, rescoredLeads: 0, userErrors };
    const { ruleSet, rescoredLeads } = await services.scoring.setRules({
      threshold: input.threshold,
      decayHalfLifeDays: input.decayHalfLifeDays ?? null,
      slaHours: input.slaHours,
      nonMarketingChannels: input.nonMarketingChannels,
      rules: input.rules.map((rule) => ({ touchType: rule.touchType ?? null, channel: rule.channel ?? null, points: rule.points })),
      fitRules: input.fitRules,
    });
    return { ruleSet, rescoredLeads, userErrors: [] };
  }

  @Query(() => [LeadObject], {
    description: 'Live leads by current score, highest first (ties: oldest record first). A bounded list rather than a cursor '
      + 'connection: scores decay continuously, so a keyset on them would not be stable between pages.',
  })
  async leadsByScore(
    @Arg('input', () => LeadsByScoreInput, { defaultValue: { limit: 50 }, description: 'Filters and size of the list.' }) input: LeadsByScoreInput,
    @Ctx() { services, loaders }: Context,
  ): Promise<LeadRow[]> {
    const ids = await services.scoring.topLeadIds({ salesReady: input.salesReady ?? undefined, minScore: input.minScore ?? undefined, limit: checkLimit(input.limit) });
    const leads = await loaders.leadById.loadMany(ids);
    return leads.filter((lead): lead is LeadRow => lead !== null && !(lead instanceof Error));
  }

  @Query(() => [NeglectedLeadObject], {
    description: 'Neglected leads: MQLs (their score reached the threshold at mqlAt) whose SLA deadline mqlAt + slaHours has passed '
      + 'with no sales touch (SALES_CALL, SALES_MEETING, SALES_EMAIL) since mqlAt, oldest MQL first.',
  })
  async neglectedLeads(
    @Arg('input', () => NeglectedLeadsInput, { defaultValue: { limit: 50 }, description: 'Size of the list.' }) input: NeglectedLeadsInput,
    @Ctx() { services, loaders }: Context,
  ): Promise<NeglectedLeadObject[]> {
    const neglected = await services.handoffSla.neglected(checkLimit(input.limit));
    const leads = await loaders.leadById.loadMany(neglected.map((row) => row.leadId));
    return neglected.flatMap(({ leadId: _leadId, ...row }, index) => {
      const lead = leads[index];
      return lead && !(lead instanceof Error) ? [{ ...row, lead }] : [];
    });
  }
}
