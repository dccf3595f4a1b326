import { errors } from '@strapi/utils';

import { type Period, PERIODS } from './counter';

export const MOST_READ_MAX_LIMIT = 50;
export const MOST_READ_DEFAULT_LIMIT = 10;

export interface MostReadQuery {
  period: Period;
  limit: number;
  section?: string;
}

const ALLOWED = new Set(['period', 'limit', 'section']);

/** Reads `?period=&section=&limit=`; anything malformed is a 400 that says what is expected. */
export const parseMostReadQuery = (query: Record<string, unknown>): MostReadQuery => {
  const unknown = Object.keys(query).filter((key) => !ALLOWED.has(key));
  if (unknown.length > 0) {
    throw new errors.ValidationError(
      `Unknown parameter ${unknown.join(', ')}: use period, section and limit`,
    );
  }
  const { period = 'day', limit, section } = query;
  if (typeof period !== 'string' || !PERIODS.includes(period as Period)) {
    throw new errors.ValidationError(`period must be one of ${PERIODS.join(', ')}`, {
      param: 'period',
    });
  }
  let count = MOST_READ_DEFAULT_LIMIT;
  if (limit !== undefined) {
    count = typeof limit === 'string' && /^\d+$/.test(limit) ? Number(limit) : NaN;
    if (!(count >= 1 && count <= MOST_READ_MAX_LIMIT)) {
      throw new errors.ValidationError(
        `limit must be a whole number from 1 to ${MOST_READ_MAX_LIMIT}`,
        {
          param: 'limit',
        },
      );
    }
  }
  if (section !== undefined && (typeof section !== 'string' || section === '')) {
    throw new errors.ValidationError('section must be one section slug', { param: 'section' });
  }
  return { period: period as Period, limit: count, section: section as string | undefined };
};
