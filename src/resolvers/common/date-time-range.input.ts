import { Field, InputType } from 'type-graphql';
import { TimeRange } from '../../catalog/rows';
import { badUserInput } from '../../errors';

@InputType('DateTimeRange', {
  description: 'A half-open interval of time [from, to): from is included, to is not. Either end may be left open. '
    + 'Timestamps are ISO 8601; without an offset they are read as UTC.',
})
export class DateTimeRangeInput {
  @Field(() => Date, { nullable: true, description: 'Start, included. Omit for no lower bound.' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'End, excluded. Omit for no upper bound.' })
  to?: Date;
}

/** Checks the order of the ends; the message names the argument. */
export function timeRange(range: DateTimeRangeInput | undefined | null, argumentName: string): TimeRange | undefined {
  if (!range) return undefined;
  if (range.from && range.to && range.from >= range.to) {
    throw badUserInput(`${argumentName}.to must be after ${argumentName}.from`, { argumentName });
  }
  return { from: range.from ?? undefined, to: range.to ?? undefined };
}

/** The same for a period of calendar days given as YYYY-MM-DD. */
export function datePeriod(from: string | undefined | null, to: string | undefined | null): { from?: string; to?: string } {
  if (from && to && from >= to) throw badUserInput('to must be after from', { argumentName: 'to' });
  return { from: from ?? undefined, to: to ?? undefined };
}
