import qs from 'qs';

/** How Strapi's `strapi::query` parses a query string (its defaults in @strapi/core). */
const QS_OPTIONS = { strictNullHandling: true, arrayLimit: 100, depth: 20 } as const;

/** The top-level query keys Strapi's content API reads on `find`/`findOne`. */
export const CONTENT_API_QUERY_KEYS = [
  'filters',
  'populate',
  'fields',
  'sort',
  'pagination',
  'locale',
] as const;

/** The raw key of a request: method-agnostic (HEAD is served from GET's entry), path + query. */
export const rawKey = (path: string, querystring: string): string =>
  querystring ? `${path}?${querystring}` : path;

const sortedDeep = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortedDeep((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
};

/**
 * The normalised key of a request, looked up when its raw key misses: the query parsed as Strapi
 * parses it, only the keys the route reads kept (so `status`, `publicationFilter`, which the
 * public guards override, and unknown keys make no distinct entries), keys sorted at every level.
 */
export const normalisedKey = (
  path: string,
  querystring: string,
  queryKeys: readonly string[],
): string => {
  const parsed = qs.parse(querystring, QS_OPTIONS) as Record<string, unknown>;
  const kept = Object.fromEntries(
    queryKeys.filter((key) => key in parsed).map((key) => [key, parsed[key]]),
  );
  return rawKey(
    path,
    qs.stringify(sortedDeep(kept), { encodeValuesOnly: true, strictNullHandling: true }),
  );
};
