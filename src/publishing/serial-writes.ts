import type { DocumentMiddleware } from './context';
import { SLUG_SOURCE_FIELD } from './slug';

const queues = new Map<string, Promise<void>>();

/**
 * Creates and updates of a slugged type run one at a time in this process, each to its commit,
 * so two articles saved at once cannot both be given the same free slug. Editorial writes are
 * few; readers are not affected. (Across several instances the publish rule, which refuses a
 * slug another article has, remains the guard.) Outermost, so the lock spans the transaction.
 */
export const serialWritesMiddleware: DocumentMiddleware = async (ctx, next) => {
  if (!SLUG_SOURCE_FIELD[ctx.uid] || (ctx.action !== 'create' && ctx.action !== 'update')) {
    return next();
  }
  const previous = queues.get(ctx.uid) ?? Promise.resolve();
  let release: () => void = () => undefined;
  const turn = new Promise<void>((resolve) => (release = resolve));
  const tail = previous.then(() => turn);
  queues.set(ctx.uid, tail);
  await previous;
  try {
    return await next();
  } finally {
    release();
    if (queues.get(ctx.uid) === tail) queues.delete(ctx.uid);
  }
};
