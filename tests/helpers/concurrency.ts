/** Bounded concurrency for tests and scripts (plain Node, no Jest globals). */

/** Runs `task` on every item, at most `limit` at a time, in order of the list. */
export const mapLimit = async <T, R>(items: T[], limit: number, task: (item: T) => Promise<R>) => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
};
