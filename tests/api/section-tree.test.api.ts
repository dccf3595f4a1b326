/**
 * Sections form a tree: the admin refuses (400, nothing changed) any parent that would make a
 * section its own ancestor, however the cycle is made, and accepts a proper nesting.
 */

import { SECTION_UID } from '../../src/constants';
import { adminLogin, type ContentManager, contentManager } from '../helpers/admin';
import { expectValidationError } from '../helpers/errors';
import { connect, createSection } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('the section tree', () => {
  let app: TestApp;
  let cm: ContentManager;

  const parentOf = async (documentId: string): Promise<string | null> => {
    const row: { parent: { documentId: string } | null } | null = await app.strapi.db
      .query(SECTION_UID)
      .findOne({ where: { documentId }, populate: { parent: { select: ['documentId'] } } });
    return row?.parent?.documentId ?? null;
  };
  const sectionCount = () => app.strapi.db.query(SECTION_UID).count();

  beforeAll(async () => {
    app = await bootStrapi();
    cm = contentManager(app, await adminLogin(app));
  });
  afterAll(stopStrapi);

  it('refuses a parent that makes a cycle (A under B, then B under A) and keeps B where it was', async () => {
    const a = await createSection(app.strapi);
    const b = await createSection(app.strapi);

    const first = await cm.update(SECTION_UID, a.documentId, { parent: connect(b.documentId) });
    expect(first.status).toBe(200);
    expect(await parentOf(a.documentId)).toBe(b.documentId);

    const cycle = await cm.update(SECTION_UID, b.documentId, { parent: connect(a.documentId) });
    expectValidationError(cycle, 'A section cannot be its own ancestor', 'parent');
    expect(await parentOf(b.documentId)).toBeNull();
    expect(await parentOf(a.documentId)).toBe(b.documentId);
  });

  it('refuses a section as its own parent', async () => {
    const a = await createSection(app.strapi);

    const res = await cm.update(SECTION_UID, a.documentId, { parent: connect(a.documentId) });

    expectValidationError(res, 'A section cannot be its own ancestor', 'parent');
    expect(await parentOf(a.documentId)).toBeNull();
  });

  it('refuses a longer cycle (A under B under C, then C under A)', async () => {
    const c = await createSection(app.strapi);
    const b = await createSection(app.strapi, { parent: c.documentId });
    const a = await createSection(app.strapi, { parent: b.documentId });

    const res = await cm.update(SECTION_UID, c.documentId, { parent: connect(a.documentId) });

    expectValidationError(res, 'own ancestor', 'parent');
    expect(await parentOf(c.documentId)).toBeNull();
  });

  it('refuses a cycle made through `children` and one made at creation', async () => {
    const top = await createSection(app.strapi);
    const child = await createSection(app.strapi, { parent: top.documentId });

    const res = await cm.update(SECTION_UID, child.documentId, {
      children: connect(top.documentId),
    });
    expectValidationError(res, 'own ancestor', 'parent');
    expect(await parentOf(top.documentId)).toBeNull();
    expect(await parentOf(child.documentId)).toBe(top.documentId);

    const before = await sectionCount();
    const created = await cm.create(SECTION_UID, {
      name: `Loop ${Math.random()}`,
      parent: connect(child.documentId),
      children: connect(top.documentId),
    });
    expectValidationError(created, 'own ancestor', 'parent');
    expect(await sectionCount()).toBe(before);
    expect(await parentOf(top.documentId)).toBeNull();
  });

  it('accepts a proper nesting', async () => {
    const world = await createSection(app.strapi);
    const europe = await cm.create(SECTION_UID, {
      name: `Europe ${Math.random()}`,
      parent: connect(world.documentId),
    });

    expect(europe.status).toBe(201);
    expect(await parentOf(europe.body.data.documentId)).toBe(world.documentId);
  });
});
