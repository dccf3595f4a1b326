/** What the admin panel needs from the server: the Desk's route, labels, locks, worded refusals. */
export { type Desk, type DeskArticle, loadDesk } from './desk';
export { AUTHOR_READ_ONLY_FIELDS, withoutAuthorLockedFields } from './field-locks';
export { ADMIN_LAYOUTS } from './labels';
export { explainRefusal, withWordedArticleRefusals } from './refusals';
export { registerDeskAdminRoutes } from './routes';
