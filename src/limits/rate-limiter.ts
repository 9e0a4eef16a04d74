const WINDOW_MS = 60_000;

/** What is left of a key's budget once a request is counted; `refused` when it was over. */
export interface RateBudget {
  limit: number;
  remaining: number;
  /** Seconds until the key's window ends and its budget is whole again. */
  resetSeconds: number;
  refused: boolean;
}

interface Window {
  start: number;
  used: number;
}

/**
 * Requests per API key in fixed one-minute windows, each starting at the key's first request
 * after the previous one ended. Counts live in this process's memory: each server process keeps
 * its own, and a restart forgets them. Ended windows are dropped at most a minute after they end,
 * so memory holds only the keys seen in the last two minutes.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();
  private nextSweep = 0;

  constructor(private readonly perMinute: number, private readonly now: () => number = Date.now) {}

  spend(keyId: string): RateBudget {
    const now = this.now();
    this.dropEnded(now);
    let window = this.windows.get(keyId);
    if (!window || now >= window.start + WINDOW_MS) {
      window = { start: now, used: 0 };
      this.windows.set(keyId, window);
    }
    window.used += 1;
    return {
      limit: this.perMinute,
      remaining: Math.max(0, this.perMinute - window.used),
      resetSeconds: Math.ceil((window.start + WINDOW_MS - now) / 1000),
      refused: window.used > this.perMinute,
    };
  }

  /** How many keys have a window in memory. */
  get size(): number {
    return this.windows.size;
  }

  private dropEnded(now: number): void {
    if (now < this.nextSweep) return;
    for (const [keyId, window] of this.windows) if (now >= window.start + WINDOW_MS) this.windows.delete(keyId);
    this.nextSweep = now + WINDOW_MS;
  }
}
