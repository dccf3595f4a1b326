import type { DayCount } from './store';

type Counts = Map<string, Map<string, number>>;

/**
 * Views counted by this process and not written yet, per article and day. `flush` hands them to
 * `write` (atomic `+ n` upserts); what a failed write held is put back and goes with the next one.
 */
export const createViewBuffer = (write: (counts: DayCount[]) => Promise<void>) => {
  let pending: Counts = new Map();
  let writing: Counts = new Map();
  let flushing: Promise<DayCount[]> | undefined;

  const sum = (counts: Counts, documentId: string): number => {
    let total = 0;
    counts.get(documentId)?.forEach((views) => (total += views));
    return total;
  };

  const merge = (into: Counts, from: Counts): void => {
    from.forEach((days, documentId) => {
      const target = into.get(documentId) ?? new Map<string, number>();
      days.forEach((views, day) => target.set(day, (target.get(day) ?? 0) + views));
      into.set(documentId, target);
    });
  };

  const flushOnce = async (): Promise<DayCount[]> => {
    if (pending.size === 0) return [];
    writing = pending;
    pending = new Map();
    const counts: DayCount[] = [];
    writing.forEach((days, documentId) =>
      days.forEach((views, day) => counts.push({ documentId, day, views })),
    );
    try {
      await write(counts);
      return counts;
    } catch (error) {
      merge(pending, writing);
      throw error;
    } finally {
      writing = new Map();
    }
  };

  return {
    add(documentId: string, day: string, views = 1): void {
      const days = pending.get(documentId) ?? new Map<string, number>();
      days.set(day, (days.get(day) ?? 0) + views);
      pending.set(documentId, days);
    },

    /** Views of this document counted here and not yet in the database. */
    unwritten: (documentId: string): number => sum(pending, documentId) + sum(writing, documentId),

    /** How many views wait to be written, all articles together. */
    size(): number {
      let total = 0;
      pending.forEach((days) => days.forEach((views) => (total += views)));
      return total;
    },

    /** Writes what is pending and answers what it wrote; concurrent calls share one write. */
    async flush(): Promise<DayCount[]> {
      while (flushing) await flushing.catch(() => undefined);
      flushing = flushOnce().finally(() => (flushing = undefined));
      return flushing;
    },
  };
};

export type ViewBuffer = ReturnType<typeof createViewBuffer>;
