/** What the admin panel needs from the server: the Desk's route, labels, locks, worded refusals. */
export { ADMIN_LAYOUTS } from './labels';
export { AUTHOR_READ_ONLY_FIELDS, withoutAuthorLockedFields } from './field-locks';
export { explainRefusal, withWordedArticleRefusals } from './refusals';
export { loadDesk, type Desk, type DeskArticle } from './desk';
export { registerDeskAdminRoutes } from './routes';
