/** The view counter: what the rest of the app may use of it. */
export { registerViewsAdminRoutes } from './admin-routes';
export { viewsCacheMiddleware } from './cache-invalidation';
export type { Period, RecordedView, ViewCounter, ViewRequest } from './counter';
export { PERIODS, periodStart } from './counter';
export { answerView, refuseViewsOverRateLimit } from './http';
export { type MostReadQuery, mostReadQuery } from './most-read-query';
export { createViewsService, viewsOf, type ViewsService } from './runtime';
export type { DayCount, RankedArticle } from './store';
export { DAILY_TABLE, VIEWS_TABLE } from './store';
export { DAY_MS, utcDay } from './visitor';
