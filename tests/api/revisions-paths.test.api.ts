/**
 * A revision for every change to an article, on every write path: the admin's content manager
 * (create, save, publish, unpublish, discard, delete, bulk publish), an API token, the scheduler,
 * the seed; each names its path, its actor and the action, and holds the fields as they were
 * after the change (relations as document ids). A refused write records nothing.
 */

import { ARTICLE_UID, SECTION_UID } from '../../src/constants';
import { REFERENCE_SLUG } from '../../src/setup/example-content';
import { adminLogin, type ContentManager, contentManager, createApiToken } from '../helpers/admin';
import { bodyOfWords, connect, createAuthor, createSection, type Doc } from '../helpers/fixtures';
import { revisionTrail, storedRevisions } from '../helpers/revisions';
import { describeWithDatabase } from '../helpers/services';
import { appModule, bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('revisions on every write path', () => {
  let app: TestApp;
  let cm: ContentManager;
  let section: Doc;
  let author: Doc;

  const draftThroughAdmin = async (title: string) => {
    const res = await cm.create(ARTICLE_UID, {
      title,
      body: bodyOfWords(40),
      section: connect(section.documentId),
      authors: connect(author.documentId),
    });
    expect(res.status).toBe(201);
    return res.body.data.documentId as string;
  };

  beforeAll(async () => {
    app = await bootStrapi({ env: { SEED_EXAMPLE_CONTENT: 'true' } });
    cm = contentManager(app, await adminLogin(app));
    section = await createSection(app.strapi, { name: 'Revisions desk' });
    author = await createAuthor(app.strapi, { name: 'Rita Revision' });
  });

  afterAll(stopStrapi);

  it('records the admin content manager: create, save, publish, unpublish, discard, delete', async () => {
    const documentId = await draftThroughAdmin('Admin path');
    expect((await cm.update(ARTICLE_UID, documentId, { title: 'Admin path, edited' })).status).toBe(
      200,
    );
    expect((await cm.publish(ARTICLE_UID, documentId)).status).toBe(200);
    expect((await cm.update(ARTICLE_UID, documentId, { title: 'Admin path, draft' })).status).toBe(
      200,
    );
    const discard = await app
      .request()
      .post(`/content-manager/collection-types/${ARTICLE_UID}/${documentId}/actions/discard`)
      .set('Authorization', `Bearer ${await adminLogin(app)}`)
      .send({});
    expect(discard.status).toBe(200);
    expect((await cm.unpublish(ARTICLE_UID, documentId)).status).toBe(200);
    expect((await cm.remove(ARTICLE_UID, documentId)).status).toBe(200);

    expect(await revisionTrail(app, documentId)).toEqual([
      ['create', 'admin'],
      ['update', 'admin'],
      // The admin's Publish saves the form first, then publishes: two changes, two revisions.
      ['update', 'admin'],
      ['publish', 'admin'],
      ['update', 'admin'],
      ['discardDraft', 'admin'],
      ['unpublish', 'admin'],
      ['delete', 'admin'],
    ]);
    const revisions = await storedRevisions(app, documentId);
    expect(revisions[0]).toMatchObject({
      actor: expect.stringContaining('@'),
      actorId: expect.any(Number),
      published: false,
      snapshot: {
        title: 'Admin path',
        section: section.documentId,
        authors: [author.documentId],
        body: bodyOfWords(40),
      },
    });
    expect(revisions[3]).toMatchObject({ published: true });
    // Discarding the draft brought the published title back.
    expect(revisions[5].snapshot).toMatchObject({ title: 'Admin path, edited' });
    // A delete keeps the fields as they were when the article went.
    expect(revisions[7].snapshot).toMatchObject({ title: 'Admin path, edited' });
  });

  it('records a bulk publish, once its transaction has committed', async () => {
    const first = await draftThroughAdmin('Bulk one');
    const second = await draftThroughAdmin('Bulk two');
    const res = await cm.bulkPublish(ARTICLE_UID, [first, second]);
    expect(res.status).toBe(200);
    for (const documentId of [first, second]) {
      expect(await revisionTrail(app, documentId)).toEqual([
        ['create', 'admin'],
        ['publish', 'admin'],
      ]);
    }
  });

  it('records a write through the content API with an API token, naming the token', async () => {
    const token = await createApiToken(app, 'Wire desk', 'full-access');
    const created = await app
      .request()
      .post('/api/articles')
      .set('Authorization', `Bearer ${token}`)
      .send({
        data: {
          title: 'Token path',
          body: bodyOfWords(20),
          section: section.documentId,
          authors: [author.documentId],
        },
      });
    expect(created.status).toBe(201);
    const { documentId } = created.body.data as { documentId: string };
    const updated = await app
      .request()
      .put(`/api/articles/${documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { standfirst: 'From the wire.' } });
    expect(updated.status).toBe(200);

    const revisions = await storedRevisions(app, documentId);
    expect(revisions.map((row) => [row.action, row.path, row.actor])).toEqual([
      ['create', 'api-token', 'API token "Wire desk"'],
      ['update', 'api-token', 'API token "Wire desk"'],
    ]);
    expect(revisions[1].snapshot).toMatchObject({ standfirst: 'From the wire.' });
  });

  it('records the scheduler publishing a due draft, as the scheduler', async () => {
    const documentId = await draftThroughAdmin('Scheduled path');
    const due = new Date('2030-01-01T08:00:00.000Z');
    expect(
      (await cm.update(ARTICLE_UID, documentId, { scheduledAt: due.toISOString() })).status,
    ).toBe(200);
    const run = await appModule<typeof import('../../src/publishing/scheduler')>(
      'publishing/scheduler',
    ).publishDueArticles(app.strapi, new Date(due.getTime() + 60_000));
    expect(run.published).toContain(documentId);

    const revisions = await storedRevisions(app, documentId);
    expect(revisions.map((row) => [row.action, row.path, row.actor])).toEqual([
      ['create', 'admin', expect.any(String)],
      ['update', 'admin', expect.any(String)],
      ['publish', 'scheduler', 'Scheduler'],
    ]);
  });

  it('records the seed', async () => {
    const seeded: { documentId: string } | null = await app.strapi.db
      .query(ARTICLE_UID)
      .findOne({ select: ['documentId'], where: { slug: REFERENCE_SLUG, publishedAt: null } });
    const rows = await storedRevisions(app, String(seeded?.documentId));
    expect(rows.map((row) => [row.action, row.path, row.actor])).toEqual([
      ['create', 'seed', 'System'],
    ]);
    expect(rows[0]).toMatchObject({ published: true });
  });

  it('records nothing for a refused write, nor for other types', async () => {
    const documentId = await draftThroughAdmin('Refused path');
    // Publishing needs a body: emptied, the publish is refused (400) and leaves no revision.
    expect((await cm.update(ARTICLE_UID, documentId, { body: [] })).status).toBe(200);
    expect((await cm.publish(ARTICLE_UID, documentId)).status).toBe(400);
    expect(await revisionTrail(app, documentId)).toEqual([
      ['create', 'admin'],
      ['update', 'admin'],
    ]);
    await app.strapi.documents(SECTION_UID).create({ data: { name: 'Not an article' } });
    expect(await revisionTrail(app, documentId)).toHaveLength(2);
  });
});
