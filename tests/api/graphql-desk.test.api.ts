/**
 * The desk's data over GraphQL, for readers: a tag's articles are its published ones only (a
 * draft tagged with it, and a published article's unpublished edit, never show), an article's
 * notes to readers are those of its published version, and the desk's private workings
 * (pinned related articles are public, but `readyForReview`, `scheduledAt` are not in the schema)
 * stay out. Tags themselves (a type without drafts) are readable; revisions are not in the schema.
 */

import { createTag, note, updatePublished } from '../helpers/desk';
import { connect, createArticle, editDraft } from '../helpers/fixtures';
import { errorsOf, gql, stringsIn } from '../helpers/graphql';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const leaksDraft = (data: unknown) => stringsIn(data).some((text) => text.includes('EMBARGOED'));

describeWithDatabase('GraphQL and the desk (tags, notes), for readers', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootStrapi();
    const tag = await createTag(app.strapi, { name: 'Summit' });
    const published = await createArticle(app.strapi, {
      title: 'Summit opens',
      tags: connect(tag.documentId),
    });
    await updatePublished(app.strapi, published.documentId, {
      notes: [note('An earlier version misnamed the host city.')],
    });
    await editDraft(app.strapi, published.documentId, {
      title: 'Summit opens EMBARGOED edit',
      notes: [
        note('An earlier version misnamed the host city.'),
        note('EMBARGOED note of the draft'),
      ],
    });
    await createArticle(app.strapi, {
      publish: false,
      title: 'EMBARGOED summit draft',
      tags: connect(tag.documentId),
    });
  });
  afterAll(stopStrapi);

  it("lists a tag's published articles only, by any argument", async () => {
    for (const query of [
      '{ tags { name articles { title } } }',
      '{ tags { name articles(status: DRAFT) { title } } }',
      '{ tags { articles_connection(status: DRAFT) { nodes { title } pageInfo { total } } } }',
      '{ tags(filters: { articles: { title: { contains: "EMBARGOED" } } }) { name } }',
    ]) {
      // A relation takes no `status` argument: GraphQL refuses such a query (400), never a 5xx.
      const res = await gql(app, query);
      expect([query, res.status < 500, leaksDraft(res.body.data)]).toEqual([query, true, false]);
    }
    const res = await gql(app, '{ tags { name articles { title } } }');
    expect(res.body.data.tags).toEqual([{ name: 'Summit', articles: [{ title: 'Summit opens' }] }]);
  });

  it("shows the published version's notes to readers, not the draft's", async () => {
    const res = await gql(app, '{ articles { title notes { kind text } } }');
    expect(errorsOf(res)).toEqual([]);
    expect(res.body.data.articles).toEqual([
      {
        title: 'Summit opens',
        notes: [{ kind: 'correction', text: 'An earlier version misnamed the host city.' }],
      },
    ]);
    const drafts = await gql(app, '{ articles(status: DRAFT) { title notes { text } } }');
    expect(leaksDraft(drafts.body.data)).toBe(false);
  });

  it('keeps the desk workflow fields out of the schema', async () => {
    const res = await gql(app, '{ articles { readyForReview scheduledAt } }');
    expect(res.status).toBe(400);
    expect(
      errorsOf(res)
        .map((error) => error.message)
        .join(' '),
    ).toMatch(/Cannot query field "readyForReview"/);
  });

  it('has no revisions in its schema (they never leave the admin)', async () => {
    for (const query of [
      '{ revisions { documentId } }',
      '{ revision(documentId: "x") { documentId } }',
    ]) {
      const res = await gql(app, query);
      expect([query, res.status]).toEqual([query, 400]);
      expect(errorsOf(res)[0]?.message).toMatch(/Cannot query field "revision/);
    }
  });
});
