import type { Core } from '@strapi/strapi';

import { viewsConfigFromEnv } from '../src/views/settings';

/** The view counter's settings: variables and defaults are listed in `src/views/settings.ts`. */
const config = ({ env }: Core.Config.Shared.ConfigParams) => viewsConfigFromEnv(env);

export default config;
