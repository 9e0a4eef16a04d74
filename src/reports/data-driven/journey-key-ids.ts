/**
 * Numbers the keys of journeys sent as comma-separated tokens, as they come: one lookup per token,
 * and no string array per journey. `keyOf` names a token's key (a campaign id's externalId);
 * tokens of the same key get the same id.
 */
export class JourneyKeyIds {
  /** Each key once, at its id. */
  readonly keys: string[] = [];
  private readonly idOfToken = new Map<string, number>();
  private readonly idOfKey = new Map<string, number>();

  constructor(private readonly keyOf: (token: string) => string = (token) => token) {}

  /** The ids of the keys of `tokens` in order; none for null or ''. */
  idsOf(tokens: string | null): number[] {
    if (!tokens) return [];
    return tokens.split(',').map((token) => this.idOfToken.get(token) ?? this.number(token));
  }

  /**
   * The keys in code-unit order, and each list of ids (each list once) renumbered to match, in
   * place: the models then take the rows as they are (canonicalRows). Numbering stops here.
   */
  renumberInKeyOrder(idLists: readonly number[][]): string[] {
    const order = this.keys.map((_, id) => id).sort((a, b) => (this.keys[a] < this.keys[b] ? -1 : 1));
    const renumbered = new Int32Array(order.length);
    order.forEach((id, rank) => { renumbered[id] = rank; });
    for (const ids of idLists) {
      for (let at = 0; at < ids.length; at += 1) ids[at] = renumbered[ids[at]];
    }
    return order.map((id) => this.keys[id]);
  }

  private number(token: string): number {
    const key = this.keyOf(token);
    let id = this.idOfKey.get(key);
    if (id === undefined) {
      id = this.keys.length;
      this.keys.push(key);
      this.idOfKey.set(key, id);
    }
    this.idOfToken.set(token, id);
    return id;
  }
}
