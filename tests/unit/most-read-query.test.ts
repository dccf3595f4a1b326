/**
 * The most-read route's parameters: period, limit and section parsed, defaults applied, and
 * every malformed or unknown parameter refused with a ValidationError.
 */

import { errors } from '@strapi/utils';

import { parseInput } from '../../src/http/input';
import {
  MOST_READ_DEFAULT_LIMIT,
  MOST_READ_MAX_LIMIT,
  mostReadQuery,
} from '../../src/views/most-read-query';

const parseMostReadQuery = (query: Record<string, unknown>) => parseInput(mostReadQuery, query);

const refusal = (query: Record<string, unknown>): errors.ValidationError => {
  try {
    parseMostReadQuery(query);
  } catch (error) {
    expect(error).toBeInstanceOf(errors.ValidationError);
    return error as errors.ValidationError;
  }
  throw new Error(`accepted ${JSON.stringify(query)}`);
};

describe('parseMostReadQuery', () => {
  it('defaults to the day and 10 articles, in any section', () => {
    expect(MOST_READ_DEFAULT_LIMIT).toBe(10);
    expect(MOST_READ_MAX_LIMIT).toBe(50);
    expect(parseMostReadQuery({})).toEqual({ period: 'day', limit: 10, section: undefined });
  });

  it.each(['day', 'week', 'month', 'all'])('takes period=%s', (period) => {
    expect(parseMostReadQuery({ period }).period).toBe(period);
  });

  it.each([
    ['1', 1],
    ['10', 10],
    ['50', 50],
    ['007', 7],
  ])('takes limit=%s', (limit, expected) => {
    expect(parseMostReadQuery({ limit }).limit).toBe(expected);
  });

  it('takes a section slug', () => {
    expect(parseMostReadQuery({ section: 'world', period: 'week', limit: '3' })).toEqual({
      period: 'week',
      limit: 3,
      section: 'world',
    });
  });

  it.each([
    [{ period: 'year' }, 'period'],
    [{ period: 'DAY' }, 'period'],
    [{ period: '' }, 'period'],
    [{ period: ['day', 'week'] }, 'period'],
    [{ period: { $eq: 'day' } }, 'period'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '51' }, 'limit'],
    [{ limit: '-1' }, 'limit'],
    [{ limit: '1.5' }, 'limit'],
    [{ limit: '1e1' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ limit: '' }, 'limit'],
    [{ limit: ' 5' }, 'limit'],
    [{ limit: ['5', '6'] }, 'limit'],
    [{ limit: '99999999999999999999' }, 'limit'],
    [{ section: '' }, 'section'],
    [{ section: ['world', 'europe'] }, 'section'],
    [{ section: { $ne: 'x' } }, 'section'],
  ])('refuses %j (a ValidationError naming %s)', (query, param) => {
    const error = refusal(query);
    expect(error.message).toMatch(new RegExp(param));
    expect(error.details).toEqual({ errors: [expect.objectContaining({ path: [param] })] });
  });

  it.each([[{ sort: 'views' }], [{ page: '2' }], [{ period: 'day', populate: '*' }]])(
    'refuses an unknown parameter %j, naming it',
    (query) => {
      const error = refusal(query);
      const unknown = Object.keys(query).find(
        (key) => !['period', 'limit', 'section'].includes(key),
      );
      expect(error.message).toContain(String(unknown));
    },
  );
});
