/**
 * An Author's refused save says why, in the words the admin shows (the error's message), not a
 * bare "Forbidden": someone else's article names its owner, a published one says that only
 * Editors change it now, publishing says to mark it ready for review. Each refusal has its
 * allowed side (the Editor, or the owner). Other content types keep Strapi's own answers.
 */

import { ARTICLE_UID, SECTION_UID } from '../../src/constants';
import { createNewsroomStaff, type NewsroomStaff } from '../helpers/admin';
import { draftRow } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('an Author’s refused save', () => {
  let app: TestApp;
  let staff: NewsroomStaff;

  /** Strapi's 403 whose message reaches the admin (a PolicyError; a ForbiddenError's does not). */
  const forbidden = (message: RegExp) => ({
    data: null,
    error: {
      status: 403,
      name: 'PolicyError',
      message: expect.stringMatching(message),
      details: {},
    },
  });

  beforeAll(async () => {
    app = await bootStrapi();
    staff = await createNewsroomStaff(app);
  });
  afterAll(stopStrapi);

  it("names the owner of someone else's draft (403); the owner saves it (200)", async () => {
    const { documentId } = await staff.authorDraft('Ada’s piece');

    const refused = await staff.otherAuthor.cm.update(ARTICLE_UID, documentId, { title: 'Otto' });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual(
      forbidden(/^This article is Ada Author's: Authors can edit only their own articles/),
    );
    expect((await draftRow(app.strapi, documentId)).title).toBe('Ada’s piece');

    const own = await staff.author.cm.update(ARTICLE_UID, documentId, { title: 'Ada again' });
    expect(own.status).toBe(200);
  });

  it('says a published article is the Editors’ now (403); an Editor saves it (200)', async () => {
    const { documentId } = await staff.authorDraft('Published piece');
    expect((await staff.editor.cm.publish(ARTICLE_UID, documentId)).status).toBe(200);

    const refused = await staff.author.cm.update(ARTICLE_UID, documentId, { title: 'Sneaky' });
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual(
      forbidden(
        /^This article was published on \d{1,2} \w+ \d{4}: once published, only Editors can edit it/,
      ),
    );
    const deleted = await staff.author.cm.remove(ARTICLE_UID, documentId);
    expect(deleted.body).toEqual(forbidden(/only Editors can delete it/));

    const byEditor = await staff.editor.cm.update(ARTICLE_UID, documentId, { title: 'Fixed' });
    expect(byEditor.status).toBe(200);
  });

  it('says only Editors publish, and how to ask (403); an Editor publishes (200)', async () => {
    const { documentId } = await staff.authorDraft('Please publish me');

    const refused = await staff.author.cm.publish(ARTICLE_UID, documentId);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual(
      forbidden(/^Only Editors can publish articles\. Turn on "Ready for review"/),
    );
    const bulk = await staff.author.cm.bulkPublish(ARTICLE_UID, [documentId]);
    expect(bulk.body).toEqual(forbidden(/^Only Editors can publish articles/));

    expect((await staff.editor.cm.publish(ARTICLE_UID, documentId)).status).toBe(200);
  });

  it('leaves refusals on other types as Strapi answers them', async () => {
    const res = await staff.author.cm.create(SECTION_UID, { name: 'Author section' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ name: 'PolicyError', message: 'Policy Failed' });
  });
});
