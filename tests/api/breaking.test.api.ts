/**
 * Breaking news: only an Editor sets `breaking` and `breakingUntil` (an Author's save that does
 * is refused in words, the draft unchanged); breaking needs an end; `GET /api/articles/breaking`
 * answers published articles whose `breakingUntil` is ahead, newest first, never a draft nor an
 * unpublished edit; expiry is a comparison with the clock the service is given, not a write.
 */

import { ARTICLE_UID, DESK_SERVICE_UID } from '../../src/constants';
import { createNewsroomStaff, type NewsroomStaff } from '../helpers/admin';
import { expectError } from '../helpers/errors';
import { createArticle, draftRow, editDraft, setStored, timeOf } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const HOUR = 3_600_000;

describeWithDatabase('breaking news', () => {
  let app: TestApp;
  let staff: NewsroomStaff;
  const titles = (items: Array<{ title: string }>) => items.map((item) => item.title);
  const desk = () => app.strapi.service(DESK_SERVICE_UID);

  beforeAll(async () => {
    app = await bootStrapi();
    staff = await createNewsroomStaff(app);
  });
  afterAll(stopStrapi);

  it('an Author cannot flag their draft breaking (403 in words, unchanged); an Editor can (200)', async () => {
    const { documentId } = await staff.authorDraft('Author wants a banner');
    const until = new Date(Date.now() + HOUR).toISOString();

    const refused = await staff.author.cm.update(ARTICLE_UID, documentId, {
      breaking: true,
      breakingUntil: until,
    });
    expectError(refused, 403, 'PolicyError');
    expect(refused.body.error.message).toMatch(/Only Editors can flag breaking news/);
    expect((await draftRow(app.strapi, documentId)).breaking).toBeFalsy();

    // The admin form sends the stored values back on every save: that is no change.
    const unchanged = await staff.author.cm.update(ARTICLE_UID, documentId, {
      title: 'Author wants a banner, retitled',
      breaking: false,
      breakingUntil: null,
    });
    expect(unchanged.status).toBe(200);

    const accepted = await staff.editor.cm.update(ARTICLE_UID, documentId, {
      breaking: true,
      breakingUntil: until,
    });
    expect(accepted.status).toBe(200);
    const row = await draftRow(app.strapi, documentId);
    expect(row.breaking).toBeTruthy();
    expect(timeOf(row.breakingUntil)).toBe(timeOf(until));
  });

  it('refuses an Author creating a breaking draft (403), and breaking without an end (400)', async () => {
    const created = await staff.author.cm.create(ARTICLE_UID, {
      title: 'Born breaking',
      breaking: true,
      breakingUntil: new Date(Date.now() + HOUR).toISOString(),
    });
    expectError(created, 403, 'PolicyError');

    const { documentId } = await staff.authorDraft('Endless banner');
    const endless = await staff.editor.cm.update(ARTICLE_UID, documentId, { breaking: true });
    expectError(endless, 400, 'ValidationError');
    expect(endless.body.error.details.errors[0].path).toEqual(['breakingUntil']);
  });

  describe('the live list', () => {
    const now = Date.now();
    let live: { documentId: string };

    beforeAll(async () => {
      const breaking = (hours: number) => ({
        breaking: true,
        breakingUntil: new Date(now + hours * HOUR).toISOString(),
      });
      live = await createArticle(app.strapi, { title: 'Live, older', ...breaking(2) });
      await setStored(app.strapi, live.documentId, { originallyPublishedAt: new Date(now - HOUR) });
      await createArticle(app.strapi, { title: 'Live, newer', ...breaking(24) });
      await createArticle(app.strapi, { title: 'Expired', ...breaking(-1) });
      await createArticle(app.strapi, { title: 'EMBARGOED draft', publish: false, ...breaking(3) });
      const edited = await createArticle(app.strapi, { title: 'EMBARGOED edit' });
      await editDraft(app.strapi, edited.documentId, breaking(3));
    });

    it('answers the published, unexpired ones, newest first', async () => {
      const res = await app.request().get('/api/articles/breaking');

      expect(res.status).toBe(200);
      expect(titles(res.body.data)).toEqual(['Live, newer', 'Live, older']);
      expect(res.body.data[0]).toMatchObject({ breaking: true, breakingUntil: expect.any(String) });
      expectError(
        await app.request().get('/api/articles/breaking?limit=0'),
        400,
        'ValidationError',
      );
    });

    it('lets an item expire by the clock alone, with no write', async () => {
      const before = await draftRow(app.strapi, live.documentId);

      const atOneHour = await desk().breaking({ now: new Date(now + HOUR) });
      const atThreeHours = await desk().breaking({ now: new Date(now + 3 * HOUR) });
      const atTwoDays = await desk().breaking({ now: new Date(now + 48 * HOUR) });

      expect(titles(atOneHour)).toEqual(['Live, newer', 'Live, older']);
      expect(titles(atThreeHours)).toEqual(['Live, newer']);
      expect(atTwoDays).toEqual([]);
      expect((await draftRow(app.strapi, live.documentId)).updatedAt).toEqual(before.updatedAt);
    });
  });
});
