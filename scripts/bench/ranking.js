'use strict';

/* global fetch */

/**
 * The "most read" measurement: seeds many published articles cheaply with direct SQL (a bench
 * shortcut: no Document Service, no validation), a year of daily view rows for a subset and a
 * total for every article, then times `GET /api/articles/most-read` for each period and checks
 * its figures against a plain SQL computation.
 */

const load = require('./load');

const DAY_MS = 24 * 60 * 60 * 1000;
const utcDay = (date) => date.toISOString().slice(0, 10);
/** Bench document ids: `bench` + 19 digits = 24 characters, like Strapi's. */
const PREFIX = 'bench';
const EXTRA_SECTIONS = 11;

const PERIODS = ['day', 'week', 'month', 'all'];
const PERIOD_DAYS = { day: 1, week: 7, month: 30 };
const periodStart = (now, period) =>
  period === 'all'
    ? undefined
    : utcDay(new Date(now.getTime() - (PERIOD_DAYS[period] - 1) * DAY_MS));

/**
 * Inserts `articles` documents (a draft and a published row each, linked to one of 12 sections),
 * daily rows for the first `hot` of them over `days` days ending today, and a total for every one.
 */
const seed = async (db, { articles, hot, days }) => {
  const knex = db.knex();
  const pg = db.client === 'postgres';
  const now = new Date();
  const nowValue = pg ? now : now.getTime(); // Strapi keeps SQLite datetimes as epoch milliseconds
  const today = utcDay(now);
  const started = Date.now();

  // Sections: the seeded "World" plus a few more, so a section filter has something to filter.
  await knex('sections').insert(
    Array.from({ length: EXTRA_SECTIONS }, (_, index) => ({
      document_id: `${PREFIX}sec${String(index + 1).padStart(16, '0')}`,
      name: `Bench section ${index + 1}`,
      slug: `bench-section-${index + 1}`,
      position: index + 1,
      created_at: nowValue,
      updated_at: nowValue,
      published_at: nowValue,
    })),
  );
  const sectionIds = (await knex('sections').select('id').orderBy('id')).map((row) => row.id);
  const sectionCase = `CASE (CAST(substr(a.document_id, ${PREFIX.length + 1}) AS BIGINT) % ${
    sectionIds.length
  }) ${sectionIds.map((id, index) => `WHEN ${index} THEN ${id}`).join(' ')} END`;

  const docId = pg ? `'${PREFIX}' || lpad(i::text, 19, '0')` : `printf('${PREFIX}%019d', i)`;
  // PostgreSQL: generate_series; SQLite: a recursive CTE.
  const series = (name, from, to) =>
    `generate_series(${from}, ${to}) AS ${name}(${name === 'n' ? 'i' : 'k'})`;
  const sqliteSeries = (name, column, from, to) =>
    `${name}(${column}) AS (SELECT ${from} UNION ALL SELECT ${column} + 1 FROM ${name} WHERE ${column} < ${to})`;

  await knex.transaction(async (trx) => {
    // Articles: one draft and one published row per document, as Strapi keeps them.
    const firstPublished = pg
      ? `(?::timestamp - (i % 365) * interval '1 day')`
      : `(? - (i % 365) * ${DAY_MS})`;
    const at = pg ? '?::timestamp' : '?';
    const articleColumns =
      'document_id, title, slug, standfirst, reading_time_minutes, originally_published_at, created_at, updated_at, published_at';
    const articleSelect = `SELECT ${docId}, 'Bench article ' || i, 'bench-article-' || i,
        'A standfirst', 1, ${firstPublished}, ${at}, ${at}, CASE WHEN p.p = 1 THEN ${at} ELSE NULL END`;
    if (pg) {
      await trx.raw(
        `INSERT INTO articles (${articleColumns}) ${articleSelect}
         FROM ${series('n', 1, articles)} CROSS JOIN (VALUES (0), (1)) AS p(p)`,
        [nowValue, nowValue, nowValue, nowValue],
      );
    } else {
      await trx.raw(
        `WITH RECURSIVE ${sqliteSeries('n', 'i', 1, articles)}
         INSERT INTO articles (${articleColumns}) ${articleSelect}
         FROM n CROSS JOIN (SELECT 0 AS p UNION ALL SELECT 1) AS p`,
        [nowValue, nowValue, nowValue, nowValue],
      );
    }

    await trx.raw(
      `INSERT INTO articles_section_lnk (article_id, section_id, article_ord)
       SELECT a.id, ${sectionCase}, 1 FROM articles a WHERE a.document_id LIKE '${PREFIX}%'`,
    );

    // A year of daily rows for the `hot` subset; the figures vary with article and day.
    const dailyViews = `1 + ((i * 7919 + k * 104729) % 997)`;
    if (pg) {
      await trx.raw(
        `INSERT INTO article_views_daily (document_id, day, views)
         SELECT ${docId}, to_char(?::date - k, 'YYYY-MM-DD'), ${dailyViews}
         FROM ${series('n', 1, hot)} CROSS JOIN ${series('d', 0, days - 1)}`,
        [today],
      );
    } else {
      await trx.raw(
        `WITH RECURSIVE ${sqliteSeries('n', 'i', 1, hot)}, ${sqliteSeries('d', 'k', 0, days - 1)}
         INSERT INTO article_views_daily (document_id, day, views)
         SELECT ${docId}, date(?, '-' || k || ' days'), ${dailyViews} FROM n CROSS JOIN d`,
        [today],
      );
    }

    // Totals: the year's sum for the hot subset (plus an older figure), a figure for the rest.
    await trx.raw(
      `INSERT INTO article_views (document_id, views)
       SELECT document_id, SUM(views) + 1000 FROM article_views_daily
       WHERE document_id LIKE '${PREFIX}%' GROUP BY document_id`,
    );
    const coldViews = pg ? `(i::bigint * 2654435761) % 50000` : `(i * 2654435761) % 50000`;
    if (pg) {
      await trx.raw(
        `INSERT INTO article_views (document_id, views)
         SELECT ${docId}, ${coldViews} FROM ${series('n', hot + 1, articles)}`,
      );
    } else if (articles > hot) {
      await trx.raw(
        `WITH RECURSIVE ${sqliteSeries('n', 'i', hot + 1, articles)}
         INSERT INTO article_views (document_id, views) SELECT ${docId}, ${coldViews} FROM n`,
      );
    }
  });

  // PostgreSQL's autovacuum would analyse the new rows within a minute; the bench does not wait.
  // (SQLite has no automatic ANALYZE; the app does not run one, so none is run here either.)
  if (pg) await knex.raw('ANALYZE');

  const count = async (table) => Number((await knex(table).count({ n: '*' }))[0].n);
  return {
    seconds: (Date.now() - started) / 1000,
    articleRows: await count('articles'),
    publishedArticles: Number(
      (await knex('articles').whereNotNull('published_at').count({ n: '*' }))[0].n,
    ),
    dailyRows: await count('article_views_daily'),
    totalRows: await count('article_views'),
    sections: sectionIds.length,
  };
};

