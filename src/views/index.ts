export { registerViewsAdminRoutes } from './admin-routes';
export type { Period, RecordedView, ViewCounter, ViewRequest } from './counter';
export { PERIODS } from './counter';
export { startViews, stopViews, views } from './runtime';
export { DAILY_TABLE, VIEWS_TABLE } from './store';
