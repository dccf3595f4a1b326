import { factories } from '@strapi/strapi';

import { AUTHOR_UID } from '../../../constants';

export default factories.createCoreService(AUTHOR_UID);
