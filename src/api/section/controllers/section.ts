import { factories } from '@strapi/strapi';

import { SECTION_UID } from '../../../constants';

export default factories.createCoreController(SECTION_UID);
