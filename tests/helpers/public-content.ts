import type supertest from 'supertest';

import {
  bodyOfWords,
  createApiUser,
  createArticle,
  createAuthor,
  createSection,
  editDraft,
} from './fixtures';
import type { TestApp } from './strapi';

export const PUBLISHED_TITLE = 'Harbour reopens after storm';
/** Saved in the published article's draft only: readers must keep seeing the published title. */
export const UNPUBLISHED_EDIT = 'Harbour reopens EMBARGOED edit';
export const DRAFT_TITLE = 'Draft only EMBARGOED scoop';

/**
 * What the public API tests read: World > Europe, and Lonely (whose only article is a draft);
 * Ada Byline (with a private email) on the published article (450 words, in Europe), whose draft
 * holds an unpublished edit; Ghost Writer credited on the draft only.
 */
export const createPublicContent = async ({ strapi }: TestApp) => {
  const world = await createSection(strapi, { name: 'World' });
  const europe = await createSection(strapi, { name: 'Europe', parent: world.documentId });
  const lonely = await createSection(strapi, { name: 'Lonely' });
  const byline = await createAuthor(strapi, {
    name: 'Ada Byline',
    email: 'ada.private@newsroom.test',
  });
  const ghost = await createAuthor(strapi, { name: 'Ghost Writer' });
  const published = await createArticle(strapi, {
    title: PUBLISHED_TITLE,
    section: europe.documentId,
    authors: [byline.documentId],
    body: bodyOfWords(450),
  });
  await editDraft(strapi, published.documentId, { title: UNPUBLISHED_EDIT });
  const draftOnly = await createArticle(strapi, {
    publish: false,
    title: DRAFT_TITLE,
    section: lonely.documentId,
    authors: [ghost.documentId],
  });
  return { world, europe, lonely, byline, ghost, published, draftOnly };
};

/** Who is asking: the Public role (no header) or a logged-in reader (the Authenticated role). */
export interface Reader {
  label: string;
  auth: (test: supertest.Test) => supertest.Test;
}

/**
 * The two kinds of reader, for `describe.each`: anonymous, and a reader with a users-permissions
 * account who logged in (its JWT is there once `signUp()` has run, in `beforeAll`).
 */
export const publicReaders = (app: () => TestApp) => {
  let jwt = '';
  const anonymous: Reader = { label: 'anonymous (Public role)', auth: (test) => test };
  const authenticated: Reader = {
    label: 'logged-in reader (Authenticated role)',
    auth: (test) => test.set('Authorization', `Bearer ${jwt}`),
  };
  return {
    anonymous,
    authenticated,
    all: [anonymous, authenticated],
    /** The logged-in reader's JWT (once `signUp()` has run). */
    jwt: () => jwt,
    /** `GET url` as `reader`. */
    get: (reader: Reader, url: string) => reader.auth(app().request().get(url)),
    /**
     * Gives the reader an account (made as an administrator would: public registration is off
     * by default) and logs it in.
     */
    signUp: async () => {
      const credentials = { email: 'reader@newsroom.test', password: 'Reader-Passw0rd' };
      await createApiUser(app().strapi, { username: 'reader', ...credentials });
      const login = await app()
        .request()
        .post('/api/auth/local')
        .send({ identifier: credentials.email, password: credentials.password });
      if (login.status !== 200) throw new Error(`login: ${login.status}`);
      jwt = login.body.jwt as string;
    },
  };
};

/** The titles of a list answer. */
export const titles = (res: supertest.Response): string[] =>
  (res.body.data as Array<{ title?: unknown }>).map((item) => String(item.title));
