import type { Server, ServerResponse } from 'node:http';

/**
 * The requests under way, so that a shutdown can stop taking new ones and wait for these to
 * be answered before the last work (the view counter's final write) runs. Strapi's own
 * `destroy` closes the HTTP server only after the app's `destroy`, and then cuts open
 * connections: without this, requests keep arriving after the final write, and the views they
 * count are lost.
 */
export const createDrain = () => {
  let inFlight = 0;
  let draining = false;
  let idle: (() => void) | undefined;

  return {
    /** Whether the shutdown has begun: new requests are refused from then on. */
    get draining(): boolean {
      return draining;
    },

    /** Counts a request until its response is sent (or its connection dropped). */
    track(res: ServerResponse): void {
      inFlight += 1;
      res.once('close', () => {
        inFlight -= 1;
        if (inFlight === 0) idle?.();
      });
    },

    /**
     * Stops taking connections (Node closes the idle keep-alive ones), refuses requests that
     * still arrive on open connections, and resolves once every request under way is answered,
     * or after `timeoutMs` (what is then still open is cut by Strapi's own shutdown).
     * Answers how many requests were still under way at the deadline.
     */
    async drain(server: Server, timeoutMs: number): Promise<number> {
      draining = true;
      if (server.listening) server.close();
      if (inFlight === 0) return 0;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => (idle = resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
      idle = undefined;
      return inFlight;
    },
  };
};

export type Drain = ReturnType<typeof createDrain>;
