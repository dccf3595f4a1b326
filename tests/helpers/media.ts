import { randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';

import type { Doc } from './fixtures';

/** An image stored in the media library (a row of the upload plugin, no file on disk). */
export const createImage = (
  strapi: Core.Strapi,
  name = `image-${randomBytes(3).toString('hex')}`,
) =>
  strapi.documents('plugin::upload.file').create({
    data: {
      name: `${name}.jpg`,
      hash: name,
      ext: '.jpg',
      mime: 'image/jpeg',
      size: 12.5,
      url: `/uploads/${name}.jpg`,
      provider: 'local',
      folderPath: '/',
      width: 1200,
      height: 800,
      alternativeText: `The ${name}`,
      formats: { thumbnail: { url: `/uploads/thumbnail_${name}.jpg`, width: 234, height: 156 } },
    },
  }) as unknown as Promise<Doc>;
