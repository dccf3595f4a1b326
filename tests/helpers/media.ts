import type { Core } from '@strapi/strapi';

import type { Doc } from './fixtures';

/**
 * An image as the upload plugin stores it, without a file on disk (pages, feeds and the page
 * payload only link to it: nothing reads the bytes). `name` may carry its extension (`logo.png`);
 * without one it is a JPEG.
 */
export const createImage = async (
  strapi: Core.Strapi,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<Doc & { id: number; url: string }> => {
  const file = /\.[a-z0-9]+$/i.test(name) ? name : `${name}.jpg`;
  const ext = file.slice(file.lastIndexOf('.'));
  const base = file.slice(0, -ext.length);
  return (await strapi.documents('plugin::upload.file').create({
    data: {
      name: file,
      hash: base.replace(/\W/g, '_'),
      ext,
      mime: ext === '.png' ? 'image/png' : 'image/jpeg',
      size: 12.5,
      width: 1200,
      height: 630,
      url: `/uploads/${file}`,
      provider: 'local',
      folderPath: '/',
      alternativeText: `The ${base}`,
      formats: { thumbnail: { url: `/uploads/thumbnail_${file}`, width: 234, height: 123 } },
      ...extra,
    },
  })) as unknown as Doc & { id: number; url: string };
};
