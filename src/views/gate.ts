/**
 * Lets many readers in at once, or one writer alone. The view counter answers "stored total +
 * unwritten views"; a flush that commits while such a read is under way would make the answer
 * miss (or count twice) what it wrote. Readers here are one quick query, so a flush waits at most
 * that long; readers that arrive while a flush waits queue behind it, so it is never starved.
 */
export const createReadWriteGate = () => {
  let readers = 0;
  let writer: Promise<void> | undefined;
  let drained: (() => void) | undefined;

  return {
    async read<T>(work: () => Promise<T>): Promise<T> {
      while (writer) await writer.catch(() => undefined);
      readers += 1;
      try {
        return await work();
      } finally {
        readers -= 1;
        if (readers === 0) drained?.();
      }
    },

    /** Runs `work` once no read is under way; concurrent calls share one run. */
    write(work: () => Promise<void>): Promise<void> {
      if (writer) return writer;
      const run = async () => {
        if (readers > 0) await new Promise<void>((resolve) => (drained = resolve));
        drained = undefined;
        await work();
      };
      writer = run().finally(() => (writer = undefined));
      return writer;
    },
  };
};
