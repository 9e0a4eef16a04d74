/** Collects the values of one parameterised statement and hands out their $n placeholders. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** What the read services need of a DataSource: raw parameterised SQL. */
export interface Queryable {
  query<T>(sql: string, parameters?: unknown[]): Promise<T>;
}
