/** What the last look at the database found. */
export type ProbeResult = { up: true } | { up: false; reason: string };

export interface ProbeOptions {
  /** One cheap round trip (`select 1`); rejects when the database cannot answer. */
  ping: () => Promise<unknown>;
  /** A ping that has not answered in this long counts as down. */
  timeoutMs: number;
  /** How long a result is reused, so a flood of health checks is not a flood of queries. */
  cacheMs: number;
  /** Called when the database goes from up to down or back (for the log). */
  onChange?: (result: ProbeResult) => void;
  /** Milliseconds now (tests move it). */
  now?: () => number;
}

/**
 * The database's health, asked at most once per `cacheMs` (concurrent callers share one ping).
 * `check({ fresh: true })` does not trust a cached "up": a caller that has just seen a symptom
 * (a 401 from an authentication that may have swallowed a connection error) asks again, while a
 * cached "down" is still reused, so an outage does not become a stream of connection attempts.
 */
export const createDatabaseProbe = ({
  ping,
  timeoutMs,
  cacheMs,
  onChange,
  now = Date.now,
}: ProbeOptions) => {
  let last: { result: ProbeResult; at: number } | undefined;
  let pending: Promise<ProbeResult> | undefined;

  const record = (result: ProbeResult): ProbeResult => {
    if (last === undefined ? !result.up : last.result.up !== result.up) onChange?.(result);
    last = { result, at: now() };
    return result;
  };

  const pingOnce = async (): Promise<ProbeResult> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      timer.unref();
    });
    try {
      await Promise.race([ping(), timeout]);
      return record({ up: true });
    } catch (error) {
      const message = (error as { message?: unknown } | undefined)?.message;
      return record({ up: false, reason: typeof message === 'string' ? message : String(error) });
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    async check({ fresh = false }: { fresh?: boolean } = {}): Promise<ProbeResult> {
      if (last && now() - last.at < cacheMs && !(fresh && last.result.up)) return last.result;
      pending ??= pingOnce().finally(() => (pending = undefined));
      return pending;
    },

    /** A request has just met a connection error: down, without asking again for `cacheMs`. */
    reportDown(reason: string): void {
      record({ up: false, reason });
    },
  };
};

export type DatabaseProbe = ReturnType<typeof createDatabaseProbe>;
