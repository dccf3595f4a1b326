/**
 * Multipart bodies are taken only where uploads are meant to arrive (the upload plugin's
 * `/api/upload`, the admin's `/upload` routes and its project settings' logos): anywhere else
 * they are refused with a 415 in Strapi's error shape before a byte reaches the disk. Where they
 * are taken, every temp file is removed at the end of the request whatever its field name
 * (Strapi removes only those of `files`), and whether the request succeeded or not.
 */

import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { adminLogin } from '../helpers/admin';
import { expectError } from '../helpers/errors';
import { createArticle, createSection } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

/** A size no other file in the temp folder has: how this file's uploads are recognised there. */
const FILE_SIZE = 97_313 + (process.pid % 1000);
const FILE = Buffer.alloc(FILE_SIZE, 'h');

/** The temp folder's files of exactly {@link FILE_SIZE} bytes. */
const leftovers = async (): Promise<string[]> => {
  const dir = os.tmpdir();
  const sizes = await Promise.all(
    (await readdir(dir)).map(async (name) => {
      const info = await stat(path.join(dir, name)).catch(() => undefined);
      return info?.isFile() && info.size === FILE_SIZE ? [name] : [];
    }),
  );
  return sizes.flat();
};

describeWithDatabase('multipart bodies', () => {
  let app: TestApp;
  let documentId: string;
  let before: string[];

  beforeAll(async () => {
    app = await bootStrapi();
    const section = await createSection(app.strapi, { name: 'World' });
    documentId = (await createArticle(app.strapi, { section: section.documentId })).documentId;
    before = await leftovers();
  });
  afterAll(stopStrapi);

  const multipart = (method: 'post' | 'put', url: string, field: string) => {
    const agent = app.request();
    return (method === 'put' ? agent.put(url) : agent.post(url))
      .set('User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0')
      .attach(field, FILE, `hostile-${process.pid}.bin`);
  };

  it.each([
    ['post', '/api/articles/:documentId/views'],
    ['post', '/api/articles'],
    ['put', '/api/articles/:documentId'],
    ['post', '/api/auth/local'],
    ['post', '/api/auth/forgot-password'],
    ['post', '/admin/login'],
    ['post', '/api/nope'],
  ] as const)(
    '%s %s with a file under the field `foo` is a 415, leaving no temp file',
    async (method, url) => {
      const res = await multipart(method, url.replace(':documentId', documentId), 'foo');
      expectError(res, 415, 'UnsupportedMediaTypeError');
      expect(await leftovers()).toEqual(before);
    },
  );

  it('a multipart body under the field `files` is refused the same way', async () => {
    const res = await multipart('post', `/api/articles/${documentId}/views`, 'files');
    expectError(res, 415, 'UnsupportedMediaTypeError');
    expect(await leftovers()).toEqual(before);
  });

  it('the content-API upload route reads it (403 for the public role) and removes the temp file of `foo`', async () => {
    const res = await multipart('post', '/api/upload', 'foo');
    expectError(res, 403, 'ForbiddenError');
    expect(await leftovers()).toEqual(before);
  });

  it("the admin's upload route takes it from an admin and removes the temp files of `foo` and `other`", async () => {
    const token = await adminLogin(app);
    const res = await app
      .request()
      .post('/upload')
      .set('Authorization', `Bearer ${token}`)
      .attach('foo', FILE, 'foo.bin')
      .attach('other', FILE, 'other.bin');
    // The upload plugin wants its files under `files`: what came under other names is refused.
    expect(res.status).toBe(400);
    expect(await leftovers()).toEqual(before);
  });

  it("the admin's project settings (its logos) take multipart, and leave no temp file", async () => {
    const token = await adminLogin(app);
    const res = await app
      .request()
      .post('/admin/project-settings')
      .set('Authorization', `Bearer ${token}`)
      .attach('foo', FILE, 'foo.bin');
    expect(res.status).toBeLessThan(415);
    expect(await leftovers()).toEqual(before);
  });
});
