/** Loads many keys in one call: what one GraphQL request asks of it in the same turn. */
export type Batch<K, V> = (key: K) => Promise<V>;

/**
 * A batch loader: every `load(key)` made before the event loop's next turn (all the items of a
 * list, which GraphQL resolves together) is answered by one `loadMany` call. Made once per
 * request (see `perRequest`), so nothing outlives the request or crosses between readers.
 */
export const batchLoader = <K, V>(
  loadMany: (keys: K[]) => Promise<Map<K, V>>,
  fallback: V,
): Batch<K, V> => {
  let pending: Array<{ key: K; resolve: (value: V) => void; reject: (error: unknown) => void }> =
    [];
  const flush = () => {
    const batch = pending;
    pending = [];
    loadMany([...new Set(batch.map((item) => item.key))]).then(
      (values) => batch.forEach((item) => item.resolve(values.get(item.key) ?? fallback)),
      (error: unknown) => batch.forEach((item) => item.reject(error)),
    );
  };
  return (key) =>
    new Promise<V>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({ key, resolve, reject });
    });
};

/** One value per GraphQL request (keyed by its context object), made on first use. */
export const perRequest = <T>(make: () => T): ((context: object) => T) => {
  const made = new WeakMap<object, T>();
  return (context) => {
    let value = made.get(context);
    if (value === undefined) {
      value = make();
      made.set(context, value);
    }
    return value;
  };
};
