import { randomBytes } from 'node:crypto';

import type { Core } from '@strapi/strapi';

const ARTICLE = 'api::article.article';
const SECTION = 'api::section.section';
const AUTHOR = 'api::author.author';

const unique = () => randomBytes(3).toString('hex');

/** A Strapi blocks body of `words` words. */
export const bodyOfWords = (words: number) => [
  {
    type: 'paragraph' as const,
    children: [
      {
        type: 'text' as const,
        text: Array.from({ length: words }, (_, i) => `word${i}`).join(' '),
      },
    ],
  },
];

export interface Doc {
  id: number;
  documentId: string;
  [key: string]: unknown;
}

export const createSection = (strapi: Core.Strapi, data: Record<string, unknown> = {}) =>
  strapi
    .documents(SECTION)
    .create({ data: { name: `Section ${unique()}`, ...data } }) as Promise<Doc>;

export const createAuthor = (strapi: Core.Strapi, data: Record<string, unknown> = {}) =>
  strapi
    .documents(AUTHOR)
    .create({ data: { name: `Author ${unique()}`, ...data } }) as Promise<Doc>;

/**
 * An article with everything publishing needs (a section and an author are made unless given).
 * `publish: false` leaves it a draft.
 */
export const createArticle = async (
  strapi: Core.Strapi,
  { publish = true, ...data }: Record<string, unknown> & { publish?: boolean } = {},
): Promise<Doc> => {
  const section = data.section ?? (await createSection(strapi)).documentId;
  const authors = data.authors ?? [(await createAuthor(strapi)).documentId];
  return strapi.documents(ARTICLE).create({
    data: { title: `Story ${unique()}`, body: bodyOfWords(50), ...data, section, authors },
    status: publish ? 'published' : 'draft',
  }) as Promise<Doc>;
};

export const publishArticle = (strapi: Core.Strapi, documentId: string) =>
  strapi.documents(ARTICLE).publish({ documentId });

export const unpublishArticle = (strapi: Core.Strapi, documentId: string) =>
  strapi.documents(ARTICLE).unpublish({ documentId });

/** Every stored version (draft and published) of an article, straight from the database. */
export const articleRows = (strapi: Core.Strapi, documentId: string) =>
  strapi.db.query(ARTICLE).findMany({ where: { documentId }, orderBy: { id: 'asc' } }) as Promise<
    Array<Record<string, unknown>>
  >;
