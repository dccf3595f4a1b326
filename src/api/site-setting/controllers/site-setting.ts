import { factories } from '@strapi/strapi';

import { SITE_SETTING_UID } from '../../../constants';

export default factories.createCoreController(SITE_SETTING_UID);
