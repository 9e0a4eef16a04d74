import { pageRequest, PageArguments, PageRequest, SortKey } from '../../pagination/page-request';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

/** What every `*Order` input holds. */
export interface OrderInput<Field extends string> {
  field: Field;
  direction: OrderDirection;
}

/** The page to read in the requested order (or the list's default order). */
export function orderedPage<Field extends string>(
  args: PageArguments, order: OrderInput<Field> | undefined | null, fallback: OrderInput<Field>, sortKeys: Record<Field, SortKey>,
): PageRequest {
  const { field, direction } = order ?? fallback;
  return pageRequest(args, sortKeys[field], direction === OrderDirection.DESC);
}
