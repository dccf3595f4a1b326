import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** Deeper than any body the API or the admin sends (rich text nests lists a few levels). */
export const MAX_BODY_DEPTH = 64;

/** How deep `value` nests, counted without recursion (so a hostile body cannot overflow it). */
const depthOf = (value: unknown, limit: number): number => {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 1]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop() as [unknown, number];
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return deepest;
};

/**
 * After `strapi::body`: a parsed body nested deeper than {@link MAX_BODY_DEPTH} is a 400. Deeper
 * bodies parse, but validators echo them in their errors and the answer's `JSON.stringify`
 * then overflows the stack (a 500 with an empty body).
 */
const bodyDepth: Core.MiddlewareFactory = () => async (ctx, next) => {
  if (depthOf((ctx.request as { body?: unknown }).body, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    throw new errors.ValidationError(`The body is nested deeper than ${MAX_BODY_DEPTH} levels`, {
      source: 'body',
    });
  }
  await next();
};

export default bodyDepth;
