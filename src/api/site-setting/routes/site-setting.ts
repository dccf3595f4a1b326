import { factories } from '@strapi/strapi';

import { cacheable } from '../../../cache';
import { SITE_SETTING_UID } from '../../../constants';

export default factories.createCoreRouter(SITE_SETTING_UID, {
  only: ['find'],
  config: { find: { middlewares: [cacheable({ list: 'site-settings' })] } },
});