/** The top `limit` view figures of a period, by a plain SQL query (to check the API's answer). */
const expectedTop = async (db, period, limit, sectionIds) => {
  const knex = db.knex();
  const fromDay = periodStart(new Date(), period);
  const counts = fromDay
    ? knex('article_views_daily')
        .select('document_id')
        .sum({ views: 'views' })
        .where('day', '>=', fromDay)
        .groupBy('document_id')
        .as('c')
    : knex('article_views').select('document_id', 'views').as('c');
  const query = knex
    .from(counts)
    .join('articles as a', 'a.document_id', 'c.document_id')
    .whereNotNull('a.published_at')
    .where('c.views', '>', 0)
    .select('c.views')
    .orderBy('c.views', 'desc')
    .limit(limit);
  if (sectionIds) {
    query
      .join('articles_section_lnk as l', 'l.article_id', 'a.id')
      .whereIn('l.section_id', sectionIds);
  }
  return (await query).map((row) => Number(row.views));
};

/**
 * Times `GET /api/articles/most-read` for each period (and one section): one connection for the
 * latency a reader sees, then `connections` for throughput; checks each answer against SQL.
 */
const measure = async ({ baseUrl, db, seconds, connections = 10, limit = 10 }) => {
  const knex = db.knex();
  const section = await knex('sections')
    .select('id', 'slug')
    .where('slug', 'bench-section-1')
    .first();
  const cases = [
    ...PERIODS.map((period) => ({ name: `period=${period}`, period })),
    { name: `period=week&section=${section.slug}`, period: 'week', section },
  ];
  const results = [];
  for (const { name, period, section: inSection } of cases) {
    const path = `/api/articles/most-read?${name}&limit=${limit}`;
    // Warm-up, and the check: same figures as SQL computes.
    let answer;
    for (let index = 0; index < 5; index += 1) {
      const response = await fetch(baseUrl + path);
      answer = { status: response.status, body: await response.json() };
    }
    const expected = await expectedTop(db, period, limit, inSection ? [inSection.id] : undefined);
    const got = (answer.body.data || []).map((row) => row.views);
    const correct = answer.status === 200 && JSON.stringify(got) === JSON.stringify(expected);

    const single = await load.run({ baseUrl, path, connections: 1, duration: seconds });
    const loaded = await load.run({ baseUrl, path, connections, duration: seconds });
    results.push({
      query: name,
      correct,
      expectedTop: expected.slice(0, 3),
      gotTop: got.slice(0, 3),
      rows: got.length,
      single: {
        requests: single.requests,
        rps: single.rps,
        latency: single.latency,
        fivexx: single.fivexx,
        non2xx: single.non2xx,
      },
      loaded: {
        connections,
        requests: loaded.requests,
        rps: loaded.rps,
        latency: loaded.latency,
        fivexx: loaded.fivexx,
        non2xx: loaded.non2xx,
      },
    });
  }
  return results;
};

module.exports = { seed, measure, PERIODS };
