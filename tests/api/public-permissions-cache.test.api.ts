/**
 * The Public role's permissions are read once, not once per anonymous request, and a change to
 * them (through the admin's roles page or `strapi.db.query`) applies to the very next request.
 */

import { ARTICLE_UID, SECTION_UID } from '../../src/constants';
import type { PublicPermissions } from '../../src/permissions';
import { adminLogin } from '../helpers/admin';
import { createArticle } from '../helpers/fixtures';
import { grantPublic, revokePublic, setPublicThroughAdmin } from '../helpers/public-role';
import { describeWithDatabase } from '../helpers/services';
import { permissionQueries, sqlDuring } from '../helpers/sql';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('the Public role’s permissions, cached', () => {
  let app: TestApp;
  let admin: string;
  const cache = () => app.strapi.get('newsroom.public-permissions') as PublicPermissions;

  beforeAll(async () => {
    app = await bootStrapi();
    admin = await adminLogin(app);
    await createArticle(app.strapi);
  });
  afterAll(stopStrapi);

  it('are read by the first anonymous request only', async () => {
    cache().forget();
    const first = await sqlDuring(app, async () => {
      expect((await app.request().get('/api/articles')).status).toBe(200);
    });
    expect(permissionQueries(first).length).toBeGreaterThan(0);

    const loads = cache().loads();
    for (const path of ['/api/articles', '/api/sections', '/api/authors', '/api/articles']) {
      const later = await sqlDuring(app, async () => {
        expect((await app.request().get(path)).status).toBe(200);
      });
      expect(permissionQueries(later)).toEqual([]);
    }
    expect(cache().loads()).toBe(loads);
  });

  it('answer findPublicPermissions() from the cache too', async () => {
    const service = app.strapi.plugin('users-permissions').service('permission') as {
      findPublicPermissions(): Promise<Array<{ action: string }>>;
    };
    await service.findPublicPermissions();
    const statements = await sqlDuring(app, async () => {
      const rows = await service.findPublicPermissions();
      expect(rows.map((row) => row.action)).toContain(`${ARTICLE_UID}.find`);
    });
    expect(permissionQueries(statements)).toEqual([]);
  });

  it('follow a change saved on the admin’s roles page at the next request', async () => {
    const action = `${ARTICLE_UID}.find`;
    expect((await app.request().get('/api/articles')).status).toBe(200);

    await setPublicThroughAdmin(app, admin, action, false);
    const refused = await app.request().get('/api/articles');
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      data: null,
      error: { status: 403, name: 'ForbiddenError' },
    });
    // Other Public permissions are untouched.
    expect((await app.request().get('/api/sections')).status).toBe(200);

    await setPublicThroughAdmin(app, admin, action, true);
    expect((await app.request().get('/api/articles')).status).toBe(200);
  });

  it('follow a write with strapi.db.query at the next request', async () => {
    const action = `${SECTION_UID}.find`;
    expect((await app.request().get('/api/sections')).status).toBe(200);

    await revokePublic(app, action);
    expect((await app.request().get('/api/sections')).status).toBe(403);

    await grantPublic(app, action);
    expect((await app.request().get('/api/sections')).status).toBe(200);
  });

  it('leave requests with Authorization to the plugin (a bad token is still a 401)', async () => {
    const res = await app.request().get('/api/articles').set('Authorization', 'Bearer nonsense');
    expect(res.status).toBe(401);
    expect((await app.request().get('/api/articles')).status).toBe(200);
  });
});
