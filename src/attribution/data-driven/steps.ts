/**
 * A long computation cut into steps: it yields between them, so that its caller can give other
 * work a turn, or stop it. Each step is short (at most one pass over a chain's transitions).
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
