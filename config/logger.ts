import { logFormat } from '../src/http/log-format';

/** Strapi's console logger and its default format, with a cheaper timestamp (src/http/log-format.ts). */
export default { format: logFormat() };
