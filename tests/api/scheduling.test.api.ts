/**
 * Scheduled publishing: `publishDueArticles` (the cron task's work, the app's own compiled
 * module) publishes the drafts whose `scheduledAt` has come, each exactly once even when two runs
 * overlap, through the publish rules; a refused one is taken off the schedule and logged. Until
 * then a scheduled draft is a draft like any other: invisible to readers.
 */

import { ARTICLE_UID } from '../../src/constants';
import { adminLogin, type ContentManager, contentManager } from '../helpers/admin';
import {
  articleRows,
  bodyOfWords,
  createArticle,
  createAuthor,
  createSection,
  type Doc,
  draftRow,
  LONG_AGO,
  publicationLog,
  publishedRows,
  type Row,
  setStored,
} from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { appModule, bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

/** The scheduler's clock in this file: every run is told the time, none reads it. */
const NOW = new Date('2030-03-04T12:00:00.000Z');
const minutesFromNow = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describeWithDatabase('the scheduler', () => {
  let app: TestApp;
  let cm: ContentManager;
  let section: Doc;
  let author: Doc;

  const publishDueArticles = (now = NOW) =>
    appModule<typeof import('../../src/publishing/scheduler')>(
      'publishing/scheduler',
    ).publishDueArticles(app.strapi, now);
  const draft = (documentId: string) => draftRow(app.strapi, documentId);
  const liveRows = (documentId: string) => publishedRows(app.strapi, documentId);

  /** A complete draft, scheduled by the Super Admin through the content manager. */
  const scheduledDraft = async (scheduledAt: Date, title = `Scheduled ${Math.random()}`) => {
    const doc = await createArticle(app.strapi, {
      publish: false,
      title,
      section: section.documentId,
      authors: [author.documentId],
    });
    const res = await cm.update(ARTICLE_UID, doc.documentId, {
      scheduledAt: scheduledAt.toISOString(),
    });
    if (res.status !== 200) throw new Error(`schedule: ${res.status} ${JSON.stringify(res.body)}`);
    return { documentId: doc.documentId, slug: String(doc.slug) };
  };

  beforeAll(async () => {
    app = await bootStrapi();
    cm = contentManager(app, await adminLogin(app));
    section = await createSection(app.strapi, { name: 'Scheduled desk' });
    author = await createAuthor(app.strapi, { name: 'Scheduled Reporter' });
  });
  afterAll(stopStrapi);

  it('keeps a scheduled draft invisible to the public until it publishes it', async () => {
    const { documentId, slug } = await scheduledDraft(new Date('2099-06-01T06:00:00.000Z'));

    expect((await app.request().get(`/api/articles/slug/${slug}`)).status).toBe(404);
    for (const query of ['', '?status=draft']) {
      expect((await app.request().get(`/api/articles/${documentId}${query}`)).status).toBe(404);
    }
    const list = await app.request().get('/api/articles?status=draft&pagination[pageSize]=100');
    expect(list.status).toBe(200);
    expect((list.body.data as Row[]).map((article) => article.documentId)).not.toContain(
      documentId,
    );
  });

  it('publishes a due draft, logs it as the Scheduler, and the public reads it', async () => {
    const { documentId, slug } = await scheduledDraft(minutesFromNow(-5), 'Due now');

    const run = await publishDueArticles();

    expect(run.published).toContain(documentId);
    const [published] = await liveRows(documentId);
    expect(published).toBeDefined();
    expect(published.title).toBe('Due now');
    expect(published.originallyPublishedAt).toBeTruthy();
    expect((await draft(documentId)).scheduledAt).toBeNull();

    const page = await app.request().get(`/api/articles/slug/${slug}`);
    expect(page.status).toBe(200);
    expect(page.body.data.documentId).toBe(documentId);

    const lines = await publicationLog(app.strapi, documentId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      action: 'scheduled-publish',
      actor: 'Scheduler',
      actorId: null,
      articleTitle: 'Due now',
    });
  });

  it('publishes a due draft exactly once when two runs overlap', async () => {
    const { documentId } = await scheduledDraft(minutesFromNow(-2), 'Raced');
    const [first, second] = await Promise.all([publishDueArticles(), publishDueArticles()]);

    const publishedBy = [first, second].filter((run) => run.published.includes(documentId));
    expect(publishedBy).toHaveLength(1);
    expect([...first.refused, ...second.refused].map((r) => r.documentId)).not.toContain(
      documentId,
    );
    expect(await liveRows(documentId)).toHaveLength(1);
    const lines = await publicationLog(app.strapi, documentId);
    expect(lines.map((line) => [line.action, line.actor])).toEqual([
      ['scheduled-publish', 'Scheduler'],
    ]);
  });

  it('leaves a draft that is not yet due, and publishes it once its time has come', async () => {
    const at = minutesFromNow(60);
    const { documentId } = await scheduledDraft(at, 'Not yet');

    const early = await publishDueArticles();
    expect(early.published).not.toContain(documentId);
    expect(await liveRows(documentId)).toHaveLength(0);
    expect(new Date((await draft(documentId)).scheduledAt as string).getTime()).toBe(at.getTime());
    expect(await publicationLog(app.strapi, documentId)).toHaveLength(0);

    const onTime = await publishDueArticles(new Date(at.getTime() + 1000));
    expect(onTime.published).toContain(documentId);
    expect(await liveRows(documentId)).toHaveLength(1);
  });

  it('does not publish a due draft without a section: unschedules it and logs the refusal', async () => {
    const doc = (await app.strapi.documents(ARTICLE_UID).create({
      data: {
        title: 'Due without section',
        body: bodyOfWords(40),
        authors: [author.documentId],
      },
    })) as Doc;
    const res = await cm.update(ARTICLE_UID, doc.documentId, {
      scheduledAt: minutesFromNow(-1).toISOString(),
    });
    expect(res.status).toBe(200);

    const run = await publishDueArticles();

    expect(run.published).not.toContain(doc.documentId);
    expect(run.refused.map((r) => r.documentId)).toContain(doc.documentId);
    expect(await liveRows(doc.documentId)).toHaveLength(0);
    const stored = await draft(doc.documentId);
    expect(stored.scheduledAt).toBeNull();
    expect(stored.title).toBe('Due without section');
    const lines = await publicationLog(app.strapi, doc.documentId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      action: 'scheduled-publish-refused',
      actor: 'Scheduler',
      articleTitle: 'Due without section',
    });
    expect(String(lines[0].note)).toContain('a section');

    // Off the schedule: the next run neither retries nor logs it again.
    const next = await publishDueArticles();
    expect(next.refused.map((r) => r.documentId)).not.toContain(doc.documentId);
    expect(await publicationLog(app.strapi, doc.documentId)).toHaveLength(1);
  });

  it("leaves the published article's updatedAt, and its status in the admin, alone afterwards", async () => {
    const { documentId } = await scheduledDraft(minutesFromNow(-3), 'Quiet afterwards');
    expect((await publishDueArticles()).published).toContain(documentId);
    // Saved long ago: a later run that wrote to the article would move updatedAt to now.
    await setStored(app.strapi, documentId, { updatedAt: LONG_AGO });
    const before = await articleRows(app.strapi, documentId);
    expect(before.filter((row) => row.publishedAt !== null)).toHaveLength(1);

    const again = await publishDueArticles(minutesFromNow(1));

    expect(again.published).not.toContain(documentId);
    const after = await articleRows(app.strapi, documentId);
    expect(after.map((row) => [row.id, row.updatedAt, row.publishedAt])).toEqual(
      before.map((row) => [row.id, row.updatedAt, row.publishedAt]),
    );
    for (const row of after) expect(new Date(String(row.updatedAt))).toEqual(LONG_AGO);
    expect(await publicationLog(app.strapi, documentId)).toHaveLength(1);

    // The admin shows it as published, not as a modified draft.
    const inAdmin = await cm.findOne(ARTICLE_UID, documentId);
    expect(inAdmin.status).toBe(200);
    expect(inAdmin.body.data.status).toBe('published');
  });

  it("republishes a published article's scheduled draft once, keeping originallyPublishedAt", async () => {
    const live = await createArticle(app.strapi, {
      title: 'Already live',
      section: section.documentId,
      authors: [author.documentId],
    });
    const [published] = await liveRows(live.documentId);
    const res = await cm.update(ARTICLE_UID, live.documentId, {
      title: 'Already live, revised',
      scheduledAt: minutesFromNow(-1).toISOString(),
    });
    expect(res.status).toBe(200);

    const [first, second] = await Promise.all([publishDueArticles(), publishDueArticles()]);

    expect(
      [...first.published, ...second.published].filter((id) => id === live.documentId),
    ).toHaveLength(1);
    const republished = await liveRows(live.documentId);
    expect(republished).toHaveLength(1);
    expect(republished[0].title).toBe('Already live, revised');
    expect(republished[0].originallyPublishedAt).toEqual(published.originallyPublishedAt);
    expect((await publicationLog(app.strapi, live.documentId)).map((line) => line.action)).toEqual([
      'publish',
      'scheduled-publish',
    ]);
  });
});
