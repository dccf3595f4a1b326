/**
 * Interrupting the bench (Ctrl-C, SIGTERM) still drops its databases, and exits through
 * `process.exit`, whose exit hook in the tests' process helper kills the app (a process group of
 * its own, which the terminal's signal does not reach).
 */

type Cleanup = () => Promise<void>;

const cleanups = new Set<Cleanup>();

const interrupted = async (signal: NodeJS.Signals): Promise<void> => {
  process.stderr.write(`\nbench: ${signal} received, stopping.\n`);
  for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  process.exit(130);
};

(['SIGINT', 'SIGTERM', 'SIGHUP'] as const).forEach((signal) =>
  process.once(signal, () => void interrupted(signal)),
);

/** Runs `cleanup` if the bench is interrupted before the returned function is called. */
export const onInterrupt = (cleanup: Cleanup): (() => void) => {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
};
