/**
 * The admin home page's "Desk" route (`GET /newsroom-desk/desk`): drafts ready for review, drafts
 * scheduled (soonest first) and the caller's own unpublished articles, each with its document id
 * for the edit view's link, in three SQL statements however many articles there are. A role that
 * may read articles gets it (Author, Editor); a role that may not gets 403, no token 401.
 */

import {
  createAdminUser,
  createNewsroomStaff,
  createRole,
  type NewsroomStaff,
} from '../helpers/admin';
import { createArticle, editDraft } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { sqlDuring } from '../helpers/sql';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

interface DeskItem {
  documentId: string;
  title: string;
  scheduledAt: string | null;
  published: boolean;
}

describeWithDatabase('the Desk widget’s route', () => {
  let app: TestApp;
  let staff: NewsroomStaff;

  const desk = (token?: string) => {
    const req = app.request().get('/newsroom-desk/desk');
    return token ? req.set('Authorization', `Bearer ${token}`) : req;
  };
  const ids = (items: DeskItem[]) => items.map((item) => item.documentId);

  beforeAll(async () => {
    app = await bootStrapi();
    staff = await createNewsroomStaff(app);
  });
  afterAll(stopStrapi);

  it('lists drafts ready for review, scheduled ones soonest first, and the caller’s own drafts', async () => {
    const ready = await staff.authorDraft('Ready for the desk');
    await staff.author.cm.update('api::article.article', ready.documentId, {
      readyForReview: true,
    });
    const notReady = await staff.authorDraft('Not ready yet');
    const later = await createArticle(app.strapi, { publish: false, title: 'Later' });
    const sooner = await createArticle(app.strapi, { publish: false, title: 'Sooner' });
    await editDraft(app.strapi, later.documentId, { scheduledAt: '2099-06-02T08:00:00.000Z' });
    await editDraft(app.strapi, sooner.documentId, { scheduledAt: '2099-06-01T08:00:00.000Z' });
    // Published, then edited: its own draft is not "unpublished", so not among Ada's drafts.
    const published = await staff.authorDraft('Published already');
    expect(
      (await staff.editor.cm.publish('api::article.article', published.documentId)).status,
    ).toBe(200);

    const res = await desk(staff.author.token);

    expect(res.status).toBe(200);
    const { readyForReview, scheduled, myDrafts } = res.body.data as Record<string, DeskItem[]>;
    expect(ids(readyForReview)).toEqual([ready.documentId]);
    expect(readyForReview[0]).toMatchObject({ title: 'Ready for the desk', published: false });
    expect(ids(scheduled)).toEqual([sooner.documentId, later.documentId]);
    expect(scheduled[0].scheduledAt).toBe('2099-06-01T08:00:00.000Z');
    expect(ids(myDrafts)).toEqual(expect.arrayContaining([ready.documentId, notReady.documentId]));
    expect(ids(myDrafts)).not.toContain(published.documentId);
    expect(ids(myDrafts)).not.toContain(sooner.documentId);

    // Eve's own drafts are hers: none of Ada's.
    const editors = await desk(staff.editor.token);
    expect(editors.status).toBe(200);
    expect(editors.body.data.myDrafts).toEqual([]);
    expect(ids(editors.body.data.readyForReview)).toEqual([ready.documentId]);
  });

  it('answers in three SQL statements, however many articles wait', async () => {
    const count = async () =>
      (
        await sqlDuring(app, () => desk(staff.editor.token).expect(200), { requestsOnly: true })
      ).filter((sql) => sql.includes('articles')).length;
    const before = await count();
    for (let i = 0; i < 4; i += 1) {
      const draft = await staff.authorDraft(`More work ${i}`);
      await editDraft(app.strapi, draft.documentId, { readyForReview: true });
    }
    expect(before).toBe(3);
    expect(await count()).toBe(3);
  });

  it('is refused to a role that may not read articles (403) and without a token (401)', async () => {
    const outsider = await createAdminUser(app, await createRole(app, 'No articles', []), 'Nora');
    const refused = await desk(outsider.token);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({
      data: null,
      error: { status: 403, name: 'ForbiddenError' },
    });

    expect((await desk()).status).toBe(401);
    expect((await app.request().get('/api/newsroom-desk/desk')).status).toBe(404);
  });
});
