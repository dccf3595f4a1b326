import type { Core } from '@strapi/strapi';

import { revisionConfigFromEnv } from '../src/revisions/settings';

/** The revision history's settings: variables and defaults are listed in `src/revisions/settings.ts`. */
const config = ({ env }: Core.Config.Shared.ConfigParams) => revisionConfigFromEnv(env);

export default config;
