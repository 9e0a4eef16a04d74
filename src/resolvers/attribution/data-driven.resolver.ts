import { Arg, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { MarkovState } from '../../attribution/data-driven';
import { badUserInput, limitExceeded } from '../../errors';
import { AttributionReport } from './attribution-report.type';
import { MarkovDetails, MarkovTransitionObject, PathTablePage } from './data-driven.type';

const MAX_PAGE = 500;

const stateLabel = (state: MarkovState) => (state.kind === 'KEYS' ? state.keys.join(' > ') : state.kind);

function pageSize(first: number): number {
  if (first > MAX_PAGE) throw limitExceeded('MAX_MODEL_PAGE_SIZE', MAX_PAGE, first, 'first');
  if (!Number.isInteger(first) || first < 1) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE}; got ${first}`, { argumentName: 'first', min: 1, max: MAX_PAGE });
  }
  return first;
}

// The path table is built per report in the process, so its cursor is simply an opaque offset.
const encodeCursor = (offset: number) => Buffer.from(`paths:${offset}`).toString('base64url');

function decodeCursor(cursor: string): number {
  const match = /^paths:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badUserInput('after is not a cursor of this path table', { argumentName: 'after' });
  return Number(match[1]);
}

@Resolver(() => MarkovDetails)
export class MarkovDetailsResolver {
  @FieldResolver(() => [MarkovTransitionObject], { description: 'Transitions, highest probability first: the top `first` by default, every one with all: true.' })
  transitions(@Root() details: MarkovDetails,
    @Arg('first', () => Int, { defaultValue: 20, description: 'How many transitions, 1 to 500 (ignored with all: true).' }) first: number,
    @Arg('all', { defaultValue: false, description: 'True for every transition of the chain.' }) all: boolean): MarkovTransitionObject[] {
    const transitions = details.allTransitions.list(all ? undefined : pageSize(first));
    return transitions.map(({ from, to, probability }) => ({ from: stateLabel(from), to: stateLabel(to), probability }));
  }
}

@Resolver(() => AttributionReport)
export class AttributionReportResolver {
  @FieldResolver(() => PathTablePage, { nullable: true, description: 'Data-driven models: the path table they learned from (path, journeys, conversions, value), most frequent first, paged. Journeys left without a touch (by the lookback, the filters or the contacts rule) are no path: they are not listed, and a won one stays in UNATTRIBUTED. Null for rule-based models.' })
  paths(@Root() report: AttributionReport,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 500.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null): PathTablePage | null {
    if (!report.pathTable) return null;
    const { format } = report.pathTable;
    const rows = report.pathTable.rows();
    const start = after ? decodeCursor(after) : 0;
    const end = start + pageSize(first);
    return {
      totalCount: rows.length,
      nodes: rows.slice(start, end).map(format),
      endCursor: end < rows.length ? encodeCursor(end) : null,
    };
  }
}
