import type { Core } from '@strapi/strapi';

import { SITE_SETTING_UID } from '../constants';

/** What reader pages, feeds, sitemaps and structured data say about the publication. */
export interface SiteSettings {
  publicationName: string;
  description: string;
  /** A BCP 47 tag (`en`, `en-GB`): `<html lang>`, feeds, the news sitemap. */
  language: string;
  /** Absolute, without a trailing slash: the editors' setting, else `PUBLIC_URL`, else the server's own URL. */
  publicUrl: string;
  /** Absolute URLs of the images, or null when none is set. */
  logoUrl: string | null;
  defaultSocialImageUrl: string | null;
}

type Media = { url?: string } | null | undefined;

interface StoredSettings {
  publicationName?: string | null;
  description?: string | null;
  language?: string | null;
  publicUrl?: string | null;
  logo?: Media;
  defaultSocialImage?: Media;
}

const withoutTrailingSlash = (url: string): string => url.replace(/\/+$/, '');

/** An upload's URL made absolute against the public URL (local uploads are stored as `/uploads/...`). */
export const absoluteUrl = (publicUrl: string, url: string): string =>
  /^https?:\/\//.test(url) ? url : `${publicUrl}${url.startsWith('/') ? '' : '/'}${url}`;

/**
 * The site settings as editors set them in the admin (a single type), with the fallbacks every
 * reader of them needs: the publication is "Newsroom" in English until someone says otherwise,
 * and absolute URLs start from `PUBLIC_URL` when the editors have not set one.
 */
export const siteSettings = async (strapi: Core.Strapi): Promise<SiteSettings> => {
  const stored = (await strapi.documents(SITE_SETTING_UID).findFirst({
    populate: { logo: true, defaultSocialImage: true },
  })) as StoredSettings | null;
  // `server.url` is PUBLIC_URL (config/server.ts).
  const fallbackUrl =
    strapi.config.get<string>('server.url', '') ||
    `http://localhost:${strapi.config.get<number>('server.port', 1337)}`;
  const publicUrl = withoutTrailingSlash(stored?.publicUrl || fallbackUrl);
  const media = (value: Media) => (value?.url ? absoluteUrl(publicUrl, value.url) : null);
  return {
    publicationName: stored?.publicationName || 'Newsroom',
    description: stored?.description ?? '',
    language: stored?.language || 'en',
    publicUrl,
    logoUrl: media(stored?.logo),
    defaultSocialImageUrl: media(stored?.defaultSocialImage),
  };
};
