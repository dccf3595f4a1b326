/**
 * The publishing log: every publish and unpublish an admin makes is recorded with who made it;
 * a refused publish writes nothing; Editors read it, Authors may not; and nobody, not even the
 * Super Admin or the Document Service, can write to it.
 */

import { ARTICLE_UID, PUBLICATION_LOG_UID } from '../../src/constants';
import { createNewsroomStaff, type NewsroomStaff } from '../helpers/admin';
import { publicationLog, type Row } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('the publishing log', () => {
  let app: TestApp;
  let staff: NewsroomStaff;

  beforeAll(async () => {
    app = await bootStrapi();
    staff = await createNewsroomStaff(app);
  });
  afterAll(stopStrapi);

  it("records each publish and unpublish with the acting admin's label and id", async () => {
    const { editor } = staff;
    const { documentId } = await staff.authorDraft('Logged article');

    expect((await editor.cm.publish(ARTICLE_UID, documentId)).status).toBe(200);
    expect((await editor.cm.unpublish(ARTICLE_UID, documentId)).status).toBe(200);

    const lines = await publicationLog(app.strapi, documentId);
    expect(lines.map((line) => line.action)).toEqual(['publish', 'unpublish']);
    for (const line of lines) {
      expect(line).toMatchObject({
        articleDocumentId: documentId,
        articleTitle: 'Logged article',
        actor: `${editor.user.firstname} ${editor.user.lastname} <${editor.user.email}>`,
        actorId: editor.user.id,
      });
      expect(line.at).toBeTruthy();
    }
  });

  it('writes no line for a refused publish', async () => {
    const { documentId } = await staff.authorDraft('Refused publish, no log');
    expect((await staff.author.cm.publish(ARTICLE_UID, documentId)).status).toBe(403);
    expect(await publicationLog(app.strapi, documentId)).toHaveLength(0);
  });

  it('is read by an Editor in the content manager (200), not by an Author (403)', async () => {
    const { documentId } = await staff.authorDraft('Log read by editor');
    expect((await staff.editor.cm.publish(ARTICLE_UID, documentId)).status).toBe(200);

    const res = await staff.editor.cm.findMany(
      PUBLICATION_LOG_UID,
      '?page=1&pageSize=100&sort=id:DESC',
    );
    expect(res.status).toBe(200);
    const results = res.body.results as Row[];
    expect(results.some((line) => line.articleDocumentId === documentId)).toBe(true);

    expect((await staff.author.cm.findMany(PUBLICATION_LOG_UID)).status).toBe(403);
  });

  it('cannot be written through the content manager, not even by the Super Admin (403)', async () => {
    const { superCm, editor } = staff;
    const { documentId } = await staff.authorDraft('Log is read-only');
    expect((await editor.cm.publish(ARTICLE_UID, documentId)).status).toBe(200);
    const [line] = await publicationLog(app.strapi, documentId);
    const lineId = line.documentId as string;
    const count = await app.strapi.db.query(PUBLICATION_LOG_UID).count();

    const created = await superCm.create(PUBLICATION_LOG_UID, {
      action: 'publish',
      articleDocumentId: documentId,
      actor: 'Forger',
      at: new Date().toISOString(),
    });
    expect(created.status).toBe(403);
    expect((await superCm.update(PUBLICATION_LOG_UID, lineId, { actor: 'Forger' })).status).toBe(
      403,
    );
    expect((await superCm.remove(PUBLICATION_LOG_UID, lineId)).status).toBe(403);
    expect((await superCm.bulkDelete(PUBLICATION_LOG_UID, [lineId])).status).toBe(403);

    expect(await app.strapi.db.query(PUBLICATION_LOG_UID).count()).toBe(count);
    expect((await publicationLog(app.strapi, documentId))[0]).toEqual(line);
    // The Editor, who only reads it, is refused too.
    expect((await editor.cm.remove(PUBLICATION_LOG_UID, lineId)).status).toBe(403);
  });

  it('cannot be written through the Document Service either', async () => {
    await expect(
      app.strapi.documents(PUBLICATION_LOG_UID).create({
        data: { action: 'publish', articleDocumentId: 'x', actor: 'Forger', at: new Date() },
      }),
    ).rejects.toMatchObject({ name: 'PolicyError' });
  });
});
