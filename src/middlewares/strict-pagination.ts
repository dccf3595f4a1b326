import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const RULES: Record<string, { min: number; label: string }> = {
  page: { min: 1, label: 'a whole number of at least 1' },
  pageSize: { min: 1, label: 'a whole number of at least 1' },
  start: { min: 0, label: 'a whole number of at least 0' },
  limit: { min: 1, label: 'a whole number of at least 1' },
};

const problemsOf = (pagination: unknown): string[] => {
  if (pagination === undefined) return [];
  if (pagination === null || typeof pagination !== 'object' || Array.isArray(pagination)) {
    return ['pagination must be an object, e.g. pagination[page]=1&pagination[pageSize]=25'];
  }
  return Object.entries(pagination).flatMap(([key, value]) => {
    if (key === 'withCount') {
      return value === 'true' || value === 'false' || typeof value === 'boolean'
        ? []
        : ['pagination[withCount] must be true or false'];
    }
    const rule = RULES[key];
    if (!rule)
      return [
        `pagination[${key}] is not a pagination parameter (page, pageSize, start, limit, withCount)`,
      ];
    const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : NaN;
    return Number.isSafeInteger(number) && number >= rule.min
      ? []
      : [`pagination[${key}] must be ${rule.label}`];
  });
};

/**
 * Strapi quietly replaces a malformed page or page size (`pageSize=abc`, `page=-1`) with a default;
 * a frontend then renders the wrong page without knowing. Here such a request is a 400 instead.
 */
const strictPagination: Core.MiddlewareFactory = () => async (ctx, next) => {
  const problems = problemsOf((ctx.query as Record<string, unknown>).pagination);
  if (problems.length > 0) {
    throw new errors.ValidationError(problems.join('; '), { param: 'pagination', problems });
  }
  await next();
};

export default strictPagination;
