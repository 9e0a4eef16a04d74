// Marks of server internals in a response: PostgreSQL error texts, driver and network errors,
// stack frames and source paths. A client must never see one: they help an attacker and tell a
// user nothing they can act on.
const INTERNALS: readonly RegExp[] = [
  /SELECT /, /INSERT INTO/, /syntax error at/, /relation "/, /violates/, /duplicate key/, /QueryFailedError/,
  /\bat [\w.<>]+ \(/, /\bat (file:\/\/)?\/\S+:\d+/, /stacktrace/i, /node_modules/, /\.(ts|js):\d+/,
  /ECONNREFUSED|ECONNRESET|Connection terminated|terminating connection/,
];

/** The internal marks found in `text`; empty when it is clean. */
export function leakedInternals(text: string): string[] {
  return INTERNALS.filter((pattern) => pattern.test(text)).map(String);
}
