import { DataSource } from 'typeorm';

// PostgreSQL's own zone names (lower case: both it and Intl match them ignoring case). Node's ICU
// knows zones that PostgreSQL's tz database dropped (US/Pacific-New): a report must not reach the
// database with one. Read once per process: the list changes only with a PostgreSQL upgrade.
let databaseZones: ReadonlySet<string> | undefined;

export async function loadTimeZoneNames(dataSource: DataSource): Promise<void> {
  if (databaseZones) return;
  const rows = await dataSource.query<Array<{ name: string }>>('SELECT name FROM pg_timezone_names');
  databaseZones = new Set(rows.map((row) => row.name.toLowerCase()));
}

/** Whether both Node and PostgreSQL know the IANA zone `name` (PostgreSQL's list once loaded). */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
  } catch {
    return false;
  }
  return databaseZones?.has(name.toLowerCase()) ?? true;
}
