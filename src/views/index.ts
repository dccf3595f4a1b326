export { registerViewsAdminRoutes } from './admin-routes';
export { viewsCacheMiddleware } from './cache-invalidation';
export type { Period, RecordedView, ViewCounter, ViewRequest } from './counter';
export { PERIODS } from './counter';
export { startViews, stopViews, views } from './runtime';
export { DAILY_TABLE, VIEWS_TABLE } from './store';
