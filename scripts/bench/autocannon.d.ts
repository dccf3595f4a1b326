/**
 * The part of autocannon 8 the bench uses. autocannon ships no types; `@types/autocannon` would
 * replace this file (not installed: see the bench's README section).
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  namespace autocannon {
    interface RequestData {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
    }

    interface Request extends RequestData {
      setupRequest?: (request: RequestData) => RequestData;
      onResponse?: (status: number, body: string) => void;
    }

    interface Options {
      url: string;
      connections?: number;
      /** Seconds before a request counts as timed out. */
      timeout?: number;
      amount?: number;
      /** Seconds. */
      duration?: number;
      headers?: Record<string, string>;
      requests?: Request[];
    }

    interface Result {
      errors: number;
      timeouts: number;
      non2xx: number;
      statusCodeStats: Record<string, { count: number }>;
    }

    interface Instance extends EventEmitter, PromiseLike<Result> {
      on(
        event: 'response',
        listener: (client: unknown, status: number, bytes: number, responseTime: number) => void,
      ): this;
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;

  export = autocannon;
}
