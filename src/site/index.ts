/** The reader pages (docs/site.md): what the rest of the app may use of them. */
export { registerSitePages } from './routes';
export { siteOf } from './runtime';
export { absoluteUrl, type SiteSettings, siteSettings } from './settings';
