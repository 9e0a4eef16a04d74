import DataLoader from 'dataloader';

/** A key of a field with arguments: which parent, and the field's arguments. */
export interface GroupedKey<Args> {
  parentId: string;
  args: Args;
}

/**
 * A DataLoader whose keys are (parent, arguments): keys with equal arguments are fetched together,
 * one call of `fetch` per distinct arguments.
 */
export function groupedLoader<Args, Value>(
  fetch: (parentIds: string[], args: Args) => Promise<Map<string, Value>>,
): DataLoader<GroupedKey<Args>, Value, string> {
  return new DataLoader<GroupedKey<Args>, Value, string>(async (keys) => {
    const groups = new Map<string, { args: Args; parentIds: string[] }>();
    for (const { parentId, args } of keys) {
      const group = JSON.stringify(args);
      const entry = groups.get(group) ?? { args, parentIds: [] };
      entry.parentIds.push(parentId);
      groups.set(group, entry);
    }
    const results = new Map(await Promise.all([...groups].map(async ([group, { args, parentIds }]) =>
      [group, await fetch(parentIds, args)] as const)));
    return keys.map(({ parentId, args }) => {
      const value = results.get(JSON.stringify(args))?.get(parentId);
      return value === undefined ? new Error(`no result for parent ${parentId}`) : value;
    });
  }, { cacheKeyFn: ({ parentId, args }) => `${parentId}:${JSON.stringify(args)}` });
}
