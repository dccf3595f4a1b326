/**
 * What an Editor may do beyond an Author, through the admin API: schedule a draft (which takes it
 * out of its Author's hands) and republish an article, keeping the date it was first published.
 */

import { ARTICLE_UID } from '../../src/constants';
import { createNewsroomStaff, type NewsroomStaff } from '../helpers/admin';
import { draftRow, LONG_AGO, publishedRows, setStored, timeOf } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('an Editor', () => {
  let app: TestApp;
  let staff: NewsroomStaff;

  beforeAll(async () => {
    app = await bootStrapi();
    staff = await createNewsroomStaff(app);
  });
  afterAll(stopStrapi);

  it('schedules a draft (200): scheduledAt is stored, and the Author may no longer edit it', async () => {
    const { documentId } = await staff.authorDraft('Editor schedules this');

    const res = await staff.editor.cm.update(ARTICLE_UID, documentId, {
      scheduledAt: '2099-03-01T08:00:00.000Z',
    });

    expect(res.status).toBe(200);
    const draft = await draftRow(app.strapi, documentId);
    expect(new Date(draft.scheduledAt as string).toISOString()).toBe('2099-03-01T08:00:00.000Z');
    expect(await publishedRows(app.strapi, documentId)).toHaveLength(0);
    const authorEdit = await staff.author.cm.update(ARTICLE_UID, documentId, { title: 'Edit' });
    expect(authorEdit.status).toBe(403);
  });

  it('republishes an edited article, which keeps its originallyPublishedAt', async () => {
    const { editor } = staff;
    const { documentId } = await staff.authorDraft('First published once');
    expect((await editor.cm.publish(ARTICLE_UID, documentId)).status).toBe(200);
    // First published long ago: a republish that stamped the date again would show at once.
    await setStored(app.strapi, documentId, { originallyPublishedAt: LONG_AGO });

    const revised = await editor.cm.update(ARTICLE_UID, documentId, {
      title: 'First published once, revised',
    });
    expect(revised.status).toBe(200);
    expect((await editor.cm.publish(ARTICLE_UID, documentId)).status).toBe(200);

    const [republished] = await publishedRows(app.strapi, documentId);
    expect(republished.title).toBe('First published once, revised');
    expect(timeOf(republished.originallyPublishedAt)).toBe(LONG_AGO.getTime());
    const draft = await draftRow(app.strapi, documentId);
    expect(timeOf(draft.originallyPublishedAt)).toBe(LONG_AGO.getTime());
  });
});
