/**
 * Views totals for the article list's "Views" column, asked in one request per page of rows:
 * every cell asks for its article's total as it mounts, the asks of one render are gathered
 * and sent together to `/newsroom-views/totals` (src/views/admin-routes.ts).
 */

/** How long a fetched total is shown before the list asks again (a new page, a refresh). */
const FRESH_MS = 30_000;
/** The route's limit of ids per request. */
const MAX_IDS = 100;

type Get = <T>(url: string) => Promise<{ data: T }>;
type Resolve = (views: number | null) => void;

const fetched = new Map<string, { views: number; at: number }>();
let waiting = new Map<string, Resolve[]>();
let scheduled = false;

export const totalsUrl = (documentIds: readonly string[]) =>
  `/newsroom-views/totals?documentIds=${documentIds.map(encodeURIComponent).join(',')}`;

const flush = async (get: Get): Promise<void> => {
  scheduled = false;
  const batch = waiting;
  waiting = new Map();
  const ids = [...batch.keys()];
  for (let start = 0; start < ids.length; start += MAX_IDS) {
    const chunk = ids.slice(start, start + MAX_IDS);
    try {
      const { data } = await get<{ data: Record<string, number> }>(totalsUrl(chunk));
      const at = Date.now();
      for (const id of chunk) {
        const views = data.data[id] ?? 0;
        fetched.set(id, { views, at });
        batch.get(id)?.forEach((resolve) => resolve(views));
      }
    } catch {
      for (const id of chunk) batch.get(id)?.forEach((resolve) => resolve(null));
    }
  }
};

/** An article's total views (`null` when they could not be loaded), batched with its page. */
export const viewsTotal = (get: Get, documentId: string): Promise<number | null> => {
  const known = fetched.get(documentId);
  if (known && Date.now() - known.at < FRESH_MS) return Promise.resolve(known.views);
  return new Promise((resolve) => {
    waiting.set(documentId, [...(waiting.get(documentId) ?? []), resolve]);
    if (!scheduled) {
      scheduled = true;
      // After the render's effects: every row of the page has asked by then.
      setTimeout(() => void flush(get), 0);
    }
  });
};
