import type { Core } from '@strapi/strapi';

import { SITE_SETTING_UID } from '../../src/constants';

/** The publication the feed and sitemap tests read (its name has characters XML must escape). */
export const TEST_PUBLICATION = {
  publicationName: 'The Daily <Test> & Co',
  description: 'News you can test',
  language: 'en-GB',
  publicUrl: 'https://news.example.test',
};

/** Writes the site settings (a single type) through the Document Service, as the admin does. */
export const setSiteSettings = async (
  strapi: Core.Strapi,
  data: Partial<typeof TEST_PUBLICATION> = TEST_PUBLICATION,
) => {
  const documents = strapi.documents(SITE_SETTING_UID);
  const existing = await documents.findFirst({});
  if (existing) return documents.update({ documentId: existing.documentId, data } as never);
  return documents.create({ data } as never);
};
