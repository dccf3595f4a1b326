/**
 * Views sent over HTTP to a Strapi in another process, as browsers send them. Plain Node (no Jest
 * globals), so a `tsx` script can use it too (`scripts/shutdown-loss.ts`).
 */

import { browserUserAgent } from './user-agent';

export { browserUserAgent };

/** `POST /api/articles/:documentId/views` to a Strapi at `url` (another process), as one browser. */
export const postViewTo = async (url: string, documentId: string, visitor: number | string) => {
  const res = await fetch(`${url}/api/articles/${documentId}/views`, {
    method: 'POST',
    headers: { 'User-Agent': browserUserAgent(visitor) },
  });
  return {
    status: res.status,
    body: (await res.json()) as { data: { documentId: string; views: number; counted: boolean } },
  };
};

export interface ViewStream {
  /** Views answered 200 and counted so far. */
  readonly acknowledged: number;
  /** Views answered 200 but not counted (a new visitor each time: should stay 0). */
  readonly uncounted: number;
  /** Resolves once `n` views are acknowledged. */
  reached(n: number): Promise<void>;
  /** Resolves when every sender has stopped: the server refused a view or stopped answering. */
  readonly done: Promise<void>;
}

/**
 * Views sent to a Strapi at `url` without pause by `concurrency` senders, each view from a new
 * visitor, until the server stops answering 200 (a 503, a refused or cut connection).
 */
export const streamViews = (url: string, documentId: string, concurrency: number): ViewStream => {
  let acknowledged = 0;
  let uncounted = 0;
  let sent = 0;
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const send = async (): Promise<void> => {
    for (;;) {
      const visitor = `stream-${(sent += 1)}`;
      const res = await postViewTo(url, documentId, visitor).catch(() => undefined);
      if (res?.status !== 200) return;
      if (!res.body.data.counted) uncounted += 1;
      else acknowledged += 1;
      waiters.filter((w) => acknowledged >= w.n).forEach((w) => w.resolve());
    }
  };
  const done = Promise.all(Array.from({ length: concurrency }, send)).then(() => {
    waiters.forEach((w) => w.resolve());
  });
  return {
    get acknowledged() {
      return acknowledged;
    },
    get uncounted() {
      return uncounted;
    },
    reached: (n) =>
      acknowledged >= n
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ n, resolve })),
    done,
  };
};
