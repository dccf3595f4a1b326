/**
 * The content manager reads like a newsroom's: every field of Article, Section, Author,
 * Publishing log and Site settings has a label and a hint in plain words, the article list shows
 * section, byline, ready for review, schedule and last update, and the publishing log lists when,
 * who and what; as the admin panel loads them (its configuration route). The boot step is
 * idempotent and keeps a label an administrator changed afterwards.
 */

import {
  ARTICLE_UID,
  AUTHOR_UID,
  PUBLICATION_LOG_UID,
  SECTION_UID,
  SITE_SETTING_UID,
  TAG_UID,
} from '../../src/constants';
import { adminLogin } from '../helpers/admin';
import { describeWithDatabase } from '../helpers/services';
import { appModule, bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, { edit: Record<string, unknown>; list: Record<string, unknown> }>;
  layouts: { list: string[] };
}

/** Strapi's own fields: not the newsroom's to explain (some have no edit view at all). */
const SYSTEM_FIELDS = [
  'id',
  'documentId',
  'locale',
  'localizations',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
];

describeWithDatabase('the admin layout', () => {
  let app: TestApp;
  let token: string;

  /** A type's configuration, as the admin panel asks for it. */
  const configurationOf = async (uid: string): Promise<Configuration> => {
    const res = await app
      .request()
      .get(`/content-manager/content-types/${uid}/configuration`)
      .set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(200);
    return res.body.data.contentType as Configuration;
  };
  const runStep = () =>
    appModule<typeof import('../../src/setup/admin-layout')>(
      'setup/admin-layout',
    ).applyAdminLayouts(app.strapi);
  const service = () =>
    app.strapi.plugin('content-manager').service('content-types') as unknown as {
      findConfiguration(ct: { uid: string }): Promise<Configuration>;
      updateConfiguration(ct: { uid: string }, configuration: Configuration): Promise<unknown>;
    };

  beforeAll(async () => {
    app = await bootStrapi();
    token = await adminLogin(app);
  });
  afterAll(stopStrapi);

  it('labels and explains every field of the newsroom’s types in words', async () => {
    for (const uid of [
      ARTICLE_UID,
      SECTION_UID,
      AUTHOR_UID,
      PUBLICATION_LOG_UID,
      SITE_SETTING_UID,
      TAG_UID,
    ]) {
      const { metadatas } = await configurationOf(uid);
      const fields = Object.keys(
        app.strapi.contentType(uid as typeof ARTICLE_UID).attributes,
      ).filter((field) => !SYSTEM_FIELDS.includes(field));
      for (const field of fields) {
        const { label, description } = metadatas[field].edit;
        expect({ uid, field, label }).not.toEqual({ uid, field, label: field });
        expect({
          uid,
          field,
          hint: typeof description === 'string' && description.length > 5,
        }).toEqual({ uid, field, hint: true });
      }
    }
    const article = await configurationOf(ARTICLE_UID);
    expect(article.metadatas.readingTimeMinutes.edit).toMatchObject({
      label: 'Reading time (minutes)',
      editable: false,
    });
    expect(article.metadatas.readyForReview.edit.label).toBe('Ready for review');
    expect(article.metadatas.originallyPublishedAt.edit.label).toBe('First published');
  });

  it('lists articles with section, byline, review, schedule and last update, newest first', async () => {
    const { layouts, settings, metadatas } = await configurationOf(ARTICLE_UID);
    expect(layouts.list).toEqual([
      'title',
      'section',
      'authors',
      'readyForReview',
      'scheduledAt',
      'updatedAt',
    ]);
    expect(metadatas.section.list).toMatchObject({ label: 'Section', mainField: 'name' });
    expect(settings).toMatchObject({ defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' });
  });

  it('lists the publishing log by when, who and what, newest first', async () => {
    const { layouts, settings, metadatas } = await configurationOf(PUBLICATION_LOG_UID);
    expect(layouts.list.slice(0, 4)).toEqual(['at', 'actor', 'action', 'articleTitle']);
    expect([metadatas.at.list.label, metadatas.actor.list.label]).toEqual(['When', 'Who']);
    expect(settings).toMatchObject({ defaultSortBy: 'at', defaultSortOrder: 'DESC' });
  });

  it('changes nothing on a second run, and keeps a label an administrator changed', async () => {
    const before = await service().findConfiguration({ uid: SECTION_UID });
    await runStep();
    expect(await service().findConfiguration({ uid: SECTION_UID })).toEqual(before);

    const edited = structuredClone(before);
    edited.metadatas.name.edit.label = 'Desk name';
    edited.layouts.list = ['name', 'description'];
    await service().updateConfiguration({ uid: SECTION_UID }, edited);
    await runStep();

    const after = await configurationOf(SECTION_UID);
    expect(after.metadatas.name.edit.label).toBe('Desk name');
    expect(after.layouts.list).toEqual(['name', 'description']);
    // What the administrator left alone is still the step's.
    expect(after.metadatas.parent.edit.label).toBe('Inside section');
  });
});
