import type { Core } from '@strapi/strapi';

import { AVAILABILITY_SERVICE } from '../constants';
import { createDrain } from './drain';
import { createDatabaseProbe } from './probe';

export { answerUnavailable } from './answer';
export { createDrain, type Drain } from './drain';
export { isDatabaseUnavailable } from './outage';
export { createDatabaseProbe, type DatabaseProbe, type ProbeResult } from './probe';

/** The figures `/_health`, the outage answers and the shutdown use (docs/security.md). */
export const AVAILABILITY = {
  /** A `select 1` slower than this counts as the database being down. */
  probeTimeoutMs: 2000,
  /** A probe's result is reused this long: at most one `select 1` a second for health checks. */
  probeCacheMs: 1000,
  /** `Retry-After` of a 503 during a database outage. */
  outageRetryAfterSeconds: 5,
  /** `Retry-After` of a 503 sent while the instance shuts down (retry elsewhere, at once). */
  drainRetryAfterSeconds: 1,
  /** How long a shutdown waits for the requests under way before it writes the views anyway. */
  drainTimeoutMs: 10_000,
} as const;

/**
 * Whether this instance can serve: the database probe, and the drain that a shutdown starts.
 * One per Strapi instance, in Strapi's container.
 */
export const createAvailability = (strapi: Core.Strapi) => {
  let now = Date.now;
  const probe = createDatabaseProbe({
    ping: () => strapi.db.connection.raw('select 1'),
    timeoutMs: AVAILABILITY.probeTimeoutMs,
    cacheMs: AVAILABILITY.probeCacheMs,
    now: () => now(),
    onChange: (result) =>
      result.up
        ? strapi.log.info('database reachable again')
        : strapi.log.warn(`database unreachable: ${result.reason}`),
  });
  const drain = createDrain();

  return {
    probe,
    drain,
    /**
     * Shutdown, first step: no new request, the ones under way answered. Strapi runs the app's
     * `destroy` before it closes its HTTP server, so the app closes it here.
     */
    async stopServing(): Promise<void> {
      const left = await drain.drain(strapi.server.httpServer, AVAILABILITY.drainTimeoutMs);
      if (left > 0) {
        strapi.log.warn(`shutdown: ${left} request(s) still under way after the drain timeout`);
      }
    },
    /** Tests: the probe's cache reads this clock (milliseconds). */
    useClock(clock: () => number): void {
      now = clock;
    },
  };
};

export type Availability = ReturnType<typeof createAvailability>;

/** Puts this instance's availability in Strapi's container (from `register`). */
export const registerAvailability = (strapi: Core.Strapi): void => {
  strapi.add(AVAILABILITY_SERVICE, () => createAvailability(strapi));
};

/** This instance's availability. */
export const availabilityOf = (strapi: Core.Strapi): Availability =>
  strapi.get<Availability>(AVAILABILITY_SERVICE);
