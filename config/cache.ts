import type { Core } from '@strapi/strapi';

import { cacheConfigFromEnv } from '../src/cache/settings';

/** The response cache's settings: variables and defaults are listed in `src/cache/settings.ts`. */
const config = ({ env }: Core.Config.Shared.ConfigParams) => cacheConfigFromEnv(env);

export default config;
