/**
 * Scheduled publishing: `publishDueArticles` (the cron task's work, the app's own compiled
 * module) publishes the drafts whose `scheduledAt` has come, each exactly once even when two runs
 * overlap, through the publish rules; a refused one is taken off the schedule and logged. Until
 * then a scheduled draft is a draft like any other: invisible to readers.
 */

import path from 'node:path';

import { adminLogin, contentManager } from '../helpers/admin';
import {
  articleRows,
  bodyOfWords,
  createArticle,
  createAuthor,
  createSection,
  type Doc,
} from '../helpers/fixtures';
import { APP_ROOT, bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const LOG = 'api::publication-log.publication-log';

type Row = Record<string, unknown>;
type Scheduler = typeof import('../../src/publishing/scheduler');

const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

describe('scheduled publishing', () => {
  let app: TestApp;
  let cm: ReturnType<typeof contentManager>;
  let section: Doc;
  let author: Doc;

  const publishDueArticles = (now?: Date) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the app's own compiled module, not a second copy
    const scheduler = require(
      path.join(APP_ROOT, 'dist', 'src', 'publishing', 'scheduler'),
    ) as Scheduler;
    return scheduler.publishDueArticles(app.strapi, now);
  };

  const draftRow = async (documentId: string): Promise<Row> => {
    const draft = (await articleRows(app.strapi, documentId)).find(
      (row) => row.publishedAt === null,
    );
    if (!draft) throw new Error(`no draft for ${documentId}`);
    return draft;
  };
  const publishedRows = async (documentId: string): Promise<Row[]> =>
    (await articleRows(app.strapi, documentId)).filter((row) => row.publishedAt !== null);

  const logLines = (documentId: string) =>
    app.strapi.db.query(LOG).findMany({
      where: { articleDocumentId: documentId },
      orderBy: { id: 'asc' },
    }) as Promise<Row[]>;

  /** A complete draft, scheduled by the Super Admin through the content manager. */
  const scheduledDraft = async (scheduledAt: Date, title = `Scheduled ${Math.random()}`) => {
    const doc = await createArticle(app.strapi, {
      publish: false,
      title,
      section: section.documentId,
      authors: [author.documentId],
    });
    const res = await cm.update(ARTICLE, doc.documentId, {
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

  it('a scheduled draft is invisible to the public until it is published', async () => {
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

    const run = await publishDueArticles(new Date());

    expect(run.published).toContain(documentId);
    const [published] = await publishedRows(documentId);
    expect(published).toBeDefined();
    expect(published.title).toBe('Due now');
    expect(published.originallyPublishedAt).toBeTruthy();
    expect((await draftRow(documentId)).scheduledAt).toBeNull();

    const page = await app.request().get(`/api/articles/slug/${slug}`);
    expect(page.status).toBe(200);
    expect(page.body.data.documentId).toBe(documentId);

    const lines = await logLines(documentId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      action: 'scheduled-publish',
      actor: 'Scheduler',
      actorId: null,
      articleTitle: 'Due now',
    });
  });

  it('a due draft is published exactly once by two runs at the same time', async () => {
    const { documentId } = await scheduledDraft(minutesFromNow(-2), 'Raced');
    const now = new Date();

    const [first, second] = await Promise.all([publishDueArticles(now), publishDueArticles(now)]);

    const publishedBy = [first, second].filter((run) => run.published.includes(documentId));
    expect(publishedBy).toHaveLength(1);
    expect([...first.refused, ...second.refused].map((r) => r.documentId)).not.toContain(
      documentId,
    );
    expect(await publishedRows(documentId)).toHaveLength(1);
    const lines = await logLines(documentId);
    expect(lines.map((line) => [line.action, line.actor])).toEqual([
      ['scheduled-publish', 'Scheduler'],
    ]);
  });

  it('leaves a draft that is not yet due, and publishes it once its time has come', async () => {
    const at = minutesFromNow(60);
    const { documentId } = await scheduledDraft(at, 'Not yet');

    const early = await publishDueArticles(new Date());
    expect(early.published).not.toContain(documentId);
    expect(await publishedRows(documentId)).toHaveLength(0);
    expect(new Date((await draftRow(documentId)).scheduledAt as string).getTime()).toBe(
      at.getTime(),
    );
    expect(await logLines(documentId)).toHaveLength(0);

    const onTime = await publishDueArticles(new Date(at.getTime() + 1000));
    expect(onTime.published).toContain(documentId);
    expect(await publishedRows(documentId)).toHaveLength(1);
  });

  it('does not publish a due draft without a section: unschedules it and logs the refusal', async () => {
    const doc = (await app.strapi.documents(ARTICLE).create({
      data: {
        title: 'Due without section',
        body: bodyOfWords(40),
        authors: [author.documentId],
      },
    })) as Doc;
    const res = await cm.update(ARTICLE, doc.documentId, {
      scheduledAt: minutesFromNow(-1).toISOString(),
    });
    expect(res.status).toBe(200);

    const run = await publishDueArticles(new Date());

    expect(run.published).not.toContain(doc.documentId);
    expect(run.refused.map((r) => r.documentId)).toContain(doc.documentId);
    expect(await publishedRows(doc.documentId)).toHaveLength(0);
    const draft = await draftRow(doc.documentId);
    expect(draft.scheduledAt).toBeNull();
    expect(draft.title).toBe('Due without section');
    const lines = await logLines(doc.documentId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      action: 'scheduled-publish-refused',
      actor: 'Scheduler',
      articleTitle: 'Due without section',
    });
    expect(String(lines[0].note)).toContain('a section');

    // Off the schedule: the next run neither retries nor logs it again.
    const next = await publishDueArticles(new Date());
    expect(next.refused.map((r) => r.documentId)).not.toContain(doc.documentId);
    expect(await logLines(doc.documentId)).toHaveLength(1);
  });

  it("leaves the published article's updatedAt, and its status in the admin, alone afterwards", async () => {
    const { documentId } = await scheduledDraft(minutesFromNow(-3), 'Quiet afterwards');
    expect((await publishDueArticles(new Date())).published).toContain(documentId);
    const before = await articleRows(app.strapi, documentId);
    expect(before.filter((row) => row.publishedAt !== null)).toHaveLength(1);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const again = await publishDueArticles(new Date());

    expect(again.published).not.toContain(documentId);
    const after = await articleRows(app.strapi, documentId);
    expect(after.map((row) => [row.id, row.updatedAt, row.publishedAt])).toEqual(
      before.map((row) => [row.id, row.updatedAt, row.publishedAt]),
    );
    expect(await logLines(documentId)).toHaveLength(1);

    // The admin shows it as published, not as a modified draft.
    const inAdmin = await cm.findOne(ARTICLE, documentId);
    expect(inAdmin.status).toBe(200);
    expect(inAdmin.body.data.status).toBe('published');
  });

  it("a published article's scheduled draft is republished once, keeping originallyPublishedAt", async () => {
    const live = await createArticle(app.strapi, {
      title: 'Already live',
      section: section.documentId,
      authors: [author.documentId],
    });
    const [published] = await publishedRows(live.documentId);
    const res = await cm.update(ARTICLE, live.documentId, {
      title: 'Already live, revised',
      scheduledAt: minutesFromNow(-1).toISOString(),
    });
    expect(res.status).toBe(200);

    const [first, second] = await Promise.all([
      publishDueArticles(new Date()),
      publishDueArticles(new Date()),
    ]);

    expect(
      [...first.published, ...second.published].filter((id) => id === live.documentId),
    ).toHaveLength(1);
    const republished = await publishedRows(live.documentId);
    expect(republished).toHaveLength(1);
    expect(republished[0].title).toBe('Already live, revised');
    expect(republished[0].originallyPublishedAt).toEqual(published.originallyPublishedAt);
    expect((await logLines(live.documentId)).map((line) => line.action)).toEqual([
      'publish',
      'scheduled-publish',
    ]);
  });
});
